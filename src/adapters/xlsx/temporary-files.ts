/**
 * The temporary files a save writes before it replaces its target: where they go, and which ones
 * exist right now. A file is saved as `.NAME.PID.tmp` beside its target (the same folder, so that
 * the rename that replaces the target is atomic) and renamed once it is complete and checked.
 *
 * While one exists, a process that is interrupted (Ctrl-C, a `kill`) would leave it behind: the
 * command line's interrupt handler (src/cli/interrupt.ts) removes every file still listed here
 * before the process ends. The list is this process's only; nothing here removes another's file.
 */
import { rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import process from "node:process";

const live = new Set<string>();

/** The temporary file a save to `target` writes first: hidden, beside it, named for this process. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Lists a temporary file as existing (call it before the file is created). */
export function temporaryFileOpened(path: string): void {
  live.add(path);
}

/** Takes a temporary file off the list: it was renamed to its target, or removed. */
export function temporaryFileClosed(path: string): void {
  live.delete(path);
}

/** Removes a temporary file (if it was created at all) and takes it off the list. */
export async function removeTemporaryFile(path: string): Promise<void> {
  await rm(path, { force: true });
  live.delete(path);
}

/** The temporary files listed now (for tests). */
export function temporaryFilesOpen(): string[] {
  return [...live];
}

/**
 * Removes every temporary file listed, at once and synchronously (from a signal handler, with no
 * later turn of the event loop to count on). Writes still running on the thread pool go to a file
 * that no longer has a name, and the system frees it when its descriptor is closed.
 */
export function removeTemporaryFilesSync(): void {
  for (const path of live) {
    try {
      rmSync(path, { force: true });
    } catch {
      // nothing more can be done for it as the process ends; the others are still removed
    }
  }
  live.clear();
}
