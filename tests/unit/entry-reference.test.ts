import { describe, expect, it } from "vitest";
import { CARRIER_IDS } from "@/server/shipping/carriers";
import { entryReference, readReference } from "@/server/wallet/entry-reference";

describe("ledger references: written in a known form, read back as that form", () => {
  it("every form the system writes is recognised, with its parts", () => {
    expect(readReference(entryReference.openingBalance())).toEqual({ form: "openingBalance" });
    for (const carrier of CARRIER_IDS) expect(readReference(entryReference.labelCarrier(carrier))).toEqual({ form: "carrier", carrier });
    expect(readReference(entryReference.labelNotIssued("address: no such city"))).toEqual({ form: "labelNotIssued", reason: "address: no such city" });
    expect(readReference(entryReference.labelVoided("requested"))).toEqual({ form: "labelVoided" });
    expect(readReference(entryReference.labelVoided("order_moved"))).toEqual({ form: "labelVoidedOrderMoved" });
    expect(readReference(entryReference.moyasarInvoice("0f1e2d3c"))).toEqual({ form: "paymentInvoice", invoiceId: "0f1e2d3c" });
  });
  it("anything else is text, shown as it was typed", () => {
    expect(readReference("Goodwill credit — ticket 4411")).toEqual({ form: "text", text: "Goodwill credit — ticket 4411" });
    expect(readReference("Label voided (by hand)")).toEqual({ form: "text", text: "Label voided (by hand)" });
  });
});
