/**
 * The command line reads a large regular input file twice (once to check it, once to copy its parts
 * into the output), so that its bytes need not stay in memory while the core runs. If the user
 * saves the file in between, the output must not mix two versions of their data. A small file
 * (256 MB or less) is read once and kept, so a save during the run cannot reach the output.
 */
import { Buffer } from "node:buffer";
import { existsSync, mkdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { copyFixture, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A terminal-like stderr that calls `onChecking` once, when the progress bar reaches checking. */
function ttyStderr(onChecking: () => void): Writable & { isTTY: boolean; text: () => string } {
  let text = "";
  let fired = false;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      if (!fired && /Checking|检查/.test(text)) {
        fired = true;
        onChecking();
      }
      done();
    },
  });
  return Object.assign(stream, { isTTY: true, text: () => text });
}

/** Runs the command line on a copy of a fixture in `dir`, touching the copy once checking starts. */
async function runTouchingInput(dir: string, env: Record<string, string>) {
  mkdirSync(dir, { recursive: true });
  const input = copyFixture("exceljs-table.xlsx", dir);
  const out = join(dir, "out.xlsx");
  const stderr = ttyStderr(() => utimesSync(input, new Date(2030, 0, 1), new Date(2030, 0, 1)));
  const stdout = new Writable({ write: (_c, _e, done) => done() });
  const status = await run([input, "--out", out, "--lang", "en"], {
    stdout,
    stderr,
    now: () => new Date(2014, 11, 15),
    env,
  });
  return { status, stderr: stderr.text(), written: existsSync(out) };
}

describe("an input file saved again during the run", () => {
  it("is refused with a one-line message and no output written", async () => {
    // a file above the limit is opened again to be written, so a save in between is seen
    const result = await runTouchingInput(join(tmp.path, "large"), {
      CHAMBER_RECALC_REOPEN_ABOVE: "0",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("was changed while it was being recalculated");
    expect(result.written).toBe(false);
  });

  it("does not matter for a small file, which is read once and kept", async () => {
    const result = await runTouchingInput(join(tmp.path, "small"), {});
    expect(result.stderr).not.toContain("was changed");
    expect(result.status).not.toBe(2);
    expect(result.written).toBe(true);
  });
});
