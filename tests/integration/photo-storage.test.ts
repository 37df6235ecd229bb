// Review photos behind one interface: local disk, and an S3-compatible bucket (here a local server that
// speaks the S3 object API and checks the request's SigV4 shape and payload hash).
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskPhotoStorage, photoStorage, type PhotoStorage } from "@/server/reviews/photo-storage";
import { signS3Request } from "@/server/reviews/s3-storage";

const objects = new Map<string, { body: Buffer; type: string }>();
const seen: { method: string; url: string; auth: string }[] = [];
let endpoint = "";
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const auth = String(req.headers.authorization ?? "");
    seen.push({ method: req.method!, url: req.url!, auth });
    const okAuth = /^AWS4-HMAC-SHA256 Credential=AKIDLOCAL\/\d{8}\/me-central-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/.test(
      auth,
    );
    const okHash = req.headers["x-amz-content-sha256"] === createHash("sha256").update(body).digest("hex");
    if (!okAuth || !okHash) return res.writeHead(403).end("SignatureDoesNotMatch");
    if (req.method === "PUT") objects.set(req.url!, { body, type: String(req.headers["content-type"]) });
    if (req.method === "DELETE") objects.delete(req.url!);
    if (req.method === "GET") {
      const o = objects.get(req.url!);
      return o ? res.writeHead(200, { "content-type": o.type }).end(o.body) : res.writeHead(404).end("NoSuchKey");
    }
    res.writeHead(req.method === "DELETE" ? 204 : 200).end();
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const key = `${crypto.randomUUID()}/${crypto.randomUUID()}.jpg`;
async function roundTrip(storage: PhotoStorage) {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
  await storage.put(key, bytes, "image/jpeg");
  expect(await storage.get(key)).toEqual(bytes);
  await storage.delete(key);
  expect(await storage.get(key)).toBeNull();
}

describe("photo storage", () => {
  it("local disk: put, get, delete; keys that could escape the folder are refused", async () => {
    const disk = diskPhotoStorage(mkdtempSync(path.join(tmpdir(), "tajer-disk-")));
    await roundTrip(disk);
    await expect(disk.put("../../etc/passwd", Buffer.from("x"), "image/jpeg")).rejects.toThrow("not a photo key");
  });

  it("an S3-compatible bucket by configuration: signed path-style requests", async () => {
    const s3 = photoStorage({
      REVIEW_PHOTOS_S3_BUCKET: "photos",
      REVIEW_PHOTOS_S3_ENDPOINT: endpoint,
      REVIEW_PHOTOS_S3_REGION: "me-central-1",
      REVIEW_PHOTOS_S3_ACCESS_KEY_ID: "AKIDLOCAL",
      REVIEW_PHOTOS_S3_SECRET_ACCESS_KEY: "secret",
    });
    await roundTrip(s3);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([`PUT /photos/${key}`, `GET /photos/${key}`, `DELETE /photos/${key}`, `GET /photos/${key}`]);
  });

  it("SigV4 matches AWS's published example (GET Object)", () => {
    const headers = signS3Request(
      {
        endpoint: "https://examplebucket.s3.amazonaws.com",
        bucket: "examplebucket",
        region: "us-east-1",
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      },
      {
        method: "GET",
        path: "/test.txt",
        headers: { host: "examplebucket.s3.amazonaws.com", range: "bytes=0-9" },
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      },
      new Date("2013-05-24T00:00:00Z"),
    );
    expect(headers.Authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});
