/**
 * An interrupted command line leaves no temporary file behind. The save of a workbook begins
 * before the core runs (src/adapters/xlsx/writer.ts, PackageSaving), so for most of a run a hidden
 * `.OUT.PID.tmp` exists beside the output; Ctrl-C or a `kill` then would leave it there.
 *
 * On SIGINT, SIGTERM or SIGHUP the handler removes every temporary file still open
 * (temporary-files.ts), then lets the signal end the process as it would have without a handler:
 * it puts the default action back and sends the signal again, so a shell or a parent process sees
 * the process killed by that signal (status 130 for Ctrl-C in a shell), as before. The output
 * file and the user's workbook are never touched: the temporary file is only renamed over them
 * once complete, and a rename is atomic.
 *
 * Node runs a signal's listeners on the event loop (https://nodejs.org/api/process.html#signal-events),
 * so a signal that arrives while the core computes (synchronously, a few seconds for a full sheet)
 * is handled when it returns, not at once.
 */
import process from "node:process";
import { removeTemporaryFilesSync } from "../adapters/xlsx/temporary-files";

export const INTERRUPTS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export type Interrupt = (typeof INTERRUPTS)[number];

/** How the process ends once its files are removed: the signal sent to itself again. */
export type Reraise = (signal: Interrupt) => void;

function reraise(signal: Interrupt): void {
  process.kill(process.pid, signal);
}

/**
 * Installs the handler for the life of the process; returns what takes it off again (for tests).
 * `end` is how the process ends after the clean-up (the signal again, by default).
 */
export function removeTemporaryFilesOnInterrupt(end: Reraise = reraise): () => void {
  const uninstall = (): void => {
    for (const signal of INTERRUPTS) process.removeListener(signal, onSignal);
  };
  function onSignal(signal: Interrupt): void {
    removeTemporaryFilesSync();
    // without a listener, the signal's default action (ending the process) applies again
    uninstall();
    end(signal);
  }
  for (const signal of INTERRUPTS) process.on(signal, onSignal);
  return uninstall;
}
