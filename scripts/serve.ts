// The app's HTTP server: Next's request handler behind a plain Node server of our own, so that every
// request reaches the app with the client's address worked out from the socket (and the installation's
// trusted proxies, TRUSTED_PROXY_HOPS), in a header no client can set. Started by scripts/start.ts.
//   node --import tsx --import ./scripts/server-side.mjs scripts/serve.ts --port 3000 --hostname localhost [--dev] [--keep-alive-ms 65000]
import http from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxyHops } from "../src/server/http/client-address";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dev = process.argv.includes("--dev");
const port = Number(arg("port") ?? 3000);
const hostname = arg("hostname") ?? "localhost";
const hops = trustedProxyHops();

const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  // Whatever a client sent under this name is replaced: the app reads only what we work out here.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  void handle(req, res);
});
// Idle keep-alive connections stay open longer than a load balancer's or an API client's idle reuse, so a
// request sent on a reused connection is not met by the server closing it at that very moment.
const keepAlive = Number(arg("keep-alive-ms") ?? 65_000);
server.keepAliveTimeout = keepAlive;
server.headersTimeout = keepAlive + 1_000;
server.listen(port, hostname, () =>
  console.log(`[serve] ready on http://${hostname}:${port}${hops ? ` (client addresses from ${hops} trusted prox${hops === 1 ? "y" : "ies"})` : ""}`),
);

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // No new connections; idle ones close now, busy ones after their response; then the process ends.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 8_000).unref();
  });
}
