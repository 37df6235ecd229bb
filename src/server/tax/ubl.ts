// A tax document as UBL 2.1 XML in the form the Saudi tax authority (ZATCA) reads for a simplified tax
// invoice, credit note or debit note (pure). Built twice: with a placeholder stamp to be hashed, then with
// the real one (the signature extension, the QR and the signature reference). The hash covers none of
// those parts, and the two layouts are otherwise the same to the byte, so the hash holds for the second.
import { decimal, type VatLine } from "./vat";
import type { NationalAddress } from "./tax-rules";

export type TaxDocumentKind = "INVOICE" | "CREDIT_NOTE" | "DEBIT_NOTE";

/** UNTDID 1001: 388 a tax invoice, 381 a credit note, 383 a debit note. */
export const TYPE_CODE: Record<TaxDocumentKind, string> = { INVOICE: "388", CREDIT_NOTE: "381", DEBIT_NOTE: "383" };
/** ZATCA's invoice sub-type: 02 a simplified (business-to-consumer) document, then five flags, all off. */
export const SIMPLIFIED = "0200000";
/** UNTDID 4461: 10 cash, 30 credit transfer, 48 bank card, 1 not defined. */
export const PAYMENT_MEANS: Record<string, string> = {
  CASH_ON_DELIVERY: "10",
  BANK_TRANSFER: "30",
  CARD: "48",
  MADA: "48",
  APPLE_PAY: "48",
  STC_PAY: "48",
  TABBY: "1",
  TAMARA: "1",
};

export type Seller = NationalAddress & { legalNameAr: string; legalNameEn: string; vatNumber: string; crNumber?: string | null };
export type Buyer = {
  name: string;
  city?: string | null;
  district?: string | null;
  street?: string | null;
  postalCode?: string | null;
  buildingNumber?: string | null;
};

export type UblInput = {
  kind: TaxDocumentKind;
  number: string;
  uuid: string;
  icv: number;
  previousHash: string;
  /** Date and time of issue on the store's clock ("2026-12-01", "13:05:22"). */
  issueDate: string;
  issueTime: string;
  currency: string;
  seller: Seller;
  buyer: Buyer;
  paymentMeansCode: string;
  rateBp: number;
  lines: readonly VatLine[];
  totals: { net: number; vat: number; gross: number };
  /** A note's invoice, and why the note was issued. */
  billingReference?: { number: string; issueDate: string };
  reason?: string;
};

export type Stamp = { hash: string; signature: string; publicKey: string; qr: string; signingTime: string };

// Escaped as canonical XML writes text and attribute values, so the document is already in the form its
// hash is taken over (hashedUbl), without parsing it back.
const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");
const el = (name: string, value: string | number, attrs = "") => `<${name}${attrs}>${escText(String(value))}</${name}>`;
const amount = (name: string, minor: number, currency: string) => el(name, decimal(minor), ` currencyID="${esc(currency)}"`);
const percent = (rateBp: number) => (rateBp / 100).toFixed(2);
/** A unit price without VAT may fall between halalas: up to six decimals, as UBL allows. */
const unitPrice = (net: number, quantity: number) => (net / 100 / quantity).toFixed(6).replace(/(\.\d{2}\d*?)0+$/, "$1");

const NS = [
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"',
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
  'xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"',
].join(" ");

function taxCategory(tag: string, rateBp: number) {
  return `<cac:${tag}>${el("cbc:ID", rateBp > 0 ? "S" : "Z")}${el("cbc:Percent", percent(rateBp))}<cac:TaxScheme>${el("cbc:ID", "VAT")}</cac:TaxScheme></cac:${tag}>`;
}

function sellerParty(s: Seller) {
  return [
    "<cac:AccountingSupplierParty><cac:Party>",
    s.crNumber ? `<cac:PartyIdentification>${el("cbc:ID", s.crNumber, ' schemeID="CRN"')}</cac:PartyIdentification>` : "",
    "<cac:PostalAddress>",
    el("cbc:StreetName", s.street ?? ""),
    el("cbc:BuildingNumber", s.buildingNumber ?? ""),
    s.additionalNumber ? el("cbc:PlotIdentification", s.additionalNumber) : "",
    el("cbc:CitySubdivisionName", s.district ?? ""),
    el("cbc:CityName", s.city ?? ""),
    el("cbc:PostalZone", s.postalCode ?? ""),
    `<cac:Country>${el("cbc:IdentificationCode", "SA")}</cac:Country>`,
    "</cac:PostalAddress>",
    `<cac:PartyTaxScheme>${el("cbc:CompanyID", s.vatNumber)}<cac:TaxScheme>${el("cbc:ID", "VAT")}</cac:TaxScheme></cac:PartyTaxScheme>`,
    `<cac:PartyLegalEntity>${el("cbc:RegistrationName", s.legalNameAr || s.legalNameEn)}</cac:PartyLegalEntity>`,
    "</cac:Party></cac:AccountingSupplierParty>",
  ].join("");
}

