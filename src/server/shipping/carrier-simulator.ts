// A local stand-in for the five carriers, behaving like one: its own tracking-number format per
// carrier, latency, configurable failures, one shipment per reference, cancellation only before
// pickup, and status webhooks signed over a timestamp and the body. Its records live in their own table, so it survives restarts
// like a real carrier would.
import { randomInt } from "node:crypto";
import { settings } from "@/server/settings";
import { db } from "@/server/db/client";
import { installationSecret } from "@/server/installation/installation-settings";
import { signPayload, verifySignature } from "@/server/http/signed-webhook";
import { publicUrl } from "@/server/http/public-url";
import type { CarrierAdapter, CarrierShipment, CreateShipmentRequest, RemittanceStatement } from "./carrier-adapter";
import { CarrierError } from "./carrier-adapter";
import { CARRIERS, CARRIER_IDS, type CarrierId } from "./carriers";
import { SIM_RANK, nextSimulatedStatus, type SimulatedStatus } from "./simulator-journey";

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

/** A fresh tracking number in the carrier's own format. */
export function simulatedTrackingNumber(carrier: CarrierId): string {
  switch (carrier) {
    case "aramex":
      return digits(11);
    case "smsa":
      return `29${digits(10)}`;
    case "spl":
      return `RR${digits(9)}SA`;
    case "dhl":
      return digits(10);
    case "aymakan":
      return `AY${digits(9)}`;
  }
}

/**
 * The secret a carrier signs its webhooks with: CARRIER_WEBHOOK_SECRET_<ID> when configured (the value
 * from the carrier's dashboard), otherwise one generated for this installation on first use.
 */
export function webhookSecret(carrier: CarrierId, env: Record<string, string | undefined> = process.env): Promise<string> {
  return installationSecret(`carrier-webhook:${carrier}`, `CARRIER_WEBHOOK_SECRET_${carrier.toUpperCase()}`, env);
}

/** The simulated carrier's signature header for a webhook body: `t=<unix seconds>,v1=<hmac>`. */
export async function signCarrierWebhook(carrier: CarrierId, rawBody: string, now = Date.now()): Promise<string> {
  return signPayload(await webhookSecret(carrier), rawBody, Math.floor(now / 1000));
}

/** Test and demo controls: make the next calls fail, and how slow the carrier is. */
export const simulatorControl = {
  failures: new Map<CarrierId, number>(),
  /** Carriers that are down: every call fails as unreachable (500s) until they are back. */
  down: new Set<CarrierId>(),
  latencyMs: settings().CARRIER_SIM_LATENCY_MS,
  /**
   * Whether statements have what real ones have: a line paid short, a parcel paid twice, a tracking number
   * that is not the shipper's, a parcel that came back paid anyway. On by default; tests switch it.
   */
  remittanceQuirks: true,
  failureRate: settings().CARRIER_SIM_FAILURE_RATE,
  failNext(carrier: CarrierId, times = 1) {
    this.failures.set(carrier, (this.failures.get(carrier) ?? 0) + times);
  },
};

function shouldFail(carrier: CarrierId): boolean {
  if (simulatorControl.down.has(carrier)) return true;
  const left = simulatorControl.failures.get(carrier) ?? 0;
  if (left > 0) {
    simulatorControl.failures.set(carrier, left - 1);
    return true;
  }
  return simulatorControl.failureRate > 0 && Math.random() < simulatorControl.failureRate;
}

const pause = () => (simulatorControl.latencyMs > 0 ? new Promise((r) => setTimeout(r, simulatorControl.latencyMs)) : Promise.resolve());
const toShipment = (row: { reference: string; trackingNumber: string; status: string }): CarrierShipment => ({
  reference: row.reference,
  trackingNumber: row.trackingNumber,
  status: row.status,
});

export function simulatedCarrier(carrier: CarrierId): CarrierAdapter {
  return {
    id: carrier,
    async createShipment(request: CreateShipmentRequest) {
      await pause();
      if (shouldFail(carrier)) throw new CarrierError(`${CARRIERS[carrier].name} is not answering (simulated outage). Try again.`, true);
      await db.carrierSimShipment.createMany({
        data: [
          {
            carrier,
            reference: request.reference,
            trackingNumber: simulatedTrackingNumber(carrier),
            accountNumber: request.accountNumber,
            status: "created",
            handover: request.handover,
            codAmount: request.codAmount,
            shipper: request.shipper ?? null,
          },
        ],
        skipDuplicates: true,
      });
      return toShipment(await db.carrierSimShipment.findUniqueOrThrow({ where: { carrier_reference: { carrier, reference: request.reference } } }));
    },
    async findShipment(reference) {
      if (simulatorControl.down.has(carrier)) throw new CarrierError(`${CARRIERS[carrier].name} is not answering (simulated outage).`, true);
      const row = await db.carrierSimShipment.findUnique({ where: { carrier_reference: { carrier, reference } } });
      return row ? toShipment(row) : null;
    },
    async cancelShipment(trackingNumber) {
      await pause();
      if (simulatorControl.down.has(carrier)) throw new CarrierError(`${CARRIERS[carrier].name} is not answering (simulated outage). Try again.`, true);
      const { count } = await db.carrierSimShipment.updateMany({ where: { carrier, trackingNumber, status: "created" }, data: { status: "canceled" } });
      if (count) return;
      // Canceling twice is not an error (a retry after a lost answer); a parcel in the carrier's hands is.
      const row = await db.carrierSimShipment.findUnique({ where: { trackingNumber } });
      if (row?.carrier === carrier && row.status === "canceled") return;
      throw new CarrierError("The carrier already has the parcel: it can no longer be canceled.", false);
    },
    trackingUrl: (trackingNumber) => CARRIERS[carrier].trackingUrl(trackingNumber),
    async fetchRemittances(shipper) {
      await pause();
      if (simulatorControl.down.has(carrier)) throw new CarrierError(`${CARRIERS[carrier].name} is not answering (simulated outage). Try again.`, true);
      await remitCollectedCash(carrier, shipper);
      const rows = await db.carrierSimStatement.findMany({ where: { carrier, shipper }, orderBy: { createdAt: "asc" } });
      return rows.map((r): RemittanceStatement => ({
        reference: r.reference,
        paidOn: r.paidOn.toISOString().slice(0, 10),
        total: r.total,
        currency: r.currency,
        lines: r.lines as RemittanceStatement["lines"],
      }));
    },
    async verifyWebhook(rawBody, signature, now) {
      return verifySignature(await webhookSecret(carrier), rawBody, signature, now);
    },
  };
}

