import type { CarrierId, Handover } from "./carriers";
import type { Package } from "./weights";
import type { SignatureCheck } from "@/server/http/signed-webhook";

export type Address = { name: string; phone: string; city: string; district?: string | null; address: string; country: string };

export type CreateShipmentRequest = {
  /** Our shipment id: the carrier keeps one shipment per reference, so a retry never makes two. */
  reference: string;
  /** The store, as the carrier's shipper reference: whose remittance statements the parcel's cash goes into. */
  shipper?: string;
  accountNumber: string | null;
  from: Address;
  to: Address;
  packages: Package[];
  codAmount: number;
  currency: string;
  handover: Handover;
  pickupAt?: Date | null;
};

export type CarrierShipment = { reference: string; trackingNumber: string; status: string };

/** A carrier's remittance statement: the cash it paid out for a shipper's parcels, in minor units. */
export type RemittanceStatement = {
  reference: string;
  /** The day the carrier paid, YYYY-MM-DD. */
  paidOn: string;
  total: number;
  currency: string;
  lines: { trackingNumber: string; amount: number }[];
};

/** What Tajer needs from a carrier. One implementation per carrier; here, the local simulator for all five. */
export interface CarrierAdapter {
  readonly id: CarrierId;
  createShipment(request: CreateShipmentRequest): Promise<CarrierShipment>;
  /** The carrier's record of a reference, or null: how reconciliation learns what happened. */
  findShipment(reference: string): Promise<CarrierShipment | null>;
  /** Cancels before hand-over; refuses once the parcel was picked up. */
  cancelShipment(trackingNumber: string): Promise<void>;
  trackingUrl(trackingNumber: string): string;
  /** The shipper's remittance statements, newest last: the same statement each time it is asked. */
  fetchRemittances(shipper: string): Promise<RemittanceStatement[]>;
  /** Checks a status webhook's signature (over its timestamp and raw body) and its age. */
  verifyWebhook(rawBody: string, signature: string | null, now?: number): Promise<SignatureCheck>;
}

/** The carrier answered but refused, or could not be reached: the label is not bought. */
export class CarrierError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
