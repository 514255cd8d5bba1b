/**
 * An interrupted command line (Ctrl-C, `kill`) leaves no hidden temporary file beside its output,
 * and still ends by the signal that interrupted it.
 */
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import process, { execPath } from "node:process";
import { setImmediate } from "node:timers";
import { afterAll, describe, expect, it } from "vitest";
import { openPackage } from "../../src/adapters/xlsx/package";
import { temporaryFilesOpen } from "../../src/adapters/xlsx/temporary-files";
import { PackageSaving, partsNeverWritten, savePackage } from "../../src/adapters/xlsx/writer";
import {
  INTERRUPTS,
  removeTemporaryFilesOnInterrupt,
  type Interrupt,
} from "../../src/cli/interrupt";
import { BIN, ROOT, copyFixture, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

function folder(name: string): string {
  const path = join(tmp.path, name);
  mkdirSync(path, { recursive: true });
  return path;
}

/** The listener the handler put on `signal`: the last one there. */
function listenerOf(signal: Interrupt): (signal: Interrupt) => void {
  const listeners = process.listeners(signal);
  const last = listeners[listeners.length - 1];
  if (last === undefined) throw new Error(`no listener on ${signal}`);
  return last as (signal: Interrupt) => void;
}

describe("the temporary files of a save", () => {
  it("are listed while a save is under way and not once it has finished or been given up", async () => {
    const dir = folder("listed");
    const pkg = await openPackage(copyFixture("exceljs-table.xlsx", dir));
    const saving = await PackageSaving.begin(
      pkg,
      join(dir, "a.xlsx"),
      await partsNeverWritten(pkg)
    );
    const during = temporaryFilesOpen();
    const duringExist = during.map((p) => existsSync(p));
    await saving.finish();
    const given = await PackageSaving.begin(pkg, join(dir, "b.xlsx"));
    const duringAbort = temporaryFilesOpen();
    await given.abort();
    await savePackage(pkg, join(dir, "c.xlsx"));
    expect([during.length, duringExist, duringAbort.length]).toEqual([1, [true], 1]);
    expect(temporaryFilesOpen()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "c.xlsx", "exceljs-table.xlsx"]);
  });
});

describe("the interrupt handler", () => {
  for (const signal of INTERRUPTS) {
    it(`removes the temporary file of a save under way on ${signal}, then ends by ${signal}`, async () => {
      const dir = folder(signal);
      const pkg = await openPackage(copyFixture("exceljs-table.xlsx", dir));
      const out = join(dir, "out.xlsx");
      const saving = await PackageSaving.begin(pkg, out, await partsNeverWritten(pkg));
      const ended: Interrupt[] = [];
      const before = process.listenerCount(signal);
      const uninstall = removeTemporaryFilesOnInterrupt((s) => ended.push(s));
      try {
        listenerOf(signal)(signal);
        expect(ended).toEqual([signal]);
        expect(readdirSync(dir)).toEqual(["exceljs-table.xlsx"]);
        expect(temporaryFilesOpen()).toEqual([]);
        // taken off again: a second signal has the default action, ending the process
        expect(process.listenerCount(signal)).toBe(before);
      } finally {
        uninstall();
        await saving.abort();
      }
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe("the command line interrupted during a run", () => {
  it("leaves no temporary file and no output, and is ended by SIGINT", async () => {
    const dir = folder("spawned");
    const input = copyFixture("exceljs-table.xlsx", dir);
    const out = join(dir, "out.xlsx");
    const child = spawn(execPath, [BIN, input, "--out", out, "--lang", "en"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal }))
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const temp = join(dir, `.out.xlsx.${child.pid}.tmp`);
    // the temporary file exists from the end of reading to the rename; the child is stopped as
    // soon as it appears, sent SIGINT, and let go on, so the signal always comes mid-run
    const deadline = Date.now() + 60_000;
    let seen = false;
    while (Date.now() < deadline && child.exitCode === null) {
      if (existsSync(temp)) {
        seen = true;
        break;
      }
      // a build before the run (stale sources) takes seconds: let the event loop see an exit
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen, `the child's temporary file never appeared: ${stderr}`).toBe(true);
    child.kill("SIGSTOP");
    child.kill("SIGINT");
    child.kill("SIGCONT");
    const { code, signal } = await exited;
    expect([code, signal]).toEqual([null, "SIGINT"]);
    expect(readdirSync(dir)).toEqual(["exceljs-table.xlsx"]);
  }, 90_000);
});
