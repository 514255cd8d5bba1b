/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
import type { Writable } from "node:stream";

export type CliStage = "reading" | "checking" | "writing";

export interface Progress {
  update(stage: CliStage, fraction: number): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(
  stream: Writable & { isTTY?: boolean },
  labels: Record<CliStage, string>
): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = "";
  let drawn = false;
  return {
    update(stage, fraction) {
      const clamped = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(clamped * WIDTH);
      const line = `${labels[stage]} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.floor(clamped * 100)}%`;
      if (line === last) return;
      last = line;
      drawn = true;
      stream.write(`\r${line}\u001b[K`);
    },
    done() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}
