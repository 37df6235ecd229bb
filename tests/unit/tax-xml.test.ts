// The tax document's XML: the hashed form written directly is the one the authority gets by reading the
// stamped XML back; the stamp parts are outside the hash; TLV lengths are bytes; VAT rounds per line.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildUbl, hashedUbl, type UblInput } from "@/server/tax/ubl";
import { documentHash, hashedForm } from "@/server/tax/xml-hash";
import { vatLines, vatTotals, vatIncluded, vatAdded, amountLine, decimal } from "@/server/tax/vat";
import { decodeTlv, encodeTlv } from "@/server/tax/tlv";
import { missingAddressParts, VAT_NUMBER, documentNumber, normalizeShortAddress, westernDigits } from "@/server/tax/tax-rules";
import { newStampKeys, stampHash, verifyStamp } from "@/server/tax/stamp";

function doc(overrides: Partial<UblInput> = {}): UblInput {
  const lines = vatLines(
    [
      { name: 'عطر "العود" & <مسك>', sku: "A-1", quantity: 3, unitPrice: 3333 },
      { name: "Shipping — الشحن", sku: null, quantity: 1, unitPrice: 2500 },
    ],
    { rateBp: 1500, pricesIncludeVat: true },
  );
  return {
    kind: "INVOICE",
    number: "INV-000042",
    uuid: "3cf5ee18-ee25-44ea-a444-2c37ba7f28be",
    icv: 42,
    previousHash: "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==",
    issueDate: "2026-12-01",
    issueTime: "13:05:22",
    currency: "SAR",
    seller: {
      legalNameAr: "شركة <الورد> & أخواته",
      legalNameEn: "Al Ward",
      vatNumber: "310122393500003",
      buildingNumber: "2322",
      street: "Olaya",
      district: "Olaya",
      city: "Riyadh",
      postalCode: "12211",
      crNumber: "1010123456",
    },
    buyer: { name: 'سارة "S" \r\n', city: "الرياض" },
    paymentMeansCode: "10",
    rateBp: 1500,
    lines,
    totals: vatTotals(lines),
    ...overrides,
  };
}

const stamp = { hash: "aGFzaA==", signature: "c2ln", publicKey: "cGs=", qr: "cXI=", signingTime: "2026-12-01T10:05:22" };

describe("tax document XML", () => {
  it("the hashed form written directly is byte for byte the canonical form read back from the stamped XML", () => {
    for (const d of [doc(), doc({ kind: "CREDIT_NOTE", billingReference: { number: "INV-000041", issueDate: "2026-11-30" }, reason: "returned & refunded" })]) {
      expect(hashedForm(buildUbl(d, stamp)).toString("utf8")).toBe(hashedUbl(d).toString("utf8"));
      expect(documentHash(buildUbl(d, { ...stamp, hash: "", signature: "" }))).toBe(createHash("sha256").update(hashedUbl(d)).digest("base64"));
    }
  });

  it("the stamp's parts are outside the hash; anything else changes it", () => {
    const d = doc();
    const h = documentHash(buildUbl(d, stamp));
    expect(documentHash(buildUbl(d, { ...stamp, qr: "b3RoZXI=", signature: "eA==" }))).toBe(h);
    expect(documentHash(buildUbl(doc({ icv: 43 }), stamp))).not.toBe(h);
    expect(documentHash(buildUbl(d, stamp).replace("13:05:22", "13:05:23"))).not.toBe(h);
  });

  it("a credit note says type 381, names its invoice and says why", () => {
    const xml = buildUbl(doc({ kind: "CREDIT_NOTE", billingReference: { number: "INV-000041", issueDate: "2026-11-30" }, reason: "returned" }), stamp);
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0200000">381</cbc:InvoiceTypeCode>');
    expect(xml).toContain("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-000041</cbc:ID>");
    expect(xml).toContain("<cbc:InstructionNote>returned</cbc:InstructionNote>");
  });
});

