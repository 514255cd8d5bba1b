/**
 * The whole sample district: the correct rows and the planted mistakes drawn in one fixed order
 * from one seed, and a self-check that recomputes the plan's headline figures from the model.
 */
import { mulberry32 } from "../random";
import { AS_OF, BASE_END, CHAMBERS, TARGET, THRESHOLD, TOWNSHIPS } from "./plan";
import type { District, MemberType, Planted } from "./plan";
import {
  activeAt,
  activeMembers,
  describe,
  duesRows,
  leaveArrears,
  makeUscc,
  otherMembers,
  personName,
  placeMembers,
  sortDues,
  totals,
} from "./data";
import {
  mistakeMembers,
  plantBadPhone,
  plantDuesMistakes,
  plantedChamberMistakes,
  plantedTownshipMistakes,
} from "./mistakes";

export function buildDistrict(seed: number): District {
  const rng = mulberry32(seed);
  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  const presidents = CHAMBERS.map(() => personName(rng));
  const chamberCodes = CHAMBERS.map(() => makeUscc(rng, "51", usedCodes));

  const good = [...activeMembers(rng), ...otherMembers(rng)];
  for (const m of good) describe(rng, m, usedCodes, usedNames);
  plantBadPhone(good);

  const members = placeMembers([...good, ...mistakeMembers(rng, good, usedCodes, usedNames)]);
  const dues = duesRows(rng, members);
  leaveArrears(dues);
  plantDuesMistakes(rng, dues);
  const sortedDues = sortDues(dues);

  const planted: Array<Planted & { row: number }> = [...plantedChamberMistakes()];
  for (const m of members) if (m.planted) planted.push({ ...m.planted, row: m.row });
  for (const d of sortedDues) if (d.planted) planted.push({ ...d.planted, row: d.row });
  planted.push(...plantedTownshipMistakes());
  return { members, dues: sortedDues, presidents, chamberCodes, planted };
}

export interface Figures {
  total: number;
  byType: Record<MemberType, number>;
  baseYearEnd: number;
  fullCollection: string[];
  incomeAtLeastThreshold: string[];
  missTarget: string[];
}

export function figures(d: District): Figures {
  const counted = d.members.filter((m) => m.counted);
  const active = counted.filter((m) => activeAt(m, AS_OF));
  const byType = { enterprise: 0, group: 0, individual: 0 };
  for (const m of active) byType[m.type]++;
  const fullCollection: string[] = [];
  const income: string[] = [];
  for (const c of CHAMBERS) {
    const t = totals(d.dues, c, 2014);
    if (t.due > 0 && t.paid >= t.due) fullCollection.push(c.id);
    if (t.paid >= THRESHOLD) income.push(c.id);
  }
  const missTarget = TOWNSHIPS.filter((t) => {
    const n = active.filter((m) => m.type === "enterprise" && m.township === t.name).length;
    return n / t.npe < TARGET;
  }).map((t) => t.name);
  return {
    total: active.length,
    byType,
    baseYearEnd: counted.filter((m) => activeAt(m, BASE_END)).length,
    fullCollection,
    incomeAtLeastThreshold: income,
    missTarget,
  };
}

export function assertPlan(f: Figures): void {
  const expected: Figures = {
    total: 1889,
    byType: { enterprise: 1400, group: 322, individual: 167 },
    baseYearEnd: 1058,
    fullCollection: CHAMBERS.filter((c) => c.collectsAll).map((c) => c.id),
    incomeAtLeastThreshold: CHAMBERS.filter((c) => c.rich).map((c) => c.id),
    missTarget: ["西城街道", "临江镇", "金桥镇"],
  };
  if (JSON.stringify(f) !== JSON.stringify(expected)) {
    throw new Error(
      `the sample misses its plan:\n${JSON.stringify(f)}\n${JSON.stringify(expected)}`
    );
  }
}
