/**
 * The script that runs before the bundle in taskpane.html must parse where the bundle cannot:
 * Internet Explorer 11 and Edge Legacy. Its behaviour in a browser is tested in tests/e2e.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const script = readFileSync(path.join(root, "src/taskpane/old-host.js"), "utf8");

describe("old-host.js", () => {
  it("parses as ECMAScript 3, so IE11 and Edge Legacy can run it", () => {
    expect(() => parse(script, { ecmaVersion: 3 })).not.toThrow();
  });

  it("the ES3 check would reject the bundle's kind of code", () => {
    expect(() => parse("const f = () => 1;", { ecmaVersion: 3 })).toThrow();
    expect(() => parse("var s = `x`;", { ecmaVersion: 3 })).toThrow();
  });

  for (const page of ["src/taskpane/taskpane.html", "src/selftest/selftest.html"]) {
    it(`is inlined at the end of ${path.basename(page)}'s body, after its container`, () => {
      const html = readFileSync(path.join(root, page), "utf8");
      const at = (s: string) => html.indexOf(s);
      expect(at('<div id="container">')).toBeGreaterThan(0);
      expect(at("<%= oldHostScript %>")).toBeGreaterThan(at('<div id="container">'));
      expect(html.slice(at("<%= oldHostScript %>"))).toMatch(
        /^<%= oldHostScript %>\s*<\/script>\s*<\/body>/
      );
    });
  }
});
