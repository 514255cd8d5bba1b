/* global Excel, Office */
/**
 * One recalculation at a time per workbook, whichever runtime starts it.
 *
 * Without a shared runtime the ribbon's Recalculate runs in a runtime of its own, beside the task
 * pane's, and Office closes it "when either the function completes or 5 minutes have passed"
 * (learn.microsoft.com/office/dev/add-ins/design/add-in-commands). The two could write the same
 * output sheets at once, and on the web two co-authors could too. So a run first takes a lock
 * the workbook itself carries: a hidden workbook-level defined name, `ChamberStatsLock`, whose
 * formula is the moment the lock expires (milliseconds since 1970) and whose comment names the
 * runtime holding it. A run that finds an unexpired lock of another runtime is refused ("busy");
 * an expired one (its runtime was closed or crashed half way) is taken over. `names.add` fails
 * with ItemAlreadyExists when the name exists, so of two runtimes adding it at once only one wins.
 *
 * A run cut off at any point leaves the inputs untouched (the adapter never writes them) and at
 * worst half-written output sheets and this lock; the next run after the lock expires rewrites
 * the outputs. The lock is not an ownership marker (core/markers.ts ignores names it does not
 * know) and lives only while a run does.
 */
import { MIN_EXCEL_API } from "./cells";
import { toHostError } from "./errors";
import { HostError, type HostRun, type RunProgress, type WorkbookHost } from "./host";

export const LOCK_NAME = "ChamberStatsLock";

/** Office closes a function command's runtime after 5 minutes (the add-in commands page). */
export const RIBBON_RUNTIME_MS = 5 * 60_000;
/** A ribbon run's lock outlives its runtime by this margin, so that it never expires too early. */
const RIBBON_MARGIN_MS = 30_000;
/**
 * The task pane's runtime has no time limit; its lock expires after 30 minutes so that a pane
 * closed half way does not block the workbook for longer. The ribbon refuses workbooks large
 * enough to need that long (commands.ts), so only another pane can meet a long pane run's
 * expired lock.
 */
export const PANE_LOCK_MS = 30 * 60_000;

export type RunEntry = "pane" | "ribbon";

export interface LockOptions {
  /** The clock (tests move it); Date.now by default. */
  readonly now?: () => number;
  /** This runtime's name in the lock; a random one by default. */
  readonly owner?: string;
}

interface HeldLock {
  readonly owner: string;
  readonly expires: number;
}

function lockTtl(entry: RunEntry): number {
  return entry === "ribbon" ? RIBBON_RUNTIME_MS + RIBBON_MARGIN_MS : PANE_LOCK_MS;
}

function randomOwner(entry: RunEntry): string {
  return `${entry}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The expiry a lock's value holds. Excel reports a numeric constant name's value as a number;
 * digits are taken from whatever comes back, and an unreadable lock counts as expired.
 */
function expiryOf(value: unknown): number {
  const digits = /\d{10,}/.exec(String(value));
  return digits ? Number(digits[0]) : 0;
}

async function readLock(context: Excel.RequestContext): Promise<HeldLock | null> {
  const item = context.workbook.names.getItemOrNullObject(LOCK_NAME);
  item.load("value,comment");
  await context.sync();
  if (item.isNullObject) return null;
  return { owner: item.comment, expires: expiryOf(item.value) };
}

function busy(held: HeldLock): HostError {
  return new HostError(
    "busy",
    `${LOCK_NAME} is held by ${held.owner} until ${new Date(held.expires).toISOString()}`
  );
}

/** Takes the workbook's lock for `owner` until `expires`, or throws a "busy" HostError. */
export async function acquireLock(owner: string, expires: number, now: number): Promise<void> {
  if (
    typeof Office === "undefined" ||
    !Office.context.requirements.isSetSupported("ExcelApi", MIN_EXCEL_API)
  )
    throw new HostError("requirement-set", `ExcelApi ${MIN_EXCEL_API}`);
  try {
    await Excel.run(async (context) => {
      const held = await readLock(context);
      if (held && held.owner !== owner && held.expires > now) throw busy(held);
      const names = context.workbook.names;
      if (held) names.getItem(LOCK_NAME).delete();
      // Hidden from Name Manager, where a user could delete it (NamedItem.visible).
      names.add(LOCK_NAME, `=${expires}`, owner).visible = false;
      try {
        await context.sync();
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === "ItemAlreadyExists") {
          throw busy((await readLock(context)) ?? { owner: "another run", expires });
        }
        throw error;
      }
    });
  } catch (error) {
    throw toHostError(error);
  }
}

/** Gives the lock back if `owner` still holds it; a failure leaves it to expire. */
export async function releaseLock(owner: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const held = await readLock(context);
      if (held?.owner !== owner) return;
      context.workbook.names.getItem(LOCK_NAME).delete();
      await context.sync();
    });
  } catch {
    // Excel refused (cell-edit mode, a closed workbook): the lock expires on its own.
  }
}

/**
 * The host with every recalculation inside the workbook's lock; a second recalculation started
 * in the same runtime while one runs is refused the same way.
 */
export function withRunLock(
  host: WorkbookHost,
  entry: RunEntry,
  options: LockOptions = {}
): WorkbookHost {
  const now = options.now ?? Date.now;
  const owner = options.owner ?? randomOwner(entry);
  let running = false;
  return {
    ...host,
    async recalculate(
      opts: Parameters<WorkbookHost["recalculate"]>[0],
      onProgress: (p: RunProgress) => void
    ): Promise<HostRun> {
      if (running) throw new HostError("busy", `${owner} is already recalculating`);
      running = true;
      try {
        const start = now();
        await acquireLock(owner, start + lockTtl(entry), start);
        try {
          return await host.recalculate(opts, onProgress);
        } finally {
          await releaseLock(owner);
        }
      } finally {
        running = false;
      }
    },
  };
}
