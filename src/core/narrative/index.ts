/** The work report's paragraphs, written from the result (narrative.ts) and formatted as reports write figures (figures.ts). */
export { buildNarrative, narrativeJson, type NarrativeSettings } from "./narrative";
export { headlineTable, type HeadlineRow } from "./headline";
export { formatCount, formatDate, formatRate, formatYuan, type NarrativeFigure } from "./figures";
export type {
  Narrative,
  NarrativeJson,
  NarrativeParagraph,
  NarrativeSentence,
  OmissionReason,
  OmittedSentence,
  ParagraphKey,
  SentenceKey,
} from "./types";
