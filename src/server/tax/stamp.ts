// The cryptographic stamp of a store's tax documents (pure, given its keys): an ECDSA key on secp256k1,
// the private part kept encrypted (AES-256-GCM under a key derived from the installation's secret).
// A document is stamped by signing its hash: ECDSA with SHA-256 over the hash's bytes, DER, Base64.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, sign, verify } from "node:crypto";

export type StampKeys = { publicKey: string; privateKeyEnc: string };

function wrappingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), Buffer.from("tajer tax stamp key", "utf8"), 32));
}

/** A new key pair: the public part as DER (SPKI) in Base64, the private part encrypted ("v1.iv.tag.data"). */
export function newStampKeys(secret: string): StampKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "secp256k1" });
  const der = privateKey.export({ type: "pkcs8", format: "der" });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", wrappingKey(secret), iv);
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  return {
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    privateKeyEnc: ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join("."),
  };
}

function privateKeyOf(privateKeyEnc: string, secret: string) {
  const [version, iv, tag, data] = privateKeyEnc.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("the stamp key is not in a known form");
  const decipher = createDecipheriv("aes-256-gcm", wrappingKey(secret), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  const der = Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

/** The document hash (Base64 of SHA-256) signed with the store's key: Base64 of the DER signature. */
export function stampHash(hashBase64: string, privateKeyEnc: string, secret: string): string {
  return sign("sha256", Buffer.from(hashBase64, "base64"), privateKeyOf(privateKeyEnc, secret)).toString("base64");
}

export function verifyStamp(hashBase64: string, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, "base64"), format: "der", type: "spki" });
    return verify("sha256", Buffer.from(hashBase64, "base64"), key, Buffer.from(signatureBase64, "base64"));
  } catch {
    return false;
  }
}

/** Any data signed with a key given in PEM or DER (the tax authority simulator's own certificate key). */
export function signWith(privateKeyPkcs8Base64: string, data: Buffer): string {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8Base64, "base64"), format: "der", type: "pkcs8" });
  return sign("sha256", data, key).toString("base64");
}
