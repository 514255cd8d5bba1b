/**
 * The paragraphs of the annual work report, written from the result's figures (§6) so that they
 * cannot contradict the records: every number in them is a metric, formatted as reports write it
 * (figures.ts), with the path it came from. Which sentences appear is decided here, once; a
 * sentence whose figure is null is left out and listed with its reason. The wording is per
 * language (zh.ts, en.ts).
 */
import type { FiguresJson, Lang, Settings } from "../types";
import { en } from "./en";
import { SentenceBuilder, type NarrativeFigure } from "./figures";
import type {
  Narrative,
  NarrativeFacts,
  NarrativeJson,
  NarrativeParagraph,
  NarrativeSentence,
  NarrativeWording,
  OmissionReason,
  OmittedSentence,
  ParagraphKey,
  SentenceKey,
} from "./types";
import { zh } from "./zh";

const WORDINGS: Readonly<Record<Lang, NarrativeWording>> = { zh, en };

/** The settings a narrative quotes besides the §6 figures. */
export type NarrativeSettings = Pick<Settings, "coverageTarget" | "duesIncomeThreshold">;

/** A sentence's text, or why it is not in the narrative. */
type Outcome = ((s: SentenceBuilder) => void) | OmissionReason;

export function buildNarrative(
  json: FiguresJson,
  settings: NarrativeSettings,
  lang: Lang
): Narrative {
  const words = WORDINGS[lang];
  const facts: NarrativeFacts = {
    asOf: json.asOf,
    year: json.year,
    baseYear: json.baseYear,
    coverageTarget: settings.coverageTarget,
    duesIncomeThreshold: settings.duesIncomeThreshold,
  };
  const plan: readonly (readonly [ParagraphKey, readonly (readonly [SentenceKey, Outcome])[]])[] = [
    ["chambers", chamberSentences(json, facts, words)],
    ["members", memberSentences(json, facts, words)],
    ["coverage", coverageSentences(json, words)],
    ["dues", duesSentences(json, facts, words)],
  ];
  const paragraphs: NarrativeParagraph[] = [];
  const omitted: OmittedSentence[] = [];
  for (const [key, sentences] of plan) {
    const written: NarrativeSentence[] = [];
    for (const [sentenceKey, outcome] of sentences) {
      if (typeof outcome === "string") {
        omitted.push({ key: sentenceKey, reason: outcome, message: words.reasons[outcome] });
        continue;
      }
      const builder = new SentenceBuilder(lang);
      outcome(builder);
      written.push({ key: sentenceKey, ...builder.done() });
    }
    if (written.length > 0) paragraphs.push(paragraph(key, written, words.joiner));
  }
  return { paragraphs, omitted };
}

/** The narrative as the §6 JSON holds it: paragraphs with their text and figures, and what was left out. */
export function narrativeJson(narrative: Narrative): NarrativeJson {
  return {
    paragraphs: narrative.paragraphs.map(({ key, text, figures }) => ({ key, text, figures })),
    omitted: narrative.omitted,
  };
}

/** The sentences joined, with every figure's place moved to the paragraph's text. */
function paragraph(
  key: ParagraphKey,
  sentences: readonly NarrativeSentence[],
  joiner: string
): NarrativeParagraph {
  let text = "";
  const figures: NarrativeFigure[] = [];
  sentences.forEach((sentence, i) => {
    if (i > 0) text += joiner;
    const offset = text.length;
    for (const f of sentence.figures) {
      figures.push({ ...f, start: f.start + offset, end: f.end + offset });
    }
    text += sentence.text;
  });
  return { key, text, sentences, figures };
}

function chamberSentences(
  json: FiguresJson,
  facts: NarrativeFacts,
  words: NarrativeWording
): (readonly [SentenceKey, Outcome])[] {
  const c = json.chambers;
  if (c === null) {
    return [
      ["chambers.byType", "no-chambers-sheet"],
      ["chambers.quality", "no-chambers-sheet"],
    ];
  }
  return [
    ["chambers.byType", (s) => words.chambersByType(s, facts, c)],
    [
      "chambers.quality",
      c.total === 0 || c.registeredRate === null
        ? "no-active-chambers"
        : (s) => words.chambersQuality(s, c),
    ],
  ];
}

