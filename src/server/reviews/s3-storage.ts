// Review photos in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, …), signed with AWS
// Signature Version 4 using node:crypto and fetch: no SDK needed for three calls.
import { createHash, createHmac } from "node:crypto";
import type { PhotoStorage } from "./photo-storage";

export type S3Config = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
// RFC 3986, as SigV4 wants each path segment encoded.
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The SigV4 Authorization header for one request (path-style URL: /bucket/key). */
export function signS3Request(
  config: S3Config,
  request: { method: string; path: string; headers: Record<string, string>; payloadHash: string; query?: string },
  now: Date,
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...request.headers, "x-amz-content-sha256": request.payloadHash, "x-amz-date": amzDate };
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v).trim()]));
  const canonical = [
    request.method,
    request.path,
    request.query ?? "",
    names.map((n) => `${n}:${lower[n]}\n`).join(""),
    names.join(";"),
    request.payloadHash,
  ].join("\n");
  const scope = `${day}/${config.region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${config.secretAccessKey}`, day), config.region), "s3"), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return { ...headers, Authorization: `AWS4-HMAC-SHA256 Credential=${config.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}` };
}

export function s3PhotoStorage(config: S3Config, fetchImpl: typeof fetch = fetch): PhotoStorage {
  const base = new URL(config.endpoint);
  const call = async (method: string, key: string, body?: Buffer, contentType?: string) => {
    const path = `/${encodeSegment(config.bucket)}/${key.split("/").map(encodeSegment).join("/")}`;
    const headers = signS3Request(
      config,
      { method, path, headers: { host: base.host, ...(contentType ? { "content-type": contentType } : {}) }, payloadHash: sha256(body ?? "") },
      new Date(),
    );
    delete headers.host;
    return fetchImpl(new URL(path, base), { method, headers, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(15_000) });
  };
  return {
    async put(key, bytes, contentType) {
      const res = await call("PUT", key, bytes, contentType);
      if (!res.ok) throw new Error(`photo storage refused the upload (${res.status})`);
    },
    async get(key) {
      const res = await call("GET", key);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`photo storage did not answer (${res.status})`);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await call("DELETE", key);
      if (!res.ok && res.status !== 404) throw new Error(`photo storage did not delete (${res.status})`);
    },
  };
}
