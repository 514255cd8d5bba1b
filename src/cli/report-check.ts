/**
 * `--check-report DRAFT`: one line per figure of the draft (where it is, what it says, the
 * verdict, and what the records say), then the self-contradictions, then a summary line.
 */
import {
  cellText,
  countVerdicts,
  excerpt,
  valueText,
  type CheckItem,
} from "../core/report-check/index";
import type { Lang } from "../core/types";

/** 1-based line and column (in characters) of an offset. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const WORDS = {
  zh: {
    at: (line: number, column: number) => `第${line}行第${column}字`,
    agrees: "与记录一致",
    contradicts: "与记录不符",
    notCheckable: "无法核对（没有对应的指标）",
    records: (metric: string, value: string) => `记录：${metric} = ${value}`,
    cell: (cell: string) => `（见${cell}）`,
    self: {
      "parts-sum": "各部分之和与总数不符",
      "rate-from-counts": "增幅与所引数字不符",
      "share-of-base": "比例与所引数字不符",
      "quoted-twice": "同一指标前后数字不同",
    },
    gives: (value: string) => `应为 ${value}`,
    summary: (n: number, a: number, c: number, u: number, s: number) =>
      `共 ${n} 个数字：一致 ${a} 个，不符 ${c} 个，无法核对 ${u} 个；自相矛盾 ${s} 处。`,
  },
  en: {
    at: (line: number, column: number) => `line ${line}, column ${column}`,
    agrees: "agrees with the records",
    contradicts: "contradicts the records",
    notCheckable: "not checkable (no metric speaks to it)",
    records: (metric: string, value: string) => `records: ${metric} = ${value}`,
    cell: (cell: string) => ` (see ${cell})`,
    self: {
      "parts-sum": "the parts do not add up to the whole",
      "rate-from-counts": "the rate does not follow from the counts quoted",
      "share-of-base": "the share does not follow from the count and its base",
      "quoted-twice": "the same figure is quoted with different values",
    },
    gives: (value: string) => `they give ${value}`,
    summary: (n: number, a: number, c: number, u: number, s: number) =>
      `${n} figures: ${a} agree, ${c} contradict, ${u} not checkable; ${s} self-contradiction${s === 1 ? "" : "s"}.`,
  },
} as const;

export function formatReportCheck(text: string, items: readonly CheckItem[], lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const item of items) {
    const { line, column } = placeOf(text, item.start);
    const shown = excerpt(item.text);
    const quoted = lang === "zh" ? `“${shown}”` : `"${shown}"`;
    if (item.kind === "figure") {
      const verdict =
        item.verdict === "agrees"
          ? w.agrees
          : item.verdict === "contradicts"
            ? w.contradicts
            : w.notCheckable;
      const records =
        item.metric !== undefined && item.computed !== undefined
          ? `; ${w.records(item.metric, valueText(item.computed, item.unit, lang))}`
          : "";
      const cell = item.cell === undefined ? "" : w.cell(cellText(item.cell));
      lines.push(`${w.at(line, column)} ${quoted} ${verdict}${records}${cell}`);
    } else {
      const gives = w.gives(valueText(item.computed, item.unit, lang));
      lines.push(`${w.at(line, column)} ${quoted} ${w.self[item.kind]}: ${gives}`);
    }
  }
  const n = countVerdicts(items);
  lines.push(w.summary(n.total, n.agrees, n.contradicts, n.notCheckable, n.selfContradictions));
  return `${lines.join("\n")}\n`;
}

/** Whether the draft contradicts the records or itself anywhere. */
export function hasContradiction(items: readonly CheckItem[]): boolean {
  return items.some((item) => item.verdict === "contradicts");
}
