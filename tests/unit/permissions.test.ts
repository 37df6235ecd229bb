import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission, type Role } from "@/server/auth/permissions";

const expected: Record<Role, Permission[]> = {
  OWNER: [...PERMISSIONS],
  ADMIN: [
    "orders.read",
    "orders.create",
    "orders.update",
    "customers.read",
    "customers.update",
    "customers.block",
    "apiTokens.manage",
    "settings.read",
    "settings.manage",
    "wallet.read",
    "reviews.manage",
    "team.manage",
    "reports.read",
    "catalog.read",
    "catalog.manage",
    "cod.read",
    "cod.manage",
    "tax.manage",
  ],
  STAFF: ["orders.read", "orders.create", "orders.update", "customers.read", "customers.update", "customers.block", "wallet.read", "catalog.read"],
};

describe("role → permission table", () => {
  for (const role of Object.keys(expected) as Role[]) {
    for (const permission of PERMISSIONS) {
      const allowed = expected[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => expect(can(role, permission)).toBe(allowed));
    }
  }
});
