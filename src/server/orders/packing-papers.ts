// The warehouse's papers for a batch of orders, as one PDF each: a pick list (every item of the batch
// grouped by branch and SKU, with the quantity to pick and the orders it goes to) and packing slips (a
// page per order: what is in the parcel, with or without prices, and a return slip to cut off). Both
// languages side by side, like the tax invoice; words from the catalogs (`papers`).
import PDFDocument from "pdfkit";
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { notFound } from "@/server/errors/app-error";
import { translator } from "@/server/errors/words";
import { isUuid } from "@/server/ids";
import { fit, line, lineWidth, pdfBytes, setup } from "@/server/files/pdf-text";
import { decimal } from "@/server/tax/vat";
import { visibleOrdersSql } from "./order-queries";
import { Prisma } from "@/generated/prisma/client";

type Doc = InstanceType<typeof PDFDocument>;
const en = translator("en");
const ar = translator("ar");
const both = (key: string, values?: Record<string, string | number>) => [en(`papers.${key}`, values), ar(`papers.${key}`, values)] as const;

type PaperItem = {
  orderId: string;
  number: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  branch: string | null;
  /** Where the item sits in that branch's stockroom. */
  bin: string | null;
};
type PaperOrder = {
  id: string;
  number: number;
  placedAt: Date;
  currency: string;
  total: number;
  shippingFee: number;
  codFee: number;
  paymentMethod: string;
  shippingName: string;
  shippingPhone: string;
  shippingAddress: string;
  shippingDistrict: string | null;
  shippingCity: string;
  shippingPostalCode: string | null;
  shippingShortAddress: string | null;
  branchName: string | null;
  branchAddress: string | null;
  branchCity: string | null;
  storeName: string;
};

