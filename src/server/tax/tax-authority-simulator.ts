// A local stand-in for ZATCA's reporting API: what cannot be reached from here behaves like it does. It
// reads the document's XML as the authority would — the required fields, the arithmetic, the hash
// recomputed over the canonical form, the stamp verified with the key in the XML, the QR's nine tags
// against the XML, and the chain: each document's PIH must be the hash of the seller's document before it
// — and answers reported (200), reported with warnings (202) or not reported (400) with ZATCA's codes.
// Onboarding signs the store's public key with the simulator's own certificate authority key.
import "server-only";
import { createECDH, createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { db } from "@/server/db/client";
import { installationSecret } from "@/server/installation/installation-settings";
import type { Element } from "@xmldom/xmldom";
import type { ReportingRequest, ReportingResponse, TaxAuthorityAdapter, ValidationMessage } from "./tax-authority";
import { child, childElements, documentHash, parseXml, text } from "./xml-hash";
import { decodeTlv, QR_TAGS } from "./tlv";
import { INITIAL_PREVIOUS_HASH, VAT_NUMBER } from "./tax-rules";

const b64url = (b: Buffer) => b.toString("base64url");

/** The simulator's certificate authority: a secp256k1 key derived from this installation's own secret. */
async function authorityKey(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  const seed = await installationSecret("zatca-simulator-ca");
  const d = createHash("sha256").update(`zatca simulator ca ${seed}`).digest();
  const ecdh = createECDH("secp256k1");
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey();
  const jwk = { kty: "EC", crv: "secp256k1", d: b64url(d), x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) };
  return { privateKey: createPrivateKey({ key: jwk, format: "jwk" }), publicKey: createPublicKey({ key: { ...jwk, d: undefined }, format: "jwk" }) };
}

/** Whether the simulator's authority signed this public key (the QR's tag 9). */
export async function authoritySigned(publicKeyDer: Buffer, signature: Buffer): Promise<boolean> {
  const { publicKey } = await authorityKey();
  try {
    return verify("sha256", publicKeyDer, publicKey, signature);
  } catch {
    return false;
  }
}

const at = (root: Element, ...path: [ns: "cac" | "cbc" | "ext", name: string][]) => path.reduce<Element | null>((e, [ns, name]) => child(e, ns, name), root);
const references = (root: Element) =>
  childElements(root).filter((e) => e.localName === "AdditionalDocumentReference" && e.namespaceURI?.endsWith("CommonAggregateComponents-2"));
const referenced = (root: Element, id: string) => references(root).find((r) => text(child(r, "cbc", "ID")) === id) ?? null;
/** A reference's value: the ICV's number, or the PIH's or the QR's attachment; null when the reference is missing. */
const referenceValue = (root: Element, id: "ICV" | "PIH" | "QR") => {
  const ref = referenced(root, id);
  if (!ref) return null;
  return id === "ICV" ? text(child(ref, "cbc", "UUID")) : text(at(ref, ["cac", "Attachment"], ["cbc", "EmbeddedDocumentBinaryObject"]));
};
const minor = (value: string | null) => (value !== null && /^-?\d+(\.\d{1,2})?$/.test(value.trim()) ? Math.round(Number(value) * 100) : null);

function message(type: ValidationMessage["type"], code: string, category: string, text: string): ValidationMessage {
  return { type, code, category, message: text, status: type === "INFO" ? "PASS" : type };
}

export class TaxAuthoritySimulator implements TaxAuthorityAdapter {
  async onboard(input: { vatNumber: string; publicKey: string }): Promise<{ certificateSignature: string }> {
    const { privateKey } = await authorityKey();
    return { certificateSignature: sign("sha256", Buffer.from(input.publicKey, "base64"), privateKey).toString("base64") };
  }

