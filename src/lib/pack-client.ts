// The packing station's calls (browser): packing an order with the key made on the tablet when the person
// acted, so a replay after an outage is the same request and lands once.
import type { PackRequest, PackResult } from "./pack-scan";

export const PACK_MUTATION = ["pack"] as const;

export type PackVariables = { storeSlug: string; orderId: string; orderNumber: number; key: string; request: PackRequest };

/** The server's refusal, in the reader's words, with its code (a conflict is shown, never retried). */
export class ServerRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function packMutationFn(v: PackVariables): Promise<PackResult> {
  const response = await fetch(`/s/${encodeURIComponent(v.storeSlug)}/pack/${encodeURIComponent(v.orderId)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": v.key },
    body: JSON.stringify(v.request),
  });
  if (response.ok) return ((await response.json()) as { data: PackResult }).data;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ServerRefusal(response.status, body?.error?.code ?? String(response.status), body?.error?.message ?? response.statusText);
}

/** Network failures are tried again (TanStack waits while the browser is offline); the server's answers are not. */
export function retryOffline(failures: number, error: unknown): boolean {
  if (error instanceof ServerRefusal) return error.status >= 500 && failures < 3;
  return failures < 8;
}

/** A key for an action, made on the tablet: random, and unique without a secure context (a LAN address). */
export function actionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