async function load(ctx: StoreContext, orderIds: string[]) {
  const ids = [...new Set(orderIds.filter(isUuid))].slice(0, 200);
  if (!ids.length) throw notFound("Order");
  const orders = await db.$queryRaw<PaperOrder[]>`
    SELECT o.id, o.number, o."placedAt", o.currency, o.total, o."shippingFee", o."codFee", o."paymentMethod"::text AS "paymentMethod",
      o."shippingName", o."shippingPhone", o."shippingAddress", o."shippingDistrict", o."shippingCity", o."shippingPostalCode", o."shippingShortAddress",
      b.name AS "branchName", b.address AS "branchAddress", b.city AS "branchCity", s.name AS "storeName"
    FROM orders o JOIN stores s ON s.id = o."storeId" LEFT JOIN branches b ON b."storeId" = o."storeId" AND b.id = o."branchId"
    WHERE ${visibleOrdersSql(ctx)} AND o.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  if (!orders.length) throw notFound("Order");
  const items = await db.$queryRaw<PaperItem[]>`
    SELECT i."orderId", o.number, i.sku, i.name, i.quantity, i."unitPrice", i."lineTotal", COALESCE(sb.name, b.name) AS branch,
      (SELECT st.bin FROM stock_levels st WHERE st."storeId" = i."storeId" AND st."variantId" = i."variantId"
        AND st."branchId" = COALESCE(i."stockBranchId", o."branchId")) AS bin
    FROM order_items i JOIN orders o ON o."storeId" = i."storeId" AND o.id = i."orderId"
    LEFT JOIN branches sb ON sb."storeId" = i."storeId" AND sb.id = i."stockBranchId"
    LEFT JOIN branches b ON b."storeId" = o."storeId" AND b.id = o."branchId"
    WHERE i."storeId" = ${ctx.storeId}::uuid AND i."orderId" IN (${Prisma.join(orders.map((o) => Prisma.sql`${o.id}::uuid`))})
    ORDER BY i."orderId", i.id`;
  const rank = new Map(ids.map((id, i) => [id, i]));
  orders.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return { orders, items };
}

function render(draw: (doc: Doc) => void, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Producer: "Tajer" } });
  setup(doc);
  const done = pdfBytes(doc);
  draw(doc);
  doc.end();
  return done;
}

const M = 40;
const W = 595 - 2 * M;

function heading(doc: Doc, key: string, y: number, values?: Record<string, string | number>) {
  doc.rect(M, y, W, 30).fill("#0f172a");
  doc.fillColor("#fff");
  const [english, arabic] = both(key, values);
  line(doc, english, M + 10, y + 8, W / 2 - 14, 13, true);
  line(doc, arabic, M + W / 2 + 4, y + 8, W / 2 - 14, 13, true);
  doc.fillColor("#000");
  return y + 40;
}

function tableHead(doc: Doc, cols: { key: string; width: number }[], y: number) {
  doc.rect(M, y, W, 26).fill("#e2e8f0");
  doc.fillColor("#000");
  let x = M;
  for (const c of cols) {
    // The tick boxes' column has no heading.
    if (c.key !== "check") {
      const [english, arabic] = both(c.key);
      line(doc, english, x + 4, y + 2, c.width - 8, 8, true);
      line(doc, arabic, x + 4, y + 13, c.width - 8, 8);
    }
    x += c.width;
  }
  return y + 30;
}

/** Every item of the batch by branch, in the order of its bins (a walk through the stockroom), then SKU: how many to pick, and for which orders. */
export async function pickListPdf(ctx: StoreContext, orderIds: string[]): Promise<Buffer> {
  const { orders, items } = await load(ctx, orderIds);
  const groups = new Map<string, { branch: string; bin: string; sku: string; name: string; quantity: number; orders: Map<number, number> }>();
  for (const i of items) {
    const key = `${i.branch ?? ""}\u0000${i.sku}`;
    const g = groups.get(key) ?? { branch: i.branch ?? "—", bin: i.bin ?? "", sku: i.sku, name: i.name, quantity: 0, orders: new Map() };
    g.quantity += i.quantity;
    g.orders.set(i.number, (g.orders.get(i.number) ?? 0) + i.quantity);
    groups.set(key, g);
  }
  // Items without a bin last in their branch.
  const binOrder = (bin: string) => (bin ? `0${bin}` : "1");
  const rows = [...groups.values()].sort(
    (a, b) => a.branch.localeCompare(b.branch) || binOrder(a.bin).localeCompare(binOrder(b.bin), "en", { numeric: true }) || a.sku.localeCompare(b.sku),
  );
  const cols = [
    { key: "branch", width: W * 0.14 },
    { key: "bin", width: W * 0.1 },
    { key: "sku", width: W * 0.14 },
    { key: "item", width: W * 0.28 },
    { key: "pick", width: W * 0.08 },
    { key: "orders", width: W * 0.26 },
  ];
  return render((doc) => {
    doc.addPage({ size: "A4", margin: 0 });
    let y = heading(doc, "pickList", M, { orders: orders.length });
    line(doc, `${orders[0].storeName} · ${new Date().toISOString().slice(0, 10)}`, M, y, W, 9);
    y = tableHead(doc, cols, y + 16);
    for (const r of rows) {
      if (y > 842 - M - 20) {
        doc.addPage({ size: "A4", margin: 0 });
        y = tableHead(doc, cols, M);
      }
      const ordersText = [...r.orders].map(([n, q]) => (q > 1 ? `#${n}×${q}` : `#${n}`)).join(" ");
      const cells = [
        fit(doc, r.branch, cols[0].width - 8, 9),
        r.bin || "—",
        r.sku,
        fit(doc, r.name, cols[3].width - 8, 9),
        String(r.quantity),
        fit(doc, ordersText, cols[5].width - 8, 8),
      ];
      let x = M;
      cells.forEach((text, k) => {
        line(doc, text, x + 4, y, cols[k].width - 8, k === 4 ? 11 : 9, k === 4);
        x += cols[k].width;
      });
      y += 18;
      doc
        .moveTo(M, y - 4)
        .lineTo(M + W, y - 4)
        .lineWidth(0.3)
        .stroke("#cbd5e1");
    }
    y += 8;
    const total = rows.reduce((n, r) => n + r.quantity, 0);
    const [english, arabic] = both("totalUnits", { units: total, lines: rows.length });
    line(doc, english, M, y, W / 2, 9, true);
    line(doc, arabic, M + W / 2, y, W / 2, 9, true);
  }, "Pick list");
}

