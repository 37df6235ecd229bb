import { describe, expect, it } from "vitest";
import { chooseShippingBranch, computeAvailability } from "@/server/orders/availability";

const branches = [
  { id: "jed", name: "Jeddah", isDefault: false },
  { id: "ruh", name: "Riyadh", isDefault: true },
  { id: "dmm", name: "Dammam", isDefault: false },
];

describe("computeAvailability", () => {
  it("the default branch comes first and is chosen when it can fill everything", () => {
    const a = computeAvailability([{ lineId: "1", variantId: "v1", quantity: 2 }], branches, { v1: { ruh: 2, jed: 9 } });
    expect(a.lines[0].byBranch.map((b) => b.branchId)).toEqual(["ruh", "dmm", "jed"]);
    expect(a.branchesThatCanFillAll).toEqual(["ruh", "jed"]);
    expect(chooseShippingBranch(a, branches)).toBe("ruh");
  });

  it("another branch is chosen when only it can fill the whole order", () => {
    const a = computeAvailability(
      [
        { lineId: "1", variantId: "v1", quantity: 1 },
        { lineId: "2", variantId: "v2", quantity: 3 },
      ],
      branches,
      { v1: { ruh: 5, dmm: 1 }, v2: { ruh: 1, dmm: 3 } },
    );
    expect(a.branchesThatCanFillAll).toEqual(["dmm"]);
    expect(chooseShippingBranch(a, branches)).toBe("dmm");
  });

  it("tells a line split across branches from one short everywhere", () => {
    const a = computeAvailability(
      [
        { lineId: "split", variantId: "v1", quantity: 4 },
        { lineId: "short", variantId: "v2", quantity: 4 },
        { lineId: "gone", variantId: null, quantity: 1 },
      ],
      branches,
      { v1: { ruh: 2, jed: 2 }, v2: { ruh: 1 } },
    );
    expect(a.lines[0]).toMatchObject({ fillableFromOneBranch: false, needsSeveralBranches: true, shortBy: 0, totalOnHand: 4 });
    expect(a.lines[1]).toMatchObject({ fillableFromOneBranch: false, needsSeveralBranches: false, shortBy: 3 });
    expect(a.lines[2]).toMatchObject({ fillableFromOneBranch: false, shortBy: 1 });
    expect(a.allAvailable).toBe(false);
    expect(chooseShippingBranch(a, branches)).toBe("ruh");
  });

  it("negative stock counts as none", () => {
    const a = computeAvailability([{ lineId: "1", variantId: "v1", quantity: 1 }], branches, { v1: { ruh: -3 } });
    expect(a.lines[0].totalOnHand).toBe(0);
  });

  it("no branches: nothing can fill, no branch chosen", () => {
    const a = computeAvailability([{ lineId: "1", variantId: "v1", quantity: 1 }], [], {});
    expect(chooseShippingBranch(a, [])).toBeNull();
  });
});