const STATEMENT_PREFIX: Record<CarrierId, string> = { aramex: "ARX-REM", smsa: "SMSA-ST", spl: "SPL-PAY", dhl: "DHL-INV", aymakan: "AYM-SET" };

/**
 * The carrier pays out the cash it collected and not yet paid for a shipper, as one new statement (when
 * there is any): each delivered parcel's amount, with the quirks of real statements when switched on.
 * Parcels are claimed under their row locks, so two fetches never pay one parcel in two statements.
 */
async function remitCollectedCash(carrier: CarrierId, shipper: string) {
  await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ reference: string; trackingNumber: string; codAmount: number; status: string }[]>`
      SELECT reference, "trackingNumber", "codAmount", status FROM carrier_sim_shipments
      WHERE carrier = ${carrier} AND shipper = ${shipper} AND "remittedIn" IS NULL AND "codAmount" > 0 AND status IN ('delivered', 'returned_to_sender')
      ORDER BY "createdAt", reference FOR UPDATE SKIP LOCKED`;
    const delivered = due.filter((d) => d.status === "delivered");
    if (!delivered.length) return;
    const today = new Date().toISOString().slice(0, 10);
    const reference = `${STATEMENT_PREFIX[carrier]}-${today.replace(/-/g, "")}-${digits(5)}`;
    const lines = delivered.map((d) => ({ trackingNumber: d.trackingNumber, amount: d.codAmount }));
    const paidFor = delivered.map((d) => d.reference);
    if (simulatorControl.remittanceQuirks) {
      if (lines.length >= 2) lines[0] = { ...lines[0], amount: Math.round(lines[0].amount * 0.9) };
      if (lines.length >= 3) lines.push({ ...lines[lines.length - 1] });
      lines.push({ trackingNumber: simulatedTrackingNumber(carrier), amount: 5000 });
      const refused = due.find((d) => d.status === "returned_to_sender");
      if (refused) {
        lines.push({ trackingNumber: refused.trackingNumber, amount: refused.codAmount });
        paidFor.push(refused.reference);
      }
    }
    await tx.carrierSimShipment.updateMany({ where: { carrier, reference: { in: paidFor } }, data: { remittedIn: reference } });
    await tx.carrierSimStatement.create({
      data: {
        carrier,
        reference,
        shipper,
        paidOn: new Date(`${today}T00:00:00Z`),
        total: lines.reduce((n, l) => n + l.amount, 0),
        currency: "SAR",
        lines,
      },
    });
  });
}

/** The adapters Tajer uses: every integrated carrier, simulated here. */
export function carrierAdapters(): Record<CarrierId, CarrierAdapter> {
  return Object.fromEntries(CARRIER_IDS.map((id) => [id, simulatedCarrier(id)])) as Record<CarrierId, CarrierAdapter>;
}

export type AdvanceResult = { trackingNumber: string; status: SimulatedStatus; webhook: { url: string; httpStatus: number | null; error?: string } };

/**
 * Moves a simulated parcel along (picked up → in transit → out for delivery → delivered, or returned to
 * sender) and tells Tajer the way a carrier does: a signed POST to its webhook URL. Demo and test tool.
 */
export async function advanceSimulatedShipment(
  trackingNumber: string,
  to?: SimulatedStatus,
  webhookBase = `${publicUrl()}/api/webhooks/carriers`,
): Promise<AdvanceResult> {
  const row = await db.carrierSimShipment.findUnique({ where: { trackingNumber } });
  if (!row) throw new CarrierError(`The carrier has no parcel ${trackingNumber}.`, false);
  const status = to ?? nextSimulatedStatus(row.status);
  if (!status || SIM_RANK[status] <= (SIM_RANK[row.status] ?? 9))
    throw new CarrierError(`Parcel ${trackingNumber} is already ${row.status.replace(/_/g, " ")}.`, false);
  await db.carrierSimShipment.update({ where: { trackingNumber }, data: { status } });
  const carrier = row.carrier as CarrierId;
  const url = `${webhookBase}/${carrier}`;
  const webhook = await postCarrierWebhook(carrier, url, { trackingNumber, status, occurredAt: new Date().toISOString() });
  // The driver took the cash at the door: the carrier says so in a webhook of its own.
  if (status === "delivered" && row.codAmount > 0 && webhook.httpStatus === 200)
    await postCarrierWebhook(carrier, url, { trackingNumber, status: "cod_collected", amount: row.codAmount, occurredAt: new Date().toISOString() });
  return { trackingNumber, status, webhook };
}

async function postCarrierWebhook(carrier: CarrierId, url: string, payload: Record<string, unknown>): Promise<AdvanceResult["webhook"]> {
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-carrier-signature": await signCarrierWebhook(carrier, body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { url, httpStatus: response.status };
  } catch (error) {
    return { url, httpStatus: null, error: error instanceof Error ? error.message : String(error) };
  }
}