describe("VAT to the halala", () => {
  it("rounds half up per line, inside or on top of the price, and the totals are the lines' sums", () => {
    expect(vatIncluded(115, 1500)).toBe(15);
    expect(vatIncluded(99, 1500)).toBe(13); // 12.91…
    expect(vatIncluded(1, 1500)).toBe(0);
    expect(vatAdded(297, 1500)).toBe(45); // 44.55 → 45
    expect(vatAdded(3, 1500)).toBe(0); // 0.45 → 0
    expect(vatAdded(10, 1500)).toBe(2); // 1.5 → 2 (half up)
    const lines = vatLines(
      [
        { name: "a", sku: null, quantity: 7, unitPrice: 333 },
        { name: "b", sku: null, quantity: 1, unitPrice: 1 },
        { name: "c", sku: null, quantity: 13, unitPrice: 1999 },
      ],
      { rateBp: 1500, pricesIncludeVat: true },
    );
    const t = vatTotals(lines);
    expect(t.gross).toBe(7 * 333 + 1 + 13 * 1999);
    expect(t.net + t.vat).toBe(t.gross);
    for (const l of lines) expect(l.net + l.vat).toBe(l.gross);
    expect(amountLine("refund", 5025, 1500)).toMatchObject({ gross: 5025, vat: 655, net: 4370 });
    expect([decimal(5), decimal(123456), decimal(-250)]).toEqual(["0.05", "1234.56", "-2.50"]);
  });
});

describe("QR, rules and the stamp", () => {
  it("TLV lengths count bytes, so an Arabic name round-trips", () => {
    const name = "مؤسسة الورد";
    const decoded = decodeTlv(
      encodeTlv([
        { tag: 1, value: name },
        { tag: 2, value: "310122393500003" },
        { tag: 8, value: Buffer.from([0, 255, 7]) },
      ]),
    );
    expect(decoded[0]).toMatchObject({ tag: 1, length: 21, text: name });
    expect(decoded[1].text).toBe("310122393500003");
    expect([...decoded[2].bytes]).toEqual([0, 255, 7]);
    expect(() => encodeTlv([{ tag: 1, value: "x".repeat(256) }])).toThrow(/255/);
  });

  it("VAT numbers, national addresses and document numbers", () => {
    expect(VAT_NUMBER.test("310122393500003")).toBe(true);
    expect(VAT_NUMBER.test("210122393500003")).toBe(false);
    expect(VAT_NUMBER.test("31012239350003")).toBe(false);
    expect(westernDigits("٣١٠١٢٢٣٩٣٥٠٠٠٠٣")).toBe("310122393500003");
    expect(normalizeShortAddress("rrrd 2929")).toBe("RRRD2929");
    expect(missingAddressParts({ shortAddress: "RRRD2929" })).toEqual([]);
    expect(missingAddressParts({ buildingNumber: "2322", street: "Olaya", district: "Olaya", city: "Riyadh", postalCode: "12211" })).toEqual([]);
    expect(missingAddressParts({ street: "Olaya", city: "Riyadh", postalCode: "1221" })).toEqual(["buildingNumber", "district", "postalCode", "shortAddress"]);
    expect(documentNumber("INV-", 123)).toBe("INV-000123");
  });

  it("a stamp verifies with its public key only, and the private key is kept encrypted", () => {
    const keys = newStampKeys("secret one");
    const other = newStampKeys("secret one");
    const hash = createHash("sha256").update("document").digest("base64");
    const signature = stampHash(hash, keys.privateKeyEnc, "secret one");
    expect(verifyStamp(hash, signature, keys.publicKey)).toBe(true);
    expect(verifyStamp(hash, signature, other.publicKey)).toBe(false);
    expect(verifyStamp(createHash("sha256").update("other").digest("base64"), signature, keys.publicKey)).toBe(false);
    expect(() => stampHash(hash, keys.privateKeyEnc, "another secret")).toThrow();
  });
});
