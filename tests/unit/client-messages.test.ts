import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ar from "../../messages/ar.json";
import { MAP_FILE, buildMap, namespacesOf } from "../../scripts/client-messages";
import { pickMessages } from "@/i18n/pick-messages";

const map = buildMap();

describe("the messages each page sends to the browser", () => {
  it("src/i18n/client-messages.json is current (npm run i18n:client rewrites it)", () => {
    expect(JSON.parse(readFileSync(MAP_FILE, "utf8"))).toEqual(map);
  });

  it("every page and layout whose client components read messages names itself to withClientMessages", () => {
    const wrong: string[] = [];
    for (const [entry, namespaces] of Object.entries(map)) {
      const source = readFileSync(`src/app/${entry}.tsx`, "utf8");
      const named = [...source.matchAll(/withClientMessages\(\s*"([^"]+)"/g)].map((m) => m[1]);
      if (named.some((n) => n !== entry)) wrong.push(`${entry} names itself ${named.join(", ")}`);
      if (namespaces.length > 0 && !named.includes(entry)) wrong.push(`${entry} reads ${namespaces.join(", ")} but is not wrapped`);
    }
    expect(wrong).toEqual([]);
  });

  it("every namespace named exists in both catalogs", () => {
    for (const namespaces of Object.values(map))
      for (const path of namespaces.filter((n) => n !== "*"))
        for (const catalog of [en, ar])
          expect(
            path.split(".").reduce((o: any, k) => o?.[k], catalog),
            path,
          ).toBeTypeOf("object");
  });

  it("the orders list and the order page send only what they read", () => {
    for (const entry of ["s/[storeSlug]/orders/page", "s/[storeSlug]/orders/[orderId]/page"]) {
      expect(map[entry]).not.toContain("*");
      expect(map[entry]).toContain("status");
    }
    expect(map["s/[storeSlug]/layout"]).toContain("nav");
  });
});

describe("reading a module's namespaces", () => {
  const of = (source: string) => [...namespacesOf(source)].sort();
  it("a namespaced translator, and a conditional of literal namespaces", () => {
    expect(of(`const t = useTranslations("order.reply"); t(key);`)).toEqual(["order.reply"]);
    expect(of(`const t = useTranslations(\n  on ? "a.b" : "c",\n);`)).toEqual(["a.b", "c"]);
  });
  it("the root translator: the first segment of each key, literal, template or conditional", () => {
    const source = `const t = useTranslations();
      t("orders.count", { n }); t.has(\`errors.\${code}\`); t(x ? "bulk.a" : "tags.b");
      useMemo(() => 1, [rows, t]);`;
    expect(of(source)).toEqual(["bulk", "errors", "orders", "tags"]);
  });
  it("whatever cannot be read is everything", () => {
    expect(of(`const t = useTranslations(); t(key);`)).toEqual(["*"]);
    expect(of(`const t = useTranslations(); format(rows, t);`)).toEqual(["*"]);
    expect(of(`const t = useTranslations(); t("nokey");`)).toEqual(["*"]);
    expect(of(`const t = useTranslations(name);`)).toEqual(["*"]);
    expect(of(`const m = useMessages();`)).toEqual(["*"]);
    expect(of(`const t = useTranslations(); t("a.b"); function X() { const t = useTranslations("c"); }`)).toContain("*");
  });
  it("a class name with -t- is not the translator", () => {
    expect(of(`const t = useTranslations(); t("a.b"); const c = "rounded-t-xl";`)).toEqual(["a"]);
  });
});

describe("picking messages", () => {
  const catalog = { a: { x: "1", y: { z: "2" } }, b: { w: "3" }, c: "4" };
  it("keeps the paths asked for, nested as in the catalog, and skips paths that are not there", () => {
    expect(pickMessages(catalog, ["a.y", "c", "missing.path"])).toEqual({ a: { y: { z: "2" } }, c: "4" });
  });
  it("everything is the whole catalog", () => {
    expect(pickMessages(catalog, ["*"])).toBeUndefined();
  });
});
