// Requests Tajer makes to addresses a store typed in (its own SMS provider's webhook, and any future
// ones). A store's URL is outside input: it could name the cloud's metadata service, the database, or a
// router on the internal network. So: https only; every address the name resolves to is checked, and the
// connection goes to the checked address (no second lookup to rebind); no redirects; a time limit and a
// size limit on the answer.
import dns from "node:dns";
import type { IssueRule } from "@/server/errors/app-error";
import { renderIssueEnglish } from "@/server/errors/words";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";

const blocked = new net.BlockList();
// IPv4: this network, private, carrier-grade NAT, loopback, link-local (cloud metadata), IETF protocol
// assignments, documentation, 6to4 relay, benchmarking, multicast, reserved, broadcast.
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(address, prefix, "ipv4");
// IPv6: unspecified, loopback, NAT64, discard, documentation, unique local, link-local, multicast, and
// the IPv4-mapped range (checked again as IPv4 below).
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(address, prefix, "ipv6");

/** Whether an address is one a store's URL may not reach (private, loopback, link-local, reserved…). */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return blocked.check(mapped, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export type OutboundPolicy = {
  /** host:port pairs the installation trusts even on a private address (an SMS gateway on its own network). */
  allowPrivate: string[];
  /** Extra certificate authorities for those (PEM), as an installation's internal CA. */
  ca?: string;
  timeoutMs: number;
  maxResponseBytes: number;
};

/** The installation's policy: OUTBOUND_ALLOW_PRIVATE_HOSTS and OUTBOUND_CA_FILE (both empty by default). */
export function outboundPolicy(env: Record<string, string | undefined> = process.env): OutboundPolicy {
  return {
    allowPrivate: (env.OUTBOUND_ALLOW_PRIVATE_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    ca: env.OUTBOUND_CA_FILE ? fs.readFileSync(env.OUTBOUND_CA_FILE, "utf8") : undefined,
    timeoutMs: 10_000,
    maxResponseBytes: 64 * 1024,
  };
}

export class OutboundRefused extends Error {}

/** Why a URL may not be called, before any lookup: not https, credentials in it, an address literal that is private. */
export function outboundUrlProblem(raw: string, policy: Pick<OutboundPolicy, "allowPrivate"> = { allowPrivate: [] }): IssueRule | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "notUrl";
  }
  if (url.protocol !== "https:") return "httpsOnly";
  if (url.username || url.password) return "noCredentials";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = url.port || "443";
  if (policy.allowPrivate.includes(`${host}:${port}`.toLowerCase())) return null;
  if (net.isIP(host) && isPrivateAddress(host)) return "publicAddress";
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return "publicAddress";
  return null;
}

/**
 * A DNS lookup for the socket that refuses a name resolving to any private address: every address is
 * checked at connection time, and the socket connects to one that was checked (no second lookup that a
 * rebinding DNS server could answer differently).
 */
export function checkedLookup(trusted: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (!trusted && (bad || !list.length))
        return callback(new OutboundRefused(`${hostname} resolves to a private address (${bad?.address ?? "none"}).`), "", 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * POSTs to a store's URL under the policy: refuses before connecting when the URL or any address it
 * resolves to is not allowed; follows no redirect (a 3xx is just an answer); gives up after the time
 * limit; reads at most the size limit of the answer. Resolves with the status.
 */
export async function postOutbound(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy = outboundPolicy(),
): Promise<{ status: number }> {
  const problem = outboundUrlProblem(rawUrl, policy);
  if (problem) throw new OutboundRefused(`The URL ${renderIssueEnglish({ rule: problem })}.`);
  const url = new URL(rawUrl);
  const trusted = policy.allowPrivate.includes(`${url.hostname.replace(/^\[|\]$/g, "")}:${url.port || "443"}`.toLowerCase());
  const lookup = checkedLookup(trusted);
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup,
        ca: policy.ca,
        timeout: policy.timeoutMs,
        agent: false,
      },
      (response) => {
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxResponseBytes) response.destroy(new OutboundRefused(`The answer is larger than ${policy.maxResponseBytes} bytes.`));
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
        response.on("error", reject);
      },
    );
    const overall = setTimeout(() => request.destroy(new OutboundRefused(`No answer within ${policy.timeoutMs} ms.`)), policy.timeoutMs);
    request.on("close", () => clearTimeout(overall));
    request.on("timeout", () => request.destroy(new OutboundRefused(`No answer within ${policy.timeoutMs} ms.`)));
    request.on("error", reject);
    request.end(body);
  });
}
