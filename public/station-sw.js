// The packing station's service worker: when the network is gone, the station's page and the scripts it
// loaded are answered from the cache the page filled (the page's data lives in IndexedDB, not here).
// Everything else — other pages, every write, every API call — goes to the network untouched.
const SHELL_CACHE = "tajer-station-v1";
const STATION = /^\/s\/[^/]+\/pack$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && STATION.test(url.pathname)) {
    // The network first (a fresh queue and the latest build); the kept copy only when it cannot answer.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(SHELL_CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .open(SHELL_CACHE)
            .then((cache) => cache.match(url.pathname, { ignoreSearch: true, ignoreVary: true }))
            .then((kept) => kept ?? Response.error()),
        ),
    );
    return;
  }
  if (url.pathname.startsWith("/_next/static/") || url.pathname === "/vendor/zxing_reader.wasm") {
    // Built files never change under one name: the kept copy, else the network — kept only for the station's
    // page, so the cache holds what the station needs, not every page's scripts.
    event.respondWith(
      (async () => {
        const cache = await caches.open(SHELL_CACHE);
        const kept = await cache.match(request, { ignoreVary: true });
        if (kept) return kept;
        const response = await fetch(request);
        const client = event.clientId ? await self.clients.get(event.clientId) : null;
        if (response.ok && client && STATION.test(new URL(client.url).pathname)) await cache.put(request, response.clone());
        return response;
      })(),
    );
  }
});