function buyerParty(b: Buyer) {
  const address = [
    b.street ? el("cbc:StreetName", b.street) : "",
    b.buildingNumber ? el("cbc:BuildingNumber", b.buildingNumber) : "",
    b.district ? el("cbc:CitySubdivisionName", b.district) : "",
    b.city ? el("cbc:CityName", b.city) : "",
    b.postalCode ? el("cbc:PostalZone", b.postalCode) : "",
    `<cac:Country>${el("cbc:IdentificationCode", "SA")}</cac:Country>`,
  ].join("");
  return `<cac:AccountingCustomerParty><cac:Party><cac:PostalAddress>${address}</cac:PostalAddress><cac:PartyLegalEntity>${el("cbc:RegistrationName", b.name)}</cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>`;
}

function line(l: VatLine, index: number, d: UblInput) {
  return [
    "<cac:InvoiceLine>",
    el("cbc:ID", index + 1),
    el("cbc:InvoicedQuantity", l.quantity, ' unitCode="PCE"'),
    amount("cbc:LineExtensionAmount", l.net, d.currency),
    `<cac:TaxTotal>${amount("cbc:TaxAmount", l.vat, d.currency)}${amount("cbc:RoundingAmount", l.gross, d.currency)}</cac:TaxTotal>`,
    "<cac:Item>",
    el("cbc:Name", l.name),
    l.sku ? `<cac:SellersItemIdentification>${el("cbc:ID", l.sku)}</cac:SellersItemIdentification>` : "",
    taxCategory("ClassifiedTaxCategory", d.rateBp),
    "</cac:Item>",
    `<cac:Price>${el("cbc:PriceAmount", unitPrice(l.net, l.quantity), ` currencyID="${esc(d.currency)}"`)}</cac:Price>`,
    "</cac:InvoiceLine>",
  ].join("");
}

function ublExtensions(stamp: Stamp) {
  return [
    "<ext:UBLExtensions><ext:UBLExtension>",
    el("ext:ExtensionURI", "urn:oasis:names:specification:ubl:dsig:enveloped:xades"),
    "<ext:ExtensionContent>",
    '<sig:UBLDocumentSignatures xmlns:sig="urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2" xmlns:sac="urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2" xmlns:sbc="urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2">',
    "<sac:SignatureInformation>",
    el("cbc:ID", "urn:oasis:names:specification:ubl:signature:1"),
    el("sbc:ReferencedSignatureID", "urn:oasis:names:specification:ubl:signature:Invoice"),
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="signature">',
    "<ds:SignedInfo>",
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"></ds:CanonicalizationMethod>',
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"></ds:SignatureMethod>',
    '<ds:Reference Id="invoiceSignedData" URI="">',
    "<ds:Transforms>",
    '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(//ancestor-or-self::ext:UBLExtensions)</ds:XPath></ds:Transform>',
    '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(//ancestor-or-self::cac:Signature)</ds:XPath></ds:Transform>',
    "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])</ds:XPath></ds:Transform>",
    '<ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"></ds:Transform>',
    "</ds:Transforms>",
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod>',
    el("ds:DigestValue", stamp.hash),
    "</ds:Reference>",
    "</ds:SignedInfo>",
    el("ds:SignatureValue", stamp.signature),
    '<ds:KeyInfo><ds:KeyValue><dsig11:ECKeyValue xmlns:dsig11="http://www.w3.org/2009/xmldsig11#"><dsig11:NamedCurve URI="urn:oid:1.3.132.0.10"></dsig11:NamedCurve>',
    el("dsig11:PublicKey", stamp.publicKey),
    "</dsig11:ECKeyValue></ds:KeyValue></ds:KeyInfo>",
    '<ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="signature"><xades:SignedProperties Id="xadesSignedProperties"><xades:SignedSignatureProperties>',
    el("xades:SigningTime", stamp.signingTime),
    "</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object>",
    "</ds:Signature>",
    "</sac:SignatureInformation>",
    "</sig:UBLDocumentSignatures>",
    "</ext:ExtensionContent>",
    "</ext:UBLExtension></ext:UBLExtensions>",
  ].join("");
}

