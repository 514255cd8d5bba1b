/** Dues figures of SPEC §4 for year Y, read off the per-chamber ledger. */
import type { ChamberDues, DuesMetrics, Lang, Settings } from "../types";
import { share } from "./chambers";
import { fenToYuan, slotFullyCollected, slotReachesThreshold, type DuesLedger } from "./ledger";

export const DIRECT_AND_OTHER: Readonly<Record<Lang, string>> = {
  zh: "直属及其他",
  en: "Direct and other members",
};

function entry(
  ledger: DuesLedger,
  slot: number,
  chamberId: string | null,
  chamberName: string,
  settings: Settings
): ChamberDues {
  const due = ledger.dueFen[slot] ?? 0;
  const paid = ledger.paidFen[slot] ?? 0;
  return {
    chamberId,
    chamberName,
    members: ledger.activeMembers[slot] ?? 0,
    due: fenToYuan(due),
    paid: fenToYuan(paid),
    collectionRate: share(paid, due),
    fullCollection: slotFullyCollected(ledger, slot),
    incomeAtLeastThreshold: slotReachesThreshold(ledger, slot, settings.duesIncomeThreshold),
  };
}

/** The direct-and-other group is listed when it has an active member at D or a dues row for Y. */
function otherGroupPresent(ledger: DuesLedger): boolean {
  const slot = ledger.otherSlot;
  return (ledger.activeMembers[slot] ?? 0) > 0 || (ledger.duesRows[slot] ?? 0) > 0;
}

export function computeDuesMetrics(
  ledger: DuesLedger,
  settings: Settings,
  lang: Lang
): DuesMetrics {
  const byChamber = ledger.chambers.map((c, slot) => entry(ledger, slot, c.id, c.name, settings));
  if (otherGroupPresent(ledger)) {
    byChamber.push(entry(ledger, ledger.otherSlot, null, DIRECT_AND_OTHER[lang], settings));
  }
  let dueFen = 0;
  let paidFen = 0;
  for (let slot = 0; slot <= ledger.otherSlot; slot++) {
    dueFen += ledger.dueFen[slot] ?? 0;
    paidFen += ledger.paidFen[slot] ?? 0;
  }
  return {
    year: settings.year,
    due: fenToYuan(dueFen),
    paid: fenToYuan(paidFen),
    collectionRate: share(paidFen, dueFen),
    membersFullyPaid: ledger.fullyPaidRows,
    membersOwing: ledger.owingRows,
    byChamber,
  };
}
