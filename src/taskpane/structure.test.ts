import { describe, expect, it } from "vitest";
import { withMessage } from "../core/messages/index";
import { problem } from "../core/problems/index";
import type { Problem } from "../core/types";
import { translator } from "./i18n";
import { structureText } from "./structure";

function missingColumn(): Problem {
  const draft = problem("missing-column", {
    kind: "members",
    sheet: "会员",
    row: 1,
    column: null,
    value: null,
    params: { kind: "members", field: "joined" },
  });
  return withMessage(draft, "zh");
}

describe("what the pane says when the 会员 sheet cannot be used", () => {
  it("names a missing column by the header the user would type, with its other spellings, never its key", () => {
    const zh = structureText(translator("zh"), "zh", [missingColumn()]);
    expect(zh).toBe(
      "“会员”工作表缺少必需的列“入会日期”（也可写作：入会时间、Joined）。请在表头中添加该列，然后重新计算。"
    );
    const en = structureText(translator("en"), "en", [missingColumn()]);
    expect(en).toContain("a required column, Joined (also recognised as: 入会日期, 入会时间)");
    expect(`${zh}${en}`).not.toContain("joined");
  });
});
