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

  it("is inlined into taskpane.html after the pane's container and the message", () => {
    const html = readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8");
    const at = (s: string) => html.indexOf(s);
    expect(at('<div id="container">')).toBeGreaterThan(0);
    expect(at('<div id="old-office"')).toBeGreaterThan(at('<div id="container">'));
    expect(at("<%= oldHostScript %>")).toBeGreaterThan(at('<div id="old-office"'));
  });
});
