/**
 * The work report's paragraphs as data: which sentences there are, what each says, and why one
 * was left out. The wording is per language (zh.ts, en.ts); which sentences appear and from which
 * figures is decided once, in narrative.ts.
 */
import type { ChamberMetrics, CoverageMetrics, DuesMetrics, MemberMetrics } from "../types";
import type { NarrativeFigure, SentenceBuilder } from "./figures";

export type ParagraphKey = "chambers" | "members" | "coverage" | "dues";

export type SentenceKey =
  | "chambers.byType"
  | "chambers.quality"
  | "members.byType"
  | "members.newInYear"
  | "members.growth"
  | "members.growthSinceBase"
  | "coverage.townships"
  | "coverage.members"
  | "dues.collection"
  | "dues.chambers";

/** Why a sentence is not in the text. */
export type OmissionReason =
  | "no-chambers-sheet"
  | "no-active-chambers"
  | "no-members-sheet"
  | "no-previous-year-members"
  | "base-year-is-reporting-year"
  | "no-base-year-members"
  | "no-townships-sheet"
  | "no-townships-column"
  | "no-townships"
  | "no-non-public-enterprises"
  | "no-dues-sheet"
  | "nothing-due";

export interface NarrativeSentence {
  readonly key: SentenceKey;
  readonly text: string;
  /** Places relative to this sentence's text. */
  readonly figures: readonly NarrativeFigure[];
}

export interface NarrativeParagraph {
  readonly key: ParagraphKey;
  /** The sentences joined as the language joins them. */
  readonly text: string;
  readonly sentences: readonly NarrativeSentence[];
  /** Every figure of the paragraph, with places relative to the paragraph's text. */
  readonly figures: readonly NarrativeFigure[];
}

export interface OmittedSentence {
  readonly key: SentenceKey;
  readonly reason: OmissionReason;
  /** The reason as a sentence in the narrative's language. */
  readonly message: string;
}

export interface Narrative {
  readonly paragraphs: readonly NarrativeParagraph[];
  readonly omitted: readonly OmittedSentence[];
}

/** The narrative as §6's `narrative` holds it: each paragraph's text and figures. */
export interface NarrativeJson {
  readonly paragraphs: readonly Pick<NarrativeParagraph, "key" | "text" | "figures">[];
  readonly omitted: readonly OmittedSentence[];
}

/** What the sentences are written from: the §6 figures and the settings they depend on. */
export interface NarrativeFacts {
  readonly asOf: string;
  readonly year: number;
  readonly baseYear: number;
  readonly coverageTarget: number;
  readonly duesIncomeThreshold: number;
}

/** One language's wording: a writer per sentence, each given figures that are known not null. */
export interface NarrativeWording {
  /** How sentences are joined into a paragraph ("" in Chinese, " " in English). */
  readonly joiner: string;
  readonly reasons: Readonly<Record<OmissionReason, string>>;
  readonly chambersByType: (s: SentenceBuilder, f: NarrativeFacts, c: ChamberMetrics) => void;
  readonly chambersQuality: (s: SentenceBuilder, c: ChamberMetrics) => void;
  readonly membersByType: (s: SentenceBuilder, f: NarrativeFacts, m: MemberMetrics) => void;
  readonly membersNewInYear: (s: SentenceBuilder, f: NarrativeFacts, m: MemberMetrics) => void;
  readonly membersGrowth: (
    s: SentenceBuilder,
    f: NarrativeFacts,
    m: MemberMetrics,
    rate: number
  ) => void;
  readonly membersGrowthSinceBase: (
    s: SentenceBuilder,
    f: NarrativeFacts,
    m: MemberMetrics,
    rate: number
  ) => void;
  readonly coverageTownships: (
    s: SentenceBuilder,
    c: CoverageMetrics & { townships: number; townshipsWithChamber: number },
    rate: number
  ) => void;
  readonly coverageMembers: (
    s: SentenceBuilder,
    c: CoverageMetrics & { nonPublicEnterprises: number; enterpriseMembers: number },
    rate: number
  ) => void;
  readonly duesCollection: (s: SentenceBuilder, d: DuesMetrics, rate: number) => void;
  readonly duesChambers: (
    s: SentenceBuilder,
    f: NarrativeFacts,
    c: ChamberMetrics & {
      fullCollection: number;
      fullCollectionRate: number;
      incomeAtLeastThreshold: number;
      incomeAtLeastThresholdRate: number;
    }
  ) => void;
}
