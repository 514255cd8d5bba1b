/**
 * An error that is not the user's is exit status 3 with one line, never 1 ("the workbook has
 * errors") and never a stack trace unless --debug asks for it; nothing is written.
 */
import { Buffer } from "node:buffer";
import { Writable } from "node:stream";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { copyFixture, tempDir } from "./helpers";

vi.mock("../../src/adapters/xlsx/writer", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/adapters/xlsx/writer")>();
  return {
    ...original,
    writeOutputSheets: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'rows')");
    },
  };
});

const { run } = await import("../../src/cli/main");

const tmp = tempDir();
afterAll(() => tmp.remove());

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function runWith(args: string[]) {
  const stdout = sink();
  const stderr = sink();
  const status = await run(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    now: () => new Date("2014-12-01T08:00:00Z"),
    env: { LANG: "en_US.UTF-8" },
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

describe("an internal error", () => {
  it("exits 3 with one line that says it is a bug, and writes nothing", async () => {
    const input = copyFixture("handmade-1904.xlsx", tmp.path);
    const out = join(tmp.path, "never.xlsx");
    const before = readFileSync(input);
    const result = await runWith([input, "--out", out]);
    expect(result.status).toBe(3);
    const lines = result.stderr.split("\n").filter((l) => l.trim() !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/internal error .*not a problem with your workbook.*reading 'rows'/);
    expect(lines[0]).toContain("--debug");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("adds the stack trace with --debug", async () => {
    const input = copyFixture("handmade-1904.xlsx", tmp.path);
    const result = await runWith([input, "--out", join(tmp.path, "never2.xlsx"), "--debug"]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/TypeError: Cannot read properties[^\n]*\n\s+at /);
  });
});
