/** `--report-text`: the work report's paragraphs (core/narrative), then what was left out and why. */
import type { Narrative } from "../core/narrative/index";
import type { Lang } from "../core/types";
import { TEXT } from "./messages";

export function formatReportText(narrative: Narrative, lang: Lang): string {
  const paragraphs = narrative.paragraphs.map((p) => p.text);
  const omitted = narrative.omitted.map((o) => TEXT[lang].omittedSentence(o.message));
  return `${[...paragraphs, ...(omitted.length > 0 ? [omitted.join("\n")] : [])].join("\n\n")}\n`;
}
