/** Chamber figures of SPEC §4: counts and rates over the counted chambers active at D. */
import type { ChamberMetrics, ChamberRecord, ChamberType, Day, Rate, Settings } from "../types";
import { isActiveAt } from "./days";
import { slotFullyCollected, slotReachesThreshold, type DuesLedger } from "./ledger";

export function activeChambersAt(chambers: readonly ChamberRecord[], day: Day): ChamberRecord[] {
  return chambers.filter((c) => c.counted && isActiveAt(c.founded, c.dissolved, day));
}

/** count / total, or null when there is no chamber to divide by. */
export function share(count: number, total: number): Rate {
  return total === 0 ? null : count / total;
}

function countWhere(
  chambers: readonly ChamberRecord[],
  test: (c: ChamberRecord) => boolean
): number {
  let n = 0;
  for (const c of chambers) if (test(c)) n++;
  return n;
}

function byType(chambers: readonly ChamberRecord[]): Record<ChamberType, number> {
  const counts: Record<ChamberType, number> = {
    township: 0,
    industry: 0,
    regional: 0,
    outOfTown: 0,
    other: 0,
  };
  for (const c of chambers) counts[c.type]++;
  return counts;
}

/** Chambers (ledger slots) that pass a dues test; null without a 会费 sheet. */
function countSlots(
  ledger: DuesLedger | null,
  test: (ledger: DuesLedger, slot: number) => boolean
): number | null {
  if (ledger === null) return null;
  let n = 0;
  for (let slot = 0; slot < ledger.chambers.length; slot++) if (test(ledger, slot)) n++;
  return n;
}

/**
 * @param active the counted chambers active at D (activeChambersAt)
 * @param ledger the dues of year Y per chamber, built over the same `active`; null without dues
 */
export function computeChamberMetrics(
  active: readonly ChamberRecord[],
  ledger: DuesLedger | null,
  settings: Settings
): ChamberMetrics {
  const total = active.length;
  const registered = countWhere(active, (c) => c.registered);
  const presidentEntrepreneur = countWhere(active, (c) => c.presidentEntrepreneur);
  const fixedOffice = countWhere(active, (c) => c.fixedOffice);
  const fullTimeStaff = countWhere(active, (c) => c.fullTimeStaff !== null && c.fullTimeStaff >= 1);
  const website = countWhere(active, (c) => c.website !== null && c.website.trim() !== "");
  const journal = countWhere(active, (c) => c.journal);
  const fullCollection = countSlots(ledger, slotFullyCollected);
  const incomeAtLeastThreshold = countSlots(ledger, (l, slot) =>
    slotReachesThreshold(l, slot, settings.duesIncomeThreshold)
  );
  return {
    total,
    byType: byType(active),
    registered,
    registeredRate: share(registered, total),
    presidentEntrepreneur,
    presidentEntrepreneurRate: share(presidentEntrepreneur, total),
    fixedOffice,
    fixedOfficeRate: share(fixedOffice, total),
    fullTimeStaff,
    fullTimeStaffRate: share(fullTimeStaff, total),
    website,
    websiteRate: share(website, total),
    journal,
    journalRate: share(journal, total),
    fullCollection,
    fullCollectionRate: fullCollection === null ? null : share(fullCollection, total),
    incomeAtLeastThreshold,
    incomeAtLeastThresholdRate:
      incomeAtLeastThreshold === null ? null : share(incomeAtLeastThreshold, total),
  };
}
