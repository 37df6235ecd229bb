// What each role may do. Pages, server actions and API handlers all ask `can`; hiding a button is
// never the check.
export type Role = "OWNER" | "ADMIN" | "STAFF";

export const PERMISSIONS = [
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
  "wallet.topUp",
  "reviews.manage",
  "team.manage",
  "audit.read",
  "reports.read",
  "catalog.read",
  "catalog.manage",
  "cod.read",
  "cod.manage",
  // Credit and debit notes by hand (invoices are issued by the store's rule, or by anyone who moves orders).
  "tax.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  OWNER: PERMISSIONS,
  // Only the owner puts money into the wallet and reads the team's audit log.
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

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
