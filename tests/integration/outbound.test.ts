// Requests to addresses a store typed in: https only, never to a private, loopback or link-local address
// (checked after DNS resolution, on the address connected to), no redirects, bounded time and size.
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderIssueEnglish } from "@/server/errors/words";
import { checkedLookup, isPrivateAddress, outboundUrlProblem, postOutbound, type OutboundPolicy } from "@/server/http/outbound";
import { localCertificate } from "../support/tls";

let server: https.Server;
let port: number;
let ca: string;
const hits: string[] = [];

beforeAll(async () => {
  const tls = localCertificate();
  ca = (await import("node:fs")).readFileSync(tls.caFile, "utf8");
  server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    hits.push(req.url!);
    if (req.url === "/redirect") return res.writeHead(302, { location: "https://127.0.0.1:1/elsewhere" }).end();
    if (req.url === "/silent") return; // never answers
    if (req.url === "/huge") {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 97);
      const write = () => (res.write(chunk) ? setImmediate(write) : res.once("drain", write));
      return write();
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const trusted = (): OutboundPolicy => ({ allowPrivate: [`127.0.0.1:${port}`], ca, timeoutMs: 1_000, maxResponseBytes: 64 * 1024 });
const strict = (): OutboundPolicy => ({ allowPrivate: [], ca, timeoutMs: 1_000, maxResponseBytes: 64 * 1024 });

describe("outbound requests to a store's URL", () => {
  it("knows the private, loopback, link-local and reserved ranges, in both families", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "185.199.108.153"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses before connecting: plain http, credentials, private literals in any spelling, local names", async () => {
    const cases: [string, string][] = [
      [`http://example.com/hook`, "must start with https://"],
      [`https://user:pw@example.com/`, "must not contain a user name or password"],
      [`https://127.0.0.1:${port}/`, "must be a public address"],
      [`https://2130706433:${port}/`, "must be a public address"], // 127.0.0.1 as one number
      [`https://0x7f.1:${port}/`, "must be a public address"],
      [`https://[::1]:${port}/`, "must be a public address"],
      [`https://[::ffff:7f00:1]:${port}/`, "must be a public address"],
      [`https://169.254.169.254/latest/meta-data/`, "must be a public address"],
      [`https://localhost:${port}/`, "must be a public address"],
      [`https://printer.local/`, "must be a public address"],
    ];
    for (const [url, problem] of cases) {
      expect(renderIssueEnglish({ rule: outboundUrlProblem(url)! }), url).toBe(problem);
      await expect(postOutbound(url, "{}", {}, strict()), url).rejects.toThrow(/URL/);
    }
    expect(hits).toEqual([]);
  });

  it("checks the addresses a name resolves to, and connects only to a checked one", async () => {
    // A real lookup (the hosts file): "localhost" resolves to loopback, and the socket's lookup refuses it.
    const refused = await new Promise<Error | null>((resolve) => checkedLookup(false)("localhost", { all: true }, (error) => resolve(error)));
    expect(refused?.message).toMatch(/resolves to a private address/);
    const allowed = await new Promise<string>((resolve) => checkedLookup(true)("localhost", {}, (_error, address) => resolve(String(address))));
    expect(allowed).toMatch(/^(127\.0\.0\.1|::1)$/);
    // Through a whole request: this machine's own name resolves to one of its own (private) addresses.
    const own = (await import("node:os")).hostname();
    const resolves = await (await import("node:dns/promises")).lookup(own).then(
      () => true,
      () => false,
    );
    if (resolves) await expect(postOutbound(`https://${own}:${port}/`, "{}", {}, strict())).rejects.toThrow(/private address|public address/);
    expect(hits).toEqual([]);
  });

  it("follows no redirect, gives up on silence, and stops reading an answer that is too large", async () => {
    expect(await postOutbound(`https://127.0.0.1:${port}/redirect`, "{}", {}, trusted())).toEqual({ status: 302 });
    expect(hits).toEqual(["/redirect"]);
    const started = Date.now();
    await expect(postOutbound(`https://127.0.0.1:${port}/silent`, "{}", {}, trusted())).rejects.toThrow(/No answer within/);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(postOutbound(`https://127.0.0.1:${port}/huge`, "{}", {}, trusted())).rejects.toThrow(/larger than/);
    expect(await postOutbound(`https://127.0.0.1:${port}/ok`, "{}", {}, trusted())).toEqual({ status: 204 });
  });

  it("verifies the certificate: a server the trusted authorities did not sign is refused", async () => {
    await expect(postOutbound(`https://127.0.0.1:${port}/ok`, "{}", {}, { ...trusted(), ca: undefined })).rejects.toThrow(/certificate/i);
  });
});
