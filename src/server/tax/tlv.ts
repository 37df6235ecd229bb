// The QR code of a Saudi tax invoice (pure): tag–length–value fields, Base64-encoded. Each tag and each
// length is one byte, and the length counts the value's UTF-8 bytes, not its characters — an Arabic
// seller name of 10 letters is 19 or 20 bytes.

export const QR_TAGS = {
  sellerName: 1,
  vatNumber: 2,
  timestamp: 3,
  total: 4,
  vatTotal: 5,
  hash: 6,
  signature: 7,
  publicKey: 8,
  certificateSignature: 9,
} as const;

export type TlvField = { tag: number; value: Uint8Array | string };

export function encodeTlv(fields: readonly TlvField[]): string {
  const parts: Buffer[] = [];
  for (const { tag, value } of fields) {
    const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value);
    if (bytes.length > 255) throw new RangeError(`TLV tag ${tag} is ${bytes.length} bytes; one byte of length holds at most 255`);
    parts.push(Buffer.from([tag, bytes.length]), bytes);
  }
  return Buffer.concat(parts).toString("base64");
}

export type DecodedTlv = { tag: number; length: number; bytes: Buffer; text: string };

export function decodeTlv(base64: string): DecodedTlv[] {
  const data = Buffer.from(base64, "base64");
  const fields: DecodedTlv[] = [];
  let at = 0;
  while (at < data.length) {
    if (at + 2 > data.length) throw new Error("TLV: a field is cut short");
    const tag = data[at];
    const length = data[at + 1];
    const bytes = data.subarray(at + 2, at + 2 + length);
    if (bytes.length !== length) throw new Error(`TLV: tag ${tag} says ${length} bytes, ${bytes.length} follow`);
    fields.push({ tag, length, bytes, text: bytes.toString("utf8") });
    at += 2 + length;
  }
  return fields;
}
