import { describe, expect, it } from "vitest";
import type { Problem, ProblemCode, ProblemDraft, SheetKind } from "../types";
import { renderMessage, withMessage } from "./index";

type DraftOf<C extends ProblemCode> = Extract<ProblemDraft, { code: C }>;

interface Sample<C extends ProblemCode> {
  readonly draft: DraftOf<C>;
  /** Texts each message must contain, per language. */
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

function at(
  kind: SheetKind | null,
  sheet: string,
  row: number | null,
  column: string | null,
  value: string | null
) {
  return { severity: "error" as const, kind, sheet, row, column, value };
}

/** One sample draft per code; the mapped type makes a missing code a compile error. */
const SAMPLES: { readonly [C in ProblemCode]: Sample<C> } = {
  "missing-sheet": {
    draft: { code: "missing-sheet", ...at(null, "", null, null, null), params: { kind: "dues" } },
    zh: ["会费", "“会费收缴”", "“会费台账”", "“Dues”"],
    en: ["Dues sheet", '"会费台账"', "unavailable"],
  },
  "missing-column": {
    draft: {
      code: "missing-column",
      ...at("members", "会员", null, null, null),
      params: { kind: "members", field: "joined" },
    },
    zh: ["会员表", "“入会日期”", "“入会时间”", "“Joined”"],
    en: ["Members sheet", '"Joined"', '"入会时间"'],
  },
  "duplicate-column": {
    draft: {
      code: "duplicate-column",
      ...at("members", "会员", 1, "F", "编号"),
      params: { kind: "members", field: "id", firstColumn: "A" },
    },
    zh: ["F 列", "A 列", "“会员编号”"],
    en: ["Column F", "column A", '"Member ID"'],
  },
  "blank-required": {
    draft: {
      code: "blank-required",
      ...at("chambers", "商会", 5, "D", null),
      params: { field: "township", why: "township-chamber" },
    },
    zh: ["“所属乡镇街道”", "乡镇街道商会"],
    en: ["Township", "township chamber"],
  },
  "not-a-number": {
    draft: {
      code: "not-a-number",
      ...at("dues", "会费", 7, "C", "一千"),
      params: { field: "due" },
    },
    zh: ["“应缴金额”", "“一千”", "1.2万"],
    en: ["Amount due", '"一千"', "1,200"],
  },
  "not-an-integer": {
    draft: {
      code: "not-an-integer",
      ...at("chambers", "商会", 3, "J", "2.5"),
      params: { field: "fullTimeStaff", min: 0 },
    },
    zh: ["“专职人员数”", "“2.5”", "不小于 0"],
    en: ["Full-time staff", '"2.5"', "at least 0"],
  },
  "not-a-date": {
    draft: {
      code: "not-a-date",
      ...at("members", "会员", 9, "H", "2014-02-30"),
      params: { field: "joined", impossible: true },
    },
    zh: ["“入会日期”", "“2014-02-30”", "不是真实存在的日期"],
    en: ["Joined", '"2014-02-30"', "not a real day"],
  },
  "not-a-boolean": {
    draft: {
      code: "not-a-boolean",
      ...at("chambers", "商会", 4, "G", "也许"),
      params: { field: "registered" },
    },
    zh: ["“民政登记”", "“也许”", "是/否"],
    en: ["Registered", '"也许"', "yes/no"],
  },
  "not-a-year": {
    draft: {
      code: "not-a-year",
      ...at("dues", "会费", 6, "B", "去年"),
      params: { field: "year", min: 1949, max: 2026 },
    },
    zh: ["“年度”", "“去年”", "1949", "2026"],
    en: ["Year", '"去年"', "between 1949 and 2026"],
  },
  "formula-error": {
    draft: {
      code: "formula-error",
      ...at("dues", "会费", 8, "C", "#DIV/0!"),
      params: { field: "due" },
    },
    zh: ["“应缴金额”", "“#DIV/0!”"],
    en: ["Amount due", '"#DIV/0!"'],
  },
  "bad-enum": {
    draft: {
      code: "bad-enum",
      ...at("chambers", "商会", 3, "C", "行业商汇"),
      params: {
        field: "type",
        suggestion: "行业商会",
        accepted: ["乡镇街道商会", "行业商会", "区域性商会", "异地商会", "其他商会"],
      },
    },
    zh: [
      "商会类型“行业商汇”不是可接受的类型，是否应为“行业商会”？可接受：乡镇街道商会、行业商会、区域性商会、异地商会、其他商会。",
    ],
    en: ['Type "行业商汇" is not an accepted type; did you mean "行业商会"?', "异地商会, 其他商会"],
  },
  "duplicate-id": {
    draft: {
      code: "duplicate-id",
      ...at("members", "会员", 12, "A", "M001"),
      params: { field: "id", firstRow: 3 },
    },
    zh: ["会员编号", "“M001”", "第 3 行"],
    en: ["Member ID", '"M001"', "row 3"],
  },
  "duplicate-uscc": {
    draft: {
      code: "duplicate-uscc",
      ...at("members", "会员", 12, "F", "91350100M000100Y43"),
      params: { firstRow: 4 },
    },
    zh: ["“91350100M000100Y43”", "第 4 行"],
    en: ['"91350100M000100Y43"', "row 4"],
  },
  "bad-uscc": {
    draft: {
      code: "bad-uscc",
      ...at("members", "会员", 5, "F", "913501001234567000"),
      params: { reason: "number" },
    },
    zh: ["“913501001234567000”", "以数字形式保存", "15", "文本格式"],
    en: [
      '"913501001234567000"',
      "stored as a number",
      "Excel keeps 15",
      "format the column as text",
    ],
  },
  "unknown-chamber": {
    draft: {
      code: "unknown-chamber",
      ...at("members", "会员", 6, "D", "鼓楼区餐饮商会"),
      params: { suggestion: "鼓楼区餐饮行业商会" },
    },
    zh: ["“鼓楼区餐饮商会”", "是否应为“鼓楼区餐饮行业商会”"],
    en: ['"鼓楼区餐饮商会"', 'did you mean "鼓楼区餐饮行业商会"'],
  },
  "dues-without-members": {
    draft: {
      code: "dues-without-members",
      ...at("dues", "会费", null, null, null),
      params: { rows: 4942 },
    },
    zh: ["4942 行", "会员表", "未计入"],
    en: ["4942 rows", "Members sheet", "None of them is counted"],
  },
  "unknown-member": {
    draft: { code: "unknown-member", ...at("dues", "会费", 9, "A", "M999"), params: {} },
    zh: ["“M999”", "会员表"],
    en: ['"M999"', "Members sheet"],
  },
  "member-excluded": {
    draft: {
      code: "member-excluded",
      ...at("dues", "会费", 10, "A", "M002"),
      params: { memberSheet: "会员名册", memberRow: 17 },
    },
    zh: ["“会员名册”", "第 17 行"],
    en: ['"会员名册"', "row 17"],
  },
  "unknown-township": {
    draft: {
      code: "unknown-township",
      ...at("members", "会员", 6, "E", "鼓楼"),
      params: { suggestion: "鼓楼街道" },
    },
    zh: ["“鼓楼”", "“鼓楼街道”"],
    en: ['"鼓楼"', '"鼓楼街道"'],
  },
  "date-in-future": {
    draft: {
      code: "date-in-future",
      ...at("members", "会员", 6, "H", "2030-01-01"),
      params: { field: "joined", today: "2025-11-25" },
    },
    zh: ["入会日期", "“2030-01-01”", "2025-11-25"],
    en: ["Joined", '"2030-01-01"', "2025-11-25"],
  },
  "date-order": {
    draft: {
      code: "date-order",
      ...at("members", "会员", 6, "I", "2010-01-01"),
      params: { field: "left", otherField: "joined", other: "2012-03-01" },
    },
    zh: ["退会日期“2010-01-01”早于入会日期（2012-03-01）"],
    en: ['Left "2010-01-01" is before Joined (2012-03-01)'],
  },
  "joined-before-founded": {
    draft: {
      code: "joined-before-founded",
      ...at("members", "会员", 6, "H", "2009-05-01"),
      params: { chamberId: "C03", founded: "2010-06-18" },
    },
    zh: ["“2009-05-01”", "“C03”", "2010-06-18"],
    en: ['"2009-05-01"', '"C03"', "2010-06-18"],
  },
  "negative-amount": {
    draft: {
      code: "negative-amount",
      ...at("dues", "会费", 6, "D", "-500"),
      params: { field: "paid" },
    },
    zh: ["实缴金额", "“-500”"],
    en: ["Amount paid", '"-500"'],
  },
  overpaid: {
    draft: {
      code: "overpaid",
      ...at("dues", "会费", 6, "D", "12000"),
      params: { due: 10000, paid: 12000.5 },
    },
    zh: ["12,000.50", "10,000"],
    en: ["12,000.50", "10,000"],
  },
  "paid-without-date": {
    draft: { code: "paid-without-date", ...at("dues", "会费", 6, "E", null), params: {} },
    zh: ["缴费日期"],
    en: ["Paid on"],
  },
  "duplicate-dues": {
    draft: {
      code: "duplicate-dues",
      ...at("dues", "会费", 20, "A", "M001"),
      params: { memberId: "M001", year: 2014, firstRow: 8 },
    },
    zh: ["“M001”", "2014", "第 8 行"],
    en: ['"M001"', "2014", "row 8"],
  },
  "dues-outside-membership": {
    draft: {
      code: "dues-outside-membership",
      ...at("dues", "会费", 20, "B", "2010"),
      params: { year: 2010, joinedYear: 2012, leftYear: 2016 },
    },
    zh: ["2010", "2012 年入会", "2016 年退会"],
    en: ["2010", "joined 2012", "left 2016"],
  },
  "duplicate-township-year": {
    draft: {
      code: "duplicate-township-year",
      ...at("townships", "乡镇", 9, "A", "鼓楼街道"),
      params: { township: "鼓楼街道", year: 2014, firstRow: 3 },
    },
    zh: ["“鼓楼街道”", "2014", "第 3 行"],
    en: ['"鼓楼街道"', "2014", "row 3"],
  },
  "township-year-missing": {
    draft: {
      code: "township-year-missing",
      ...at("townships", "乡镇", null, null, null),
      params: { township: "洪山镇", year: 2014, usedYear: 2012 },
    },
    zh: ["“洪山镇”", "2014", "已使用 2012 年度"],
    en: ['"洪山镇"', "2014", "the 2012 figure was used"],
  },
  "bad-phone": {
    draft: { code: "bad-phone", ...at("members", "会员", 6, "K", "12345"), params: {} },
    zh: ["“12345”", "手机号"],
    en: ['"12345"', "mobile"],
  },
  "bad-url": {
    draft: { code: "bad-url", ...at("chambers", "商会", 6, "L", "暂无网站"), params: {} },
    zh: ["“暂无网站”", "www.example.com"],
    en: ['"暂无网站"', "www.example.com"],
  },
  "bad-setting": {
    draft: {
      code: "bad-setting",
      ...at("settings", "设置", 3, "B", "十个百分点"),
      params: { setting: "coverageTarget", defaultValue: "10%" },
    },
    zh: ["“会员覆盖率目标”", "“十个百分点”", "默认值 10%"],
    en: ['"Coverage target"', '"十个百分点"', "default 10%"],
  },
  "output-sheet-renamed": {
    draft: {
      code: "output-sheet-renamed",
      ...at(null, "汇总", null, null, null),
      params: { wanted: "汇总", usedName: "汇总 (2)" },
    },
    zh: ["“汇总”", "“汇总 (2)”"],
    en: ['"汇总"', '"汇总 (2)"'],
  },
};

const CASES = Object.values(SAMPLES) as readonly Sample<ProblemCode>[];

describe("problem messages", () => {
  it.each(CASES.map((s) => [s.draft.code, s] as const))(
    "renders %s in Chinese and English with its key values",
    (_code, sample) => {
      const zh = renderMessage(sample.draft, "zh");
      const en = renderMessage(sample.draft, "en");
      for (const text of sample.zh) expect(zh).toContain(text);
      for (const text of sample.en) expect(en).toContain(text);
      expect(zh).not.toMatch(/undefined|null|\[object/);
      expect(en).not.toMatch(/undefined|null|\[object/);
      expect(zh).not.toBe(en);
    }
  );

  it("writes each message as one sentence ending with a full stop", () => {
    for (const { draft } of CASES) {
      expect(renderMessage(draft, "zh")).toMatch(/[。？]$/);
      expect(renderMessage(draft, "en")).toMatch(/[.?]$/);
    }
  });

  it("renders a bad-enum without a suggestion without asking a question", () => {
    const draft: DraftOf<"bad-enum"> = {
      ...SAMPLES["bad-enum"].draft,
      value: "xx",
      params: { field: "type", suggestion: null, accepted: ["企业会员", "团体会员", "个人会员"] },
      kind: "members",
    };
    expect(renderMessage(draft, "zh")).toBe(
      "会员类型“xx”不是可接受的类型。可接受：企业会员、团体会员、个人会员。"
    );
    expect(renderMessage(draft, "en")).toBe(
      'Member type "xx" is not an accepted type. Accepted: 企业会员, 团体会员, 个人会员.'
    );
  });

  it("says 0 was counted when a township has no earlier year", () => {
    const draft: DraftOf<"township-year-missing"> = {
      ...SAMPLES["township-year-missing"].draft,
      params: { township: "洪山镇", year: 2014, usedYear: null },
    };
    expect(renderMessage(draft, "zh")).toContain("按 0 计算");
    expect(renderMessage(draft, "en")).toContain("0 was counted");
  });

  it("explains each reason a credit code is bad", () => {
    const base = SAMPLES["bad-uscc"].draft;
    const render = (params: DraftOf<"bad-uscc">["params"], value: string) =>
      renderMessage({ ...base, value, params }, "en");
    expect(render({ reason: "length" }, "9135010")).toContain(
      "has 7 characters; a credit code has 18"
    );
    expect(render({ reason: "character", badCharacter: "O" }, "91350100MO00100Y43")).toContain(
      '"O", which is not allowed'
    );
    expect(render({ reason: "check", expectedCheck: "3" }, "91350100M000100Y44")).toContain(
      'the 18th should be "3"'
    );
    expect(
      renderMessage({ ...base, value: "9135010", params: { reason: "length" } }, "zh")
    ).toContain("应为 18 位，现为 7 位");
  });

  it("names the member's sheet and row when dues are excluded", () => {
    expect(renderMessage(SAMPLES["member-excluded"].draft, "zh")).toBe(
      "该会员在“会员名册”表第 17 行的记录有错误、未被统计，因此本行会费也不统计；请先修正该会员行。"
    );
  });

  it("adds the message to a draft and keeps everything else", () => {
    const draft = SAMPLES["duplicate-id"].draft;
    const problem: Problem = withMessage(draft, "en");
    expect(problem).toEqual({ ...draft, message: renderMessage(draft, "en") });
    expect(problem.message).toContain("row 3");
  });
});
