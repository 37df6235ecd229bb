import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/server/http/openapi";

const apiRoot = path.resolve(import.meta.dirname, "../../src/app/api/v1");

/** Every route handler file under /api/v1, as an OpenAPI path with the methods it exports. */
function routesOnDisk(dir = apiRoot): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(found, routesOnDisk(full));
    else if (entry.name === "route.ts") {
      const route = "/" + path.relative(apiRoot, dir).replace(/\[([^\]]+)\]/g, "{$1}");
      if (route === "/openapi.json") continue;
      const source = fs.readFileSync(full, "utf8");
      found[route] = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export const ${m}\\b`).test(source)).map((m) => m.toLowerCase());
    }
  }
  return found;
}

describe("openapi.json", () => {
  it("describes every endpoint and method that exists, and nothing that does not", () => {
    const doc = buildOpenApiDocument();
    const documented = Object.fromEntries(Object.entries(doc.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    const onDisk = Object.fromEntries(Object.entries(routesOnDisk()).map(([p, methods]) => [p, methods.sort()]));
    expect(documented).toEqual(onDisk);
  });
});