function memberSentences(
  json: FiguresJson,
  facts: NarrativeFacts,
  words: NarrativeWording
): (readonly [SentenceKey, Outcome])[] {
  const m = json.members;
  if (m === null) {
    const keys: SentenceKey[] = [
      "members.byType",
      "members.newInYear",
      "members.growth",
      "members.growthSinceBase",
    ];
    return keys.map((key) => [key, "no-members-sheet"] as const);
  }
  const growth = m.growthRate;
  const sinceBase = m.growthSinceBase;
  return [
    ["members.byType", (s) => words.membersByType(s, facts, m)],
    ["members.newInYear", (s) => words.membersNewInYear(s, facts, m)],
    [
      "members.growth",
      growth === null
        ? "no-previous-year-members"
        : (s) => words.membersGrowth(s, facts, m, growth),
    ],
    [
      "members.growthSinceBase",
      facts.baseYear >= facts.year
        ? "base-year-is-reporting-year"
        : sinceBase === null
          ? "no-base-year-members"
          : (s) => words.membersGrowthSinceBase(s, facts, m, sinceBase),
    ],
  ];
}

function coverageSentences(
  json: FiguresJson,
  words: NarrativeWording
): (readonly [SentenceKey, Outcome])[] {
  const c = json.coverage;
  if (c.unavailableReason !== null) {
    const reason =
      c.unavailableReason === "missing-sheet" ? "no-townships-sheet" : "no-townships-column";
    return [
      ["coverage.townships", reason],
      ["coverage.members", reason],
    ];
  }
  const { townships, townshipsWithChamber, townshipChamberCoverage } = c;
  const { nonPublicEnterprises, enterpriseMembers, memberCoverage } = c;
  return [
    [
      "coverage.townships",
      townships === null || townshipsWithChamber === null || townshipChamberCoverage === null
        ? "no-townships"
        : (s) =>
            words.coverageTownships(
              s,
              { ...c, townships, townshipsWithChamber },
              townshipChamberCoverage
            ),
    ],
    [
      "coverage.members",
      nonPublicEnterprises === null || enterpriseMembers === null || memberCoverage === null
        ? "no-non-public-enterprises"
        : (s) =>
            words.coverageMembers(
              s,
              { ...c, nonPublicEnterprises, enterpriseMembers },
              memberCoverage
            ),
    ],
  ];
}

function duesSentences(
  json: FiguresJson,
  facts: NarrativeFacts,
  words: NarrativeWording
): (readonly [SentenceKey, Outcome])[] {
  const d = json.dues;
  if (d === null) {
    return [
      ["dues.collection", "no-dues-sheet"],
      ["dues.chambers", "no-dues-sheet"],
    ];
  }
  const rate = d.collectionRate;
  const c = json.chambers;
  const chambers: Outcome =
    c === null
      ? "no-chambers-sheet"
      : c.fullCollection === null || c.incomeAtLeastThreshold === null
        ? "no-dues-sheet"
        : c.fullCollectionRate === null || c.incomeAtLeastThresholdRate === null
          ? "no-active-chambers"
          : chambersOfDues(words, facts, {
              ...c,
              fullCollection: c.fullCollection,
              fullCollectionRate: c.fullCollectionRate,
              incomeAtLeastThreshold: c.incomeAtLeastThreshold,
              incomeAtLeastThresholdRate: c.incomeAtLeastThresholdRate,
            });
  return [
    ["dues.collection", rate === null ? "nothing-due" : (s) => words.duesCollection(s, d, rate)],
    ["dues.chambers", chambers],
  ];
}

function chambersOfDues(
  words: NarrativeWording,
  facts: NarrativeFacts,
  c: Parameters<NarrativeWording["duesChambers"]>[2]
): (s: SentenceBuilder) => void {
  return (s) => words.duesChambers(s, facts, c);
}
