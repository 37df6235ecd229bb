// Can the store fill an order, and from where? Pure: takes the order's lines and the stock on hand.

export type BranchRef = { id: string; name: string; isDefault: boolean };
export type LineDemand = { lineId: string; variantId: string | null; quantity: number };
/** stock[variantId][branchId] = quantity on hand */
export type StockTable = Record<string, Record<string, number>>;

export type LineAvailability = {
  lineId: string;
  byBranch: { branchId: string; branchName: string; onHand: number; enough: boolean }[];
  totalOnHand: number;
  /** Some branch alone has enough for this line. */
  fillableFromOneBranch: boolean;
  /** Enough exists only when branches are combined. */
  needsSeveralBranches: boolean;
  /** Not enough anywhere, even combined, or no longer in the catalog. */
  shortBy: number;
};

export type OrderAvailability = {
  lines: LineAvailability[];
  /** Branches that can ship the whole order alone, default branch first. */
  branchesThatCanFillAll: string[];
  allAvailable: boolean;
};

function sortBranches(branches: readonly BranchRef[]): BranchRef[] {
  return [...branches].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

export function computeAvailability(lines: readonly LineDemand[], branches: readonly BranchRef[], stock: StockTable): OrderAvailability {
  const ordered = sortBranches(branches);
  const result = lines.map((line): LineAvailability => {
    const perBranch = line.variantId ? (stock[line.variantId] ?? {}) : {};
    const byBranch = ordered.map((b) => {
      const onHand = Math.max(0, perBranch[b.id] ?? 0);
      return { branchId: b.id, branchName: b.name, onHand, enough: onHand >= line.quantity };
    });
    const totalOnHand = byBranch.reduce((sum, b) => sum + b.onHand, 0);
    const fillableFromOneBranch = byBranch.some((b) => b.enough);
    return {
      lineId: line.lineId,
      byBranch,
      totalOnHand,
      fillableFromOneBranch,
      needsSeveralBranches: !fillableFromOneBranch && totalOnHand >= line.quantity,
      shortBy: Math.max(0, line.quantity - totalOnHand),
    };
  });
  const branchesThatCanFillAll = ordered.filter((b) => result.every((line) => line.byBranch.find((x) => x.branchId === b.id)?.enough)).map((b) => b.id);
  return { lines: result, branchesThatCanFillAll, allAvailable: branchesThatCanFillAll.length > 0 };
}

/** The branch to ship from: the default one if it can fill everything, else the first that can, else the default. */
export function chooseShippingBranch(availability: OrderAvailability, branches: readonly BranchRef[]): string | null {
  const ordered = sortBranches(branches);
  return availability.branchesThatCanFillAll[0] ?? ordered[0]?.id ?? null;
}
