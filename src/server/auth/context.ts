import type { Role } from "./permissions";

/** Who is acting: a signed-in user, an API token, or Tajer itself. Recorded on every event. */
export type Actor =
  | { type: "USER"; id: string; name: string }
  | { type: "API_TOKEN"; id: string; name: string }
  | { type: "CARRIER"; id: string; name: string }
  /** The customer, answering on their own order page or by a reply (cash-on-delivery confirmation). */
  | { type: "CUSTOMER"; id: string | null; name: string }
  | { type: "SYSTEM"; id: null; name: string };

/**
 * Every use case runs for one store, on behalf of one actor holding one role there. `onlyAssigned`:
 * a staff member who may see only the orders assigned to them.
 */
export type StoreContext = { storeId: string; role: Role; actor: Actor; onlyAssigned?: boolean };

/** Tajer itself acting for a store: reconciliation, jobs, the carriers' and payment providers' answers. */
export function systemContext(storeId: string): StoreContext {
  return { storeId, role: "OWNER", actor: { type: "SYSTEM", id: null, name: "Tajer" } };
}
