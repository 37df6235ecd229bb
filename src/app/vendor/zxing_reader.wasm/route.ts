import { readFile } from "node:fs/promises";
import path from "node:path";
import { publicRoute } from "@/server/http/public-route";

// The file is read from the installed package when asked for (the app runs where it was installed); it is
// not imported, so the bundler leaves the WebAssembly alone.
const WASM = ["node_modules", "zxing-wasm", "dist", "reader", "zxing_reader.wasm"];
let wasm: Promise<Buffer> | null = null;
const reader = () => (wasm ??= readFile(path.join(process.cwd(), ...WASM)));

/**
 * The barcode decoder the packing station's camera uses where the browser has no BarcodeDetector, served
 * from this installation (the library would fetch it from a CDN; stockrooms and this app work offline).
 */
export const GET = publicRoute({}, async () => {
  return new Response(new Uint8Array(await reader()), {
    headers: { "Content-Type": "application/wasm", "Cache-Control": "public, max-age=86400" },
  });
});