const reference = (id: string, inner: string) => `<cac:AdditionalDocumentReference>${el("cbc:ID", id)}${inner}</cac:AdditionalDocumentReference>`;
const attachment = (value: string) => `<cac:Attachment>${el("cbc:EmbeddedDocumentBinaryObject", value, ' mimeCode="text/plain"')}</cac:Attachment>`;

/** The parts the hash leaves out stand here in the hashed form: removed, with the line breaks around them kept. */
const EXCLUDED = "\u0000excluded\u0000";

function layout(d: UblInput, stamp: Stamp | null): string {
  const note = d.kind !== "INVOICE";
  const parts = [
    stamp ? ublExtensions(stamp) : EXCLUDED,
    el("cbc:ProfileID", "reporting:1.0"),
    el("cbc:ID", d.number),
    el("cbc:UUID", d.uuid),
    el("cbc:IssueDate", d.issueDate),
    el("cbc:IssueTime", d.issueTime),
    el("cbc:InvoiceTypeCode", TYPE_CODE[d.kind], ` name="${SIMPLIFIED}"`),
    el("cbc:DocumentCurrencyCode", d.currency),
    el("cbc:TaxCurrencyCode", d.currency),
    note && d.billingReference
      ? `<cac:BillingReference><cac:InvoiceDocumentReference>${el("cbc:ID", d.billingReference.number)}${el("cbc:IssueDate", d.billingReference.issueDate)}</cac:InvoiceDocumentReference></cac:BillingReference>`
      : "",
    reference("ICV", el("cbc:UUID", d.icv)),
    reference("PIH", attachment(d.previousHash)),
    stamp ? reference("QR", attachment(stamp.qr)) : EXCLUDED,
    stamp
      ? `<cac:Signature>${el("cbc:ID", "urn:oasis:names:specification:ubl:signature:Invoice")}${el("cbc:SignatureMethod", "urn:oasis:names:specification:ubl:dsig:enveloped:xades")}</cac:Signature>`
      : EXCLUDED,
    sellerParty(d.seller),
    buyerParty(d.buyer),
    `<cac:PaymentMeans>${el("cbc:PaymentMeansCode", d.paymentMeansCode)}${note && d.reason ? el("cbc:InstructionNote", d.reason) : ""}</cac:PaymentMeans>`,
    `<cac:TaxTotal>${amount("cbc:TaxAmount", d.totals.vat, d.currency)}</cac:TaxTotal>`,
    `<cac:TaxTotal>${amount("cbc:TaxAmount", d.totals.vat, d.currency)}<cac:TaxSubtotal>${amount("cbc:TaxableAmount", d.totals.net, d.currency)}${amount("cbc:TaxAmount", d.totals.vat, d.currency)}${taxCategory("TaxCategory", d.rateBp)}</cac:TaxSubtotal></cac:TaxTotal>`,
    [
      "<cac:LegalMonetaryTotal>",
      amount("cbc:LineExtensionAmount", d.totals.net, d.currency),
      amount("cbc:TaxExclusiveAmount", d.totals.net, d.currency),
      amount("cbc:TaxInclusiveAmount", d.totals.gross, d.currency),
      amount("cbc:AllowanceTotalAmount", 0, d.currency),
      amount("cbc:PrepaidAmount", 0, d.currency),
      amount("cbc:PayableAmount", d.totals.gross, d.currency),
      "</cac:LegalMonetaryTotal>",
    ].join(""),
    ...d.lines.map((l, i) => line(l, i, d)),
  ].filter(Boolean);
  return `<Invoice ${NS}>\n${parts.join("\n").replaceAll(EXCLUDED, "")}\n</Invoice>`;
}

/** The document's XML, each of the invoice's parts on a line of its own so a person can read it. */
export function buildUbl(d: UblInput, stamp: Stamp): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${layout(d, stamp)}\n`;
}

/**
 * The canonical form the document's hash is taken over, written directly: the XML as buildUbl writes it
 * without its declaration, its signature extension, its QR reference and its cac:Signature. The same
 * bytes as reading the stamped XML back and canonicalizing it (xml-hash.ts), which the authority does,
 * without the cost of parsing it inside the store's chain lock (tests/unit/tax-xml.test.ts compares them).
 */
export function hashedUbl(d: UblInput): Buffer {
  return Buffer.from(layout(d, null), "utf8");
}
