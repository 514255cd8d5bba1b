/**
 * Where office.js comes from (OFFICE_JS=global|china|local) and the production manifest, checked
 * on webpack.config.js in-process for each choice, and on one real production build with
 * OFFICE_JS=local and ADDIN_URL set (about 20 s on two cores).
 */
import type { Buffer } from "node:buffer";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const packageDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");

interface PluginLike {
  readonly userOptions?: {
    readonly filename?: unknown;
    readonly templateParameters?: Record<string, unknown>;
    readonly templateContent?: unknown;
  };
  readonly patterns?: ReadonlyArray<{
    readonly from?: unknown;
    readonly to?: unknown;
    readonly transform?: (content: Buffer) => unknown;
  }>;
}

interface ConfigModule {
  default: (env: unknown, argv: unknown) => Promise<{ plugins: PluginLike[] }>;
  OFFICE_JS_SOURCES: Record<string, string>;
}

const configModule = (): Promise<ConfigModule> =>
  import(path.join(root, "webpack.config.js")) as Promise<ConfigModule>;

/** The production config as webpack.config.js builds it with these environment variables. */
async function configWith(vars: Record<string, string | undefined>): Promise<PluginLike[]> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  try {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const mod = await configModule();
    return (await mod.default({}, { mode: "production" })).plugins;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function page(plugins: readonly PluginLike[], filename: string): PluginLike["userOptions"] {
  const found = plugins.find((p) => p.userOptions?.filename === filename);
  if (!found) throw new Error(`no HtmlWebpackPlugin for ${filename}`);
  return found.userOptions;
}

function copyPatterns(plugins: readonly PluginLike[]) {
  return plugins.flatMap((p) => p.patterns ?? []);
}

/** The src of every <script> of an HTML page, in document order (quoted or not, as minified). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? ""
  );
}

describe("OFFICE_JS chooses where the pages load office.js from", () => {
  const expected = {
    global: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    china: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    local: "office-js/office.js",
  };

  for (const [name, url] of Object.entries(expected)) {
    it(`OFFICE_JS=${name} makes the task pane and the command page load ${url}`, async () => {
      const plugins = await configWith({ OFFICE_JS: name });
      expect(page(plugins, "taskpane.html")?.templateParameters?.["officeJs"]).toBe(url);
      expect(page(plugins, "selftest.html")?.templateParameters?.["officeJs"]).toBe(url);
      const commands = page(plugins, "commands.html")?.templateContent;
      expect(typeof commands === "string" ? scriptSources(commands) : []).toEqual([url]);
      const local = copyPatterns(plugins).filter((p) => p.to === "office-js/");
      expect(local.length).toBe(name === "local" ? 1 : 0);
      if (name === "local") expect(local[0]?.from).toBe(packageDist);
    });
  }

  it("without OFFICE_JS the pages load office.js from Microsoft's global CDN", async () => {
    const plugins = await configWith({ OFFICE_JS: undefined });
    expect(page(plugins, "taskpane.html")?.templateParameters?.["officeJs"]).toBe(expected.global);
  });

  it("an unknown OFFICE_JS stops the build and names the three choices", async () => {
    await expect(configWith({ OFFICE_JS: "intranet" })).rejects.toThrow(
      /OFFICE_JS=intranet: expected one of global, china, local/
    );
  });

  it("the source template loads office.js through the parameter the config sets", () => {
    const template = readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8");
    expect(scriptSources(template)).toEqual(["<%= officeJs %>"]);
  });
});

describe("the production manifest", () => {
  it("the copy step leaves no localhost in manifest.xml, AppDomain included", async () => {
    const plugins = await configWith({ ADDIN_URL: "https://tongji.example.gov.cn/chamber/" });
    const pattern = copyPatterns(plugins).find((p) => p.to === "manifest.xml");
    const out = String(pattern?.transform?.(readFileSync(path.join(root, "manifest.xml"))));
    expect(out).not.toMatch(/localhost/i);
    expect(out).toContain("<AppDomain>https://tongji.example.gov.cn</AppDomain>");
    expect(out).toContain(
      '<SourceLocation DefaultValue="https://tongji.example.gov.cn/chamber/taskpane.html"/>'
    );
  });

  it("an ADDIN_URL without its trailing slash gives the same manifest", async () => {
    const transformed = async (url: string) => {
      const plugins = await configWith({ ADDIN_URL: url });
      const pattern = copyPatterns(plugins).find((p) => p.to === "manifest.xml");
      return String(pattern?.transform?.(readFileSync(path.join(root, "manifest.xml"))));
    };
    expect(await transformed("https://tongji.example.gov.cn/chamber")).toBe(
      await transformed("https://tongji.example.gov.cn/chamber/")
    );
  });
});

describe("a production build with OFFICE_JS=local", () => {
  let out = "";

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), "chamber-build-local-"));
    await new Promise<void>((resolve, reject) => {
      execFile(
        "npx",
        ["webpack", "--mode", "production", "--output-path", out],
        {
          cwd: root,
          env: { ...process.env, OFFICE_JS: "local", ADDIN_URL: "https://tongji.example.gov.cn/" },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve())
      );
    });
  }, 240_000);

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("loads office.js from dist/office-js before the bundle, on every page", () => {
    expect(scriptSources(readFileSync(path.join(out, "taskpane.html"), "utf8"))).toEqual([
      "office-js/office.js",
      "taskpane.js",
    ]);
    expect(scriptSources(readFileSync(path.join(out, "commands.html"), "utf8"))).toEqual([
      "office-js/office.js",
      "commands.js",
    ]);
    expect(scriptSources(readFileSync(path.join(out, "selftest.html"), "utf8"))).toEqual([
      "office-js/office.js",
      "selftest.js",
    ]);
  });

  it("holds the package's files byte for byte, without the debug copies", () => {
    const copied = path.join(out, "office-js");
    const wanted = (dir: string, rel = ""): string[] =>
      readdirSync(path.join(dir, rel)).flatMap((name) => {
        const file = path.join(rel, name);
        if (statSync(path.join(dir, file)).isDirectory()) return wanted(dir, file);
        return /\.debug\.js$|\.d\.ts$|-vsdoc\.js$/.test(name) ? [] : [file];
      });
    const expectedFiles = wanted(packageDist).sort();
    expect(expectedFiles).toContain("office.js");
    expect(expectedFiles).toContain("excel-web-16.00.js");
    expect(expectedFiles).toContain("excel-win32-16.01.js");
    expect(expectedFiles.some((f) => f.startsWith(`zh-cn${path.sep}`))).toBe(true);
    expect(wanted(copied).sort()).toEqual(expectedFiles);
    expect(readdirSync(copied).filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    for (const file of ["office.js", "excel-web-16.00.js", "excel-win32-16.01.js"]) {
      expect(
        readFileSync(path.join(copied, file)).equals(readFileSync(path.join(packageDist, file)))
      ).toBe(true);
    }
  });

  it("leaves no localhost in the built manifest", () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain("<AppDomain>https://tongji.example.gov.cn</AppDomain>");
  });
});