  async report(request: ReportingRequest): Promise<ReportingResponse> {
    // The same document sent again is answered as it was the first time.
    const seen = await db.zatcaSimDocument.findUnique({ where: { vatNumber_uuid: { vatNumber: request.vatNumber, uuid: request.uuid } } });
    const { errors, warnings, icv, hash } = await this.validate(request);
    if (seen) return respond(seen.status === "REJECTED" ? [...errors, message("ERROR", "duplicate-uuid", "KSA", "Rejected before")] : [], warnings);
    if (!errors.length && icv !== null && hash)
      await db.zatcaSimDocument.create({
        data: { vatNumber: request.vatNumber, uuid: request.uuid, icv, hash, status: warnings.length ? "REPORTED_WITH_WARNINGS" : "REPORTED" },
      });
    else
      await db.zatcaSimDocument.createMany({
        data: [{ vatNumber: request.vatNumber, uuid: request.uuid, icv: icv ?? -1, hash: hash ?? "", status: "REJECTED" }],
        skipDuplicates: true,
      });
    return respond(errors, warnings);
  }

  private async validate(request: ReportingRequest) {
    const errors: ValidationMessage[] = [];
    const warnings: ValidationMessage[] = [];
    const error = (code: string, text: string, category = "KSA") => errors.push(message("ERROR", code, category, text));
    let root: Element;
    let xml: string;
    try {
      xml = Buffer.from(request.invoice, "base64").toString("utf8");
      root = parseXml(xml);
    } catch (e) {
      error("XSD_ZATCA_INVALID", `Schema validation failed: ${(e as Error).message}`, "XSD validation");
      return { errors, warnings, icv: null, hash: null };
    }
    const required: [string, string | null][] = [
      ["BR-KSA-EN16931-01 cbc:ProfileID", text(at(root, ["cbc", "ProfileID"]))],
      ["BR-02 cbc:ID", text(at(root, ["cbc", "ID"]))],
      ["BR-KSA-03 cbc:UUID", text(at(root, ["cbc", "UUID"]))],
      ["BR-03 cbc:IssueDate", text(at(root, ["cbc", "IssueDate"]))],
      ["BR-KSA-70 cbc:IssueTime", text(at(root, ["cbc", "IssueTime"]))],
      ["BR-04 cbc:InvoiceTypeCode", text(at(root, ["cbc", "InvoiceTypeCode"]))],
      ["BR-05 cbc:DocumentCurrencyCode", text(at(root, ["cbc", "DocumentCurrencyCode"]))],
      ["BR-KSA-33 ICV", referenceValue(root, "ICV")],
      ["BR-KSA-61 PIH", referenceValue(root, "PIH")],
      ["BR-KSA-27 QR", referenceValue(root, "QR")],
      ["BR-KSA-60 cac:Signature", at(root, ["cac", "Signature"]) ? "present" : null],
      ["BR-06 seller's name", text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PartyLegalEntity"], ["cbc", "RegistrationName"]))],
      ["BR-KSA-39 seller's VAT number", text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PartyTaxScheme"], ["cbc", "CompanyID"]))],
      [
        "BR-KSA-37 seller's building number",
        text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PostalAddress"], ["cbc", "BuildingNumber"])),
      ],
      ["BR-09 seller's street", text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PostalAddress"], ["cbc", "StreetName"]))],
      ["BR-KSA-66 seller's postal code", text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PostalAddress"], ["cbc", "PostalZone"]))],
      ["BR-10 seller's city", text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PostalAddress"], ["cbc", "CityName"]))],
      [
        "BR-KSA-09 seller's district",
        text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PostalAddress"], ["cbc", "CitySubdivisionName"])),
      ],
      ["BR-KSA-10 buyer", at(root, ["cac", "AccountingCustomerParty"]) ? "present" : null],
      ["BR-13 LineExtensionAmount", text(at(root, ["cac", "LegalMonetaryTotal"], ["cbc", "LineExtensionAmount"]))],
      ["BR-14 TaxExclusiveAmount", text(at(root, ["cac", "LegalMonetaryTotal"], ["cbc", "TaxExclusiveAmount"]))],
      ["BR-15 TaxInclusiveAmount", text(at(root, ["cac", "LegalMonetaryTotal"], ["cbc", "TaxInclusiveAmount"]))],
      ["BR-16 at least one invoice line", at(root, ["cac", "InvoiceLine"]) ? "present" : null],
    ];
    for (const [rule, value] of required)
      if (value === null || value.trim() === "") error(rule.split(" ")[0], `${rule.split(" ").slice(1).join(" ")} is missing`);

    const typeCode = at(root, ["cbc", "InvoiceTypeCode"]);
    const type = text(typeCode);
    if (type && !["388", "381", "383"].includes(type)) error("BR-KSA-05", `InvoiceTypeCode ${type} is not 388, 381 or 383`);
    if (typeCode && !/^02[01]{5}$/.test(typeCode.getAttribute("name") ?? ""))
      error("BR-KSA-06", "a simplified document's InvoiceTypeCode name is 02 and five flags");
    if (type === "381" || type === "383") {
      if (!text(at(root, ["cac", "BillingReference"], ["cac", "InvoiceDocumentReference"], ["cbc", "ID"])))
        error("BR-KSA-56", "a credit or debit note names its invoice");
      if (!text(at(root, ["cac", "PaymentMeans"], ["cbc", "InstructionNote"]))) error("BR-KSA-17", "a credit or debit note says why it was issued");
    }
    if (text(at(root, ["cbc", "UUID"])) !== request.uuid) error("invalid-uuid", "the request's UUID is not the document's");
    const vat = text(at(root, ["cac", "AccountingSupplierParty"], ["cac", "Party"], ["cac", "PartyTaxScheme"], ["cbc", "CompanyID"]));
    if (vat && (!VAT_NUMBER.test(vat) || vat !== request.vatNumber))
      error("BR-KSA-40", "the seller's VAT number is 15 digits, starts and ends with 3, and is the sender's");

    // The arithmetic.
    const lines = childElements(root).filter((e) => e.localName === "InvoiceLine");
    const lineSum = lines.reduce((sum, l) => sum + (minor(text(child(l, "cbc", "LineExtensionAmount"))) ?? 0), 0);
    const total = (name: string) => minor(text(at(root, ["cac", "LegalMonetaryTotal"], ["cbc", name])));
    const taxTotals = childElements(root).filter((e) => e.localName === "TaxTotal");
    const taxAmount = minor(text(taxTotals[0] ? child(taxTotals[0], "cbc", "TaxAmount") : null));
    if (total("LineExtensionAmount") !== null && lineSum !== total("LineExtensionAmount"))
      error("BR-CO-10", "the lines' net amounts do not add up to LineExtensionAmount", "EN validations");
    if (total("TaxInclusiveAmount") !== null && taxAmount !== null && total("TaxExclusiveAmount")! + taxAmount !== total("TaxInclusiveAmount"))
      error("BR-CO-15", "TaxInclusiveAmount is not TaxExclusiveAmount plus the VAT", "EN validations");
    const subtotal = taxTotals[1] ? child(taxTotals[1], "cac", "TaxSubtotal") : null;
    const percent = Number((subtotal && text(at(subtotal, ["cac", "TaxCategory"], ["cbc", "Percent"]))) ?? "NaN");
    const taxable = minor(text(child(subtotal, "cbc", "TaxableAmount")));
    if (taxable !== null && taxAmount !== null && Number.isFinite(percent) && Math.abs(Math.round((taxable * percent) / 100) - taxAmount) > 0)
      warnings.push(
        message("WARNING", "BR-S-09", "EN validations", "The VAT category tax amount differs from the taxable amount times the rate (rounded line by line)"),
      );

    // The hash, the stamp, the QR.
    let hash: string | null = null;
    try {
      hash = documentHash(xml);
    } catch {
      hash = null;
    }
    const digest = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "DigestValue")[0];
    if (hash !== request.invoiceHash) error("invalid-invoice-hash", "the request's hash is not the document's (recomputed over its canonical form)");
    if (digest && text(digest as unknown as Element) !== hash) error("signed-info-digest", "the signature's digest is not the document's hash");
    const signatureValue = text(root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "SignatureValue")[0] as unknown as Element);
    const publicKey = text(root.getElementsByTagNameNS("http://www.w3.org/2009/xmldsig11#", "PublicKey")[0] as unknown as Element);
    let stamped = false;
    if (!signatureValue || !publicKey) error("BR-KSA-28", "the document has no stamp");
    else {
      try {
        const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
        stamped = verify("sha256", Buffer.from(request.invoiceHash, "base64"), key, Buffer.from(signatureValue, "base64"));
      } catch {
        stamped = false;
      }
      if (!stamped) error("invalid-signature", "the stamp does not verify with the document's public key");
    }
    const qr = referenceValue(root, "QR");
    if (qr) {
      try {
        const tags = new Map(decodeTlv(qr).map((t) => [t.tag, t]));
        for (let tag = 1; tag <= 9; tag++) if (!tags.get(tag)?.length) error("BR-KSA-27", `the QR lacks tag ${tag}`);
        const tlvMinor = (tag: number) => minor(tags.get(tag)?.text ?? null);
        if (tags.get(QR_TAGS.vatNumber)?.text !== vat) error("qr-vat", "the QR's VAT number is not the seller's");
        if (tlvMinor(QR_TAGS.total) !== total("TaxInclusiveAmount")) error("qr-total", "the QR's total is not the document's");
        if (tlvMinor(QR_TAGS.vatTotal) !== taxAmount) error("qr-vat-total", "the QR's VAT is not the document's");
        if (tags.get(QR_TAGS.hash)?.text !== hash) error("qr-hash", "the QR's hash is not the document's");
        if (tags.get(QR_TAGS.signature)?.text !== signatureValue) error("qr-signature", "the QR's signature is not the document's");
        const keyBytes = tags.get(QR_TAGS.publicKey)?.bytes;
        if (!keyBytes || !publicKey || !keyBytes.equals(Buffer.from(publicKey, "base64"))) error("qr-public-key", "the QR's public key is not the document's");
        const certificate = tags.get(QR_TAGS.certificateSignature)?.bytes;
        if (keyBytes && certificate && !(await authoritySigned(keyBytes, certificate)))
          error("qr-certificate", "the stamp's key was not onboarded with the authority");
      } catch (e) {
        error("BR-KSA-27", `the QR cannot be read: ${(e as Error).message}`);
      }
    }

    // The chain.
    const icvText = referenceValue(root, "ICV");
    const icv = icvText && /^\d+$/.test(icvText) ? Number(icvText) : null;
    const pih = referenceValue(root, "PIH");
    if (icv !== null && pih) {
      // The document before is the seller's latest one with a lower counter (a store that was not
      // registered for a while skipped counters on plain invoices); the first one has the initial PIH.
      const previous = await db.zatcaSimDocument.findFirst({
        where: { vatNumber: request.vatNumber, icv: { lt: icv } },
        orderBy: [{ icv: "desc" }, { id: "desc" }],
      });
      if (!previous) {
        if (pih !== INITIAL_PREVIOUS_HASH)
          error("BR-KSA-61", `the document before (ICV ${icv - 1}) was not reported first, or the first document's PIH is not the initial value`);
      } else if (previous.hash !== pih) error("BR-KSA-61", "the PIH is not the hash of the document before");
      const same = await db.zatcaSimDocument.findFirst({
        where: { vatNumber: request.vatNumber, icv, NOT: { uuid: request.uuid }, status: { not: "REJECTED" } },
      });
      if (same) error("BR-KSA-33", `ICV ${icv} was used by another document`);
    }
    return { errors, warnings, icv, hash };
  }
}

function respond(errors: ValidationMessage[], warnings: ValidationMessage[]): ReportingResponse {
  const status = errors.length ? "ERROR" : warnings.length ? "WARNING" : "PASS";
  return {
    httpStatus: errors.length ? 400 : warnings.length ? 202 : 200,
    reportingStatus: errors.length ? "NOT_REPORTED" : "REPORTED",
    validationResults: { status, infoMessages: [], warningMessages: warnings, errorMessages: errors },
  };
}
