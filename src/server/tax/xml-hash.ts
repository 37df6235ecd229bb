// The hash of a tax document's XML, as the tax authority computes it (pure): the document without its
// signature extension (ext:UBLExtensions), its cac:Signature and its QR reference, in canonical form
// (the document's own elements and text; namespace declarations first, sorted; attributes sorted; empty
// elements as a start and an end tag), SHA-256, Base64. The issuer and the authority's simulator both
// read the XML back to compute it: nothing in between may change a byte of what is hashed.
import { createHash } from "node:crypto";
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

const EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
const CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

export function parseXml(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  if (!doc.documentElement) throw new Error("XML: no document element");
  return doc.documentElement;
}

export function childElements(element: Element): Element[] {
  const out: Element[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The element's first child element of this namespace and local name. */
export function child(element: Element | null | undefined, ns: "cac" | "cbc" | "ext", name: string): Element | null {
  if (!element) return null;
  const uri = ns === "cac" ? CAC : ns === "cbc" ? CBC : EXT;
  return childElements(element).find((e) => e.namespaceURI === uri && e.localName === name) ?? null;
}

export function text(element: Element | null | undefined): string | null {
  return element ? (element.textContent ?? "") : null;
}

/** Whether this element is one the hash leaves out. */
function excluded(element: Element): boolean {
  if (element.namespaceURI === EXT && element.localName === "UBLExtensions") return true;
  if (element.namespaceURI === CAC && element.localName === "Signature") return true;
  if (element.namespaceURI === CAC && element.localName === "AdditionalDocumentReference") return text(child(element, "cbc", "ID")) === "QR";
  return false;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");

function canonical(node: Node, out: string[]) {
  if (node.nodeType === 3) {
    out.push(escapeText(node.nodeValue ?? ""));
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as Element;
  if (excluded(element)) return;
  const namespaces: [string, string][] = [];
  const attributes: [string, string, string][] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i)!;
    if (a.name === "xmlns" || a.name.startsWith("xmlns:")) namespaces.push([a.name === "xmlns" ? "" : a.name.slice(6), a.value]);
    else attributes.push([a.namespaceURI ?? "", a.localName ?? a.name, `${a.name}="${escapeAttr(a.value)}"`]);
  }
  namespaces.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  attributes.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  out.push(`<${element.tagName}`);
  for (const [prefix, uri] of namespaces) out.push(` ${prefix ? `xmlns:${prefix}` : "xmlns"}="${escapeAttr(uri)}"`);
  for (const [, , written] of attributes) out.push(` ${written}`);
  out.push(">");
  for (let n = element.firstChild; n; n = n.nextSibling) canonical(n, out);
  out.push(`</${element.tagName}>`);
}

/** The canonical bytes the hash is taken over. */
export function hashedForm(xml: string): Buffer {
  const out: string[] = [];
  canonical(parseXml(xml), out);
  return Buffer.from(out.join(""), "utf8");
}

/** SHA-256 of the hashed form, Base64: the document's hash, the next document's PIH. */
export function documentHash(xml: string): string {
  return createHash("sha256").update(hashedForm(xml)).digest("base64");
}
