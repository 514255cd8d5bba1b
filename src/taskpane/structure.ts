/**
 * What the pane says when the 会员 sheet cannot be used: missing, or missing a required column —
 * named by the header the user would type (入会日期) and the others it is known by, never by the
 * field's internal key.
 */
import { fieldLabel, headerAliases } from "../core/schema";
import type { Lang, Problem } from "../core/types";
import type { Translate } from "./i18n";

export function structureText(t: Translate, lang: Lang, problems: readonly Problem[]): string {
  const problem = problems.find(
    (p) => p.kind === "members" && (p.code === "missing-sheet" || p.code === "missing-column")
  );
  if (problem?.code === "missing-sheet") return t("structure.missing-sheet");
  if (problem?.code !== "missing-column") return t("structure.other");
  const { kind, field } = problem.params;
  const label = fieldLabel(kind, field, lang);
  const others = headerAliases(kind, field).filter((a) => a !== label);
  return t("structure.missing-column", {
    field: label,
    aliases: others.join(lang === "zh" ? "、" : ", "),
  });
}
