/**
 * The offline manifest check on manifest.xml (it runs in CI, where Microsoft's online `validate`
 * cannot), with the URLs the webpack build serves; and the check itself catching broken manifests.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { MIN_EXCEL_API } from "../../src/adapters/office/cells";
import { checkManifest, type ManifestContext } from "./check-manifest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

interface PluginLike {
  readonly userOptions?: { readonly filename?: unknown };
  readonly patterns?: ReadonlyArray<{ readonly from?: unknown; readonly to?: unknown }>;
}

/** Files a `from` glob of the copy plugin matches, as "dir/name.ext" ("assets/*.png" only). */
function copied(from: string, to: string): string[] {
  const dir = path.dirname(from);
  const pattern = new RegExp(`^${path.basename(from).replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
  return readdirSync(path.join(root, dir))
    .filter((f) => pattern.test(f))
    .map((f) => to.replace("[name]", path.parse(f).name).replace("[ext]", path.parse(f).ext));
}

/** What `npm run build` puts in dist/, from webpack.config.js itself, and the dev server's origin. */
async function webpackOutputs(): Promise<{ served: Set<string>; origin: string }> {
  const file = path.join(root, "webpack.config.js");
  const text = readFileSync(file, "utf8");
  const mod = (await import(file)) as {
    default: (env: unknown, argv: unknown) => Promise<{ plugins: PluginLike[] }>;
  };
  const config = await mod.default({}, { mode: "production" });
  const served = new Set<string>();
  for (const plugin of config.plugins) {
    const filename = plugin.userOptions?.filename;
    if (typeof filename === "string") served.add(filename);
    for (const p of plugin.patterns ?? []) {
      if (typeof p.from === "string" && typeof p.to === "string")
        copied(p.from, p.to).forEach((f) => served.add(f));
    }
  }
  const port = /devServerPort\s*=\s*(\d+)/.exec(text)?.[1] ?? "3000";
  return { served, origin: `https://localhost:${port}` };
}

let ctx: ManifestContext;

beforeAll(async () => {
  const outputs = await webpackOutputs();
  ctx = { root, served: outputs.served, origin: outputs.origin, locale: "zh-CN" };
});

function problemsOf(xml: string): string[] {
  return checkManifest(xml, ctx).problems;
}

describe("manifest.xml", () => {
  it("passes the offline check: order, resids, lengths, zh-CN strings, icons and served URLs", () => {
    expect(problemsOf(manifest)).toEqual([]);
  });

  it("requires the ExcelApi set the adapter checks for, and runs the command the code registers", () => {
    const report = checkManifest(manifest, ctx);
    expect(report.excelApiMinVersion).toBe(MIN_EXCEL_API);
    const commands = readFileSync(path.join(root, "src/commands/commands.ts"), "utf8");
    for (const name of report.functionNames) expect(commands).toContain(`associate("${name}"`);
    expect(report.functionNames).toEqual(["recalculate"]);
  });

  it("asks for ReadWriteDocument on a Workbook host with a Home-tab group of three buttons", () => {
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest.match(/<Control xsi:type="Button"/g)?.length).toBe(3);
    expect(manifest.match(/<Action xsi:type="ShowTaskpane">/g)?.length).toBe(2);
    expect(manifest).toContain('DefaultValue="https://localhost:3000/selftest.html"');
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">/);
  });
});

describe("the offline manifest check", () => {
  it("rejects XML that is not well-formed", () => {
    expect(problemsOf(manifest.replace("</Id>", "</Idx>"))[0]).toMatch(/not well-formed/);
  });

  it("rejects elements out of the schema's order", () => {
    const swapped = manifest
      .replace("<Permissions>ReadWriteDocument</Permissions>", "")
      .replace(
        "<DefaultSettings>",
        "<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>"
      );
    expect(problemsOf(swapped).join("\n")).toMatch(
      /OfficeApp: <Permissions> is missing or out of order|not allowed here/
    );
  });

  it("rejects a resid that no resource defines, and one of the wrong kind", () => {
    expect(problemsOf(manifest.replace('resid="Group.Label"', 'resid="Group.Lable"'))).toContain(
      'Label: resid "Group.Lable" is not defined in Resources'
    );
    expect(
      problemsOf(manifest.replace('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'))
    ).toContain('Label: resid "Taskpane.Url" is a bt:Urls entry, expected bt:ShortStrings');
  });

  it("rejects strings over 125 (short) or 250 (long) characters, and a missing zh-CN override", () => {
    const long = manifest.replace(
      'DefaultValue="Recalculate"',
      `DefaultValue="${"R".repeat(126)}"`
    );
    expect(problemsOf(long).join("\n")).toMatch(
      /RecalculateButton.Label: .* 126 characters \(limit 125\)/
    );
    const noZh = manifest.replace('<bt:Override Locale="zh-CN" Value="重新计算"/>', "");
    expect(problemsOf(noZh)).toContain("bt:String RecalculateButton.Label: no zh-CN override");
  });

  it("rejects an icon whose file has another size than declared, or is missing", () => {
    const wrong = manifest.replace(
      '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
      '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>'
    );
    expect(problemsOf(wrong).join("\n")).toMatch(/icon-32.png is 32×32, declared 16×16/);
    const missing = manifest.replace("assets/icon-80.png", "assets/icon-81.png");
    expect(problemsOf(missing).join("\n")).toMatch(/icon-81.png" is not served by the build/);
  });

  it("rejects URLs on another origin or that the build does not serve", () => {
    expect(
      problemsOf(
        manifest.replace(
          "https://localhost:3000/commands.html",
          "https://localhost:3001/commands.html"
        )
      ).join("\n")
    ).toMatch(/is not on https:\/\/localhost:3000/);
    expect(
      problemsOf(
        manifest.replace(
          '3000/taskpane.html"/>\n  </DefaultSettings>',
          '3000/index.html"/>\n  </DefaultSettings>'
        )
      ).join("\n")
    ).toMatch(/"index.html" is not served by the build/);
  });
});
