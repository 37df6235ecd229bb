/**
 * What a ledger entry says beside its kind, written by the system in one of a few forms and shown in the
 * reader's language: the carrier of a label, why a label was refunded, the payment behind a top-up. The
 * writers use these builders, so the words on screen and the texts stored cannot drift apart; a text in
 * no known form (an adjustment's note) is shown as it was typed.
 */
import { CARRIERS, isCarrierId } from "@/server/shipping/carriers";

export const entryReference = {
  openingBalance: () => "Opening balance",
  labelCarrier: (carrier: keyof typeof CARRIERS) => CARRIERS[carrier].name,
  labelNotIssued: (reason: string) => `Label not issued: ${reason}`.slice(0, 200),
  labelVoided: (why: "requested" | "order_moved") => (why === "requested" ? "Label voided" : "Label voided: the order moved on"),
  moyasarInvoice: (invoiceId: string) => `Moyasar invoice ${invoiceId}`.slice(0, 200),
};

/** A stored reference read back: its form (with its parts) or, in no known form, the text. */
export type ReadReference =
  | { form: "openingBalance" }
  | { form: "carrier"; carrier: string }
  | { form: "labelNotIssued"; reason: string }
  | { form: "labelVoided" }
  | { form: "labelVoidedOrderMoved" }
  | { form: "paymentInvoice"; invoiceId: string }
  | { form: "text"; text: string };

const CARRIER_BY_NAME = new Map(Object.entries(CARRIERS).map(([id, c]) => [c.name, id]));

export function readReference(reference: string): ReadReference {
  if (reference === entryReference.openingBalance()) return { form: "openingBalance" };
  if (reference === entryReference.labelVoided("requested")) return { form: "labelVoided" };
  if (reference === entryReference.labelVoided("order_moved")) return { form: "labelVoidedOrderMoved" };
  const carrier = CARRIER_BY_NAME.get(reference);
  if (carrier && isCarrierId(carrier)) return { form: "carrier", carrier };
  const notIssued = /^Label not issued: (.*)$/s.exec(reference);
  if (notIssued) return { form: "labelNotIssued", reason: notIssued[1] };
  const invoice = /^Moyasar invoice (\S+)$/.exec(reference);
  if (invoice) return { form: "paymentInvoice", invoiceId: invoice[1] };
  return { form: "text", text: reference };
}
