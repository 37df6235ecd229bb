import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/http/validation";
import { exportOrdersQuery, ordersCsv, ordersXlsx } from "@/server/orders/export-orders";
import { transitionOrder } from "@/server/orders/transition-order";
import * as exportRoute from "@/app/api/v1/orders/export/route";
import { seedOrder, seedStore } from "../support/factories";

const text = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
const apiExport = async (token: string, query: string) => {
  const response = await exportRoute.GET(new Request(`http://localhost/api/v1/orders/export${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
};

describe("exporting orders", () => {
  it("CSV: a BOM, the header and the words in the reader's language, the store's clock, money in riyals, a formula neutralised, the filter kept", async () => {
    const s = await seedStore();
    const first = await seedOrder(s, { name: "سارة القحطاني" });
    const second = await seedOrder(s, { name: '=HYPERLINK("http://evil")' });
    await transitionOrder(s.ctx(), first.id, { to: "in_progress", notifyCustomer: false });
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: first.id } }, data: { placedAt: new Date("2026-11-30T21:30:00Z") } });
    const query = parseInput(exportOrdersQuery, { columns: "number,placedAt,status,customerName,total,currency" });
    const csv = await text(ordersCsv({ ctx: s.ctx(), query, locale: "ar", timeZone: "Asia/Riyadh" }));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"الطلب","وقت الطلب","الحالة","العميل","الإجمالي","العملة"');
    expect(lines).toHaveLength(3);
    // 21:30 UTC is half past midnight the next day in Riyadh.
    expect(lines.find((l) => l.includes("سارة"))).toMatch(/^"#\d+","2026-12-01 00:30","قيد التنفيذ","سارة القحطاني",\d+(\.\d+)?,"SAR"$/);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // The list's filter applies: only orders in progress.
    const filtered = await text(ordersCsv({ ctx: s.ctx(), query: { ...query, status: "in_progress" }, locale: "en", timeZone: "Asia/Riyadh" }));
    expect(filtered.trimEnd().split("\r\n")).toHaveLength(2);
    void second;
  });

  it("Excel: a real workbook (right to left in Arabic) with numbers as numbers, read back", async () => {
    const s = await seedStore();
    for (let i = 0; i < 3; i++) await seedOrder(s, { name: `عميل ${i}` });
    const query = parseInput(exportOrdersQuery, { format: "xlsx", columns: "number,customerName,total,itemsCount" });
    const bytes = Buffer.from(await new Response(ordersXlsx({ ctx: s.ctx(), query, locale: "ar", timeZone: "Asia/Riyadh" })).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("الطلبات");
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([undefined, "الطلب", "العميل", "الإجمالي", "عدد القطع"]);
    expect(sheet.rowCount).toBe(4);
    expect(typeof sheet.getRow(2).getCell(3).value).toBe("number");
  });

  it("the API: NDJSON pages with the next page's cursor in Link, every order once across the pages; CSV too; a token sees only its store", async () => {
    const s = await seedStore();
    const other = await seedStore();
    await seedOrder(other);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await seedOrder(s)).id);
    const seen: string[] = [];
    let query = "?limit=2";
    for (let page = 0; page < 5 && query; page++) {
      const response = await apiExport(s.tokens.OWNER, query);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/x-ndjson");
      seen.push(
        ...response.body
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l).id),
      );
      const next = response.headers.get("x-next-cursor");
      if (next) expect(response.headers.get("link")).toContain(`cursor=${next}`);
      query = next ? `?limit=2&cursor=${next}` : "";
    }
    expect(seen.sort()).toEqual(ids.sort());
    const csv = await apiExport(s.tokens.STAFF, "?format=csv&columns=number,total");
    expect(csv.body.slice(1).trimEnd().split("\r\n")).toHaveLength(6);
    expect((await apiExport(s.tokens.OWNER, "?columns=nope")).status).toBe(422);
    expect((await apiExport(s.tokens.OWNER, "?cursor=garbage")).status).toBe(422);
  });
});