/** A page per order: the parcel's contents (with prices or not), and a return slip to cut off. */
export async function packingSlipsPdf(ctx: StoreContext, orderIds: string[], withPrices: boolean): Promise<Buffer> {
  const { orders, items } = await load(ctx, orderIds);
  return render((doc) => {
    for (const o of orders) {
      doc.addPage({ size: "A4", margin: 0 });
      let y = heading(doc, "packingSlip", M, { number: o.number });
      line(doc, o.storeName, M, y, W / 2, 11, true);
      line(doc, `#${o.number} · ${o.placedAt.toISOString().slice(0, 10)}`, M + W / 2, y, W / 2, 10, true);
      y += 20;
      const [shipTo, shipToAr] = both("shipTo");
      line(doc, `${shipTo} · ${shipToAr}`, M, y, W, 8);
      y += 12;
      line(doc, o.shippingName, M, y, W, 11, true);
      y += 15;
      line(doc, o.shippingPhone, M, y, W, 9);
      y += 13;
      line(doc, fit(doc, [o.shippingAddress, o.shippingDistrict, o.shippingCity, o.shippingPostalCode].filter(Boolean).join("، "), W, 9), M, y, W, 9);
      y += 13;
      if (o.shippingShortAddress) {
        line(doc, o.shippingShortAddress, M, y, W, 9, true);
        y += 13;
      }
      y += 6;
      const cols = [
        { key: "check", width: W * 0.06 },
        { key: "sku", width: W * 0.18 },
        { key: "item", width: withPrices ? W * 0.4 : W * 0.64 },
        { key: "quantity", width: W * 0.12 },
        ...(withPrices
          ? [
              { key: "unitPrice", width: W * 0.12 },
              { key: "lineTotal", width: W * 0.12 },
            ]
          : []),
      ];
      y = tableHead(doc, cols, y);
      for (const i of items.filter((x) => x.orderId === o.id)) {
        const cells = [
          "☐",
          i.sku,
          fit(doc, i.name, cols[2].width - 8, 9),
          String(i.quantity),
          ...(withPrices ? [decimal(i.unitPrice), decimal(i.lineTotal)] : []),
        ];
        let x = M;
        cells.forEach((text, k) => {
          if (k === 0)
            doc
              .rect(x + 6, y, 9, 9)
              .lineWidth(0.8)
              .stroke("#000");
          else line(doc, text, k >= 3 ? x + cols[k].width - 4 - lineWidth(doc, text, 9) : x + 4, y, cols[k].width - 8, 9);
          x += cols[k].width;
        });
        y += 18;
      }
      if (withPrices) {
        y += 6;
        for (const [key, amount] of [["shipping", o.shippingFee], ...(o.codFee ? ([["codFee", o.codFee]] as const) : []), ["total", o.total]] as const) {
          const [english, arabic] = both(key);
          const value = `${decimal(amount)} ${o.currency}`;
          line(doc, english, M + W * 0.45, y, W * 0.2, 9, key === "total");
          line(doc, value, M + W * 0.65, y, W * 0.17, 9, true);
          line(doc, arabic, M + W * 0.82, y, W * 0.18, 9, key === "total");
          y += 15;
        }
      }
      // The return slip, below a dashed line to cut along.
      const cut = Math.max(y + 20, 842 - 250);
      doc
        .moveTo(M, cut)
        .lineTo(M + W, cut)
        .dash(4, { space: 3 })
        .lineWidth(0.6)
        .stroke("#475569")
        .undash();
      let r = cut + 10;
      const [ret, retAr] = both("returnSlip", { number: o.number });
      line(doc, ret, M, r, W / 2, 11, true);
      line(doc, retAr, M + W / 2, r, W / 2, 11, true);
      r += 18;
      for (const key of ["returnHow", "returnReason"]) {
        const [english, arabic] = both(key);
        line(doc, english, M, r, W / 2 - 6, 8);
        line(doc, arabic, M + W / 2 + 6, r, W / 2 - 6, 8);
        r += 13;
      }
      r += 4;
      for (const i of items.filter((x) => x.orderId === o.id).slice(0, 6)) {
        doc.rect(M, r, 9, 9).lineWidth(0.8).stroke("#000");
        line(doc, fit(doc, `${i.sku} · ${i.name} × ${i.quantity}`, W - 20, 9), M + 16, r, W - 20, 9);
        r += 15;
      }
      if (o.branchName) {
        r += 4;
        const [to, toAr] = both("returnTo");
        line(doc, `${to} · ${toAr}`, M, r, W, 8);
        line(doc, fit(doc, [o.storeName, o.branchName, o.branchAddress, o.branchCity].filter(Boolean).join("، "), W, 9), M, r + 11, W, 9, true);
      }
    }
  }, "Packing slips");
}
