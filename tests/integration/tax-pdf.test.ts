// The papers as a person or a scanner reads them: the invoice's QR decoded from the rendered page and its
// TLV checked tag by tag, the text extracted (poppler-utils, zbar-tools); the pick list and packing slips
// name what they should; the customer gets their own documents and no one else's.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { customerDocumentFile, ordersDocumentsPdf, taxDocumentFile } from "@/server/tax/document-files";
import { listOrderDocuments } from "@/server/tax/tax-documents";
import { customerOrderByToken } from "@/server/orders/customer-view";
import { packingSlipsPdf, pickListPdf } from "@/server/orders/packing-papers";
import { setVariantCodes } from "@/server/catalog/variant-codes";
import { decodeTlv } from "@/server/tax/tlv";
import * as customerRoute from "@/app/o/[token]/documents/[documentId]/route";
import { seedOrder, seedStore } from "../support/factories";
import { registerForVat } from "../support/tax";

const quiet = { stdio: ["ignore", "pipe", "ignore"] as ("ignore" | "pipe")[] };
function pages(pdf: Buffer, dpi = 150) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tajer-invoice-"));
  fs.writeFileSync(path.join(dir, "doc.pdf"), pdf);
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", path.join(dir, "doc.pdf"), path.join(dir, "page")], quiet);
  const text = execFileSync("pdftotext", ["-layout", path.join(dir, "doc.pdf"), "-"], quiet).toString("utf8");
  const images = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".png"))
    .sort()
    .map((f) => path.join(dir, f));
  return { text, images };
}
const qrOf = (image: string) => execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image], quiet).toString("utf8").trim();

describe("tax invoice PDFs", () => {
  it("the A4 invoice and the 80 mm receipt carry a QR that decodes to the invoice's nine tags, the Arabic seller name measured in bytes", async () => {
    const s = await seedStore();
    const vatNumber = await registerForVat(s, { legalNameAr: "مؤسسة الورد للعطور" });
    const order = await seedOrder(s);
    const [invoice] = await listOrderDocuments(s.ctx(), order.id);
    for (const format of ["a4", "receipt"] as const) {
      const file = await taxDocumentFile(s.ctx(), invoice.id, format);
      expect(file.contentType).toBe("application/pdf");
      const { text, images } = pages(file.body);
      expect(text).toContain(invoice.number);
      expect(text).toContain(vatNumber);
      const tags = decodeTlv(qrOf(images[0]));
      expect(tags.map((t) => t.tag)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(tags[0].text).toBe("مؤسسة الورد للعطور");
      expect(tags[0].length).toBe(Buffer.byteLength("مؤسسة الورد للعطور"));
      expect(tags[1].text).toBe(vatNumber);
      expect(tags[3].text).toBe((invoice.total / 100).toFixed(2));
      expect(tags[4].text).toBe((invoice.vatTotal / 100).toFixed(2));
      expect(qrOf(images[0])).toBe(invoice.qr);
    }
    const xml = await taxDocumentFile(s.ctx(), invoice.id, "xml");
    expect(xml.contentType).toMatch(/xml/);
    expect(xml.body.toString("utf8")).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
  });

  it("several orders' documents print as one PDF, a page each; the customer's page links their own and the link serves nothing else", async () => {
    const s = await seedStore();
    await registerForVat(s);
    const a = await seedOrder(s);
    const b = await seedOrder(s);
    const batch = await ordersDocumentsPdf(s.ctx(), [b.id, a.id], "a4");
    expect(batch.count).toBe(2);
    expect(pages(batch.body, 30).images).toHaveLength(2);

    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: a.id } } });
    const view = await customerOrderByToken(row.publicToken);
    expect(view.documents).toHaveLength(1);
    expect(view.documents[0].pdfUrl).toContain(`/o/${row.publicToken}/documents/`);
    const response = await customerRoute.GET(new Request(view.documents[0].pdfUrl), {
      params: Promise.resolve({ token: row.publicToken, documentId: view.documents[0].id }),
    });
    expect([response.status, response.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    // Another order's document through this order's token: not found.
    const [other] = await listOrderDocuments(s.ctx(), b.id);
    await expect(customerDocumentFile(row.publicToken, other.id, "a4")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("packing papers", () => {
  it("the pick list groups the batch by SKU with the quantity and its orders; packing slips are a page per order, with or without prices, with a return slip", async () => {
    const s = await seedStore();
    const a = await seedOrder(s, {
      items: [
        { sku: "SKU-A", quantity: 2 },
        { sku: "SKU-C", quantity: 1 },
      ],
    } as never);
    const b = await seedOrder(s, { items: [{ sku: "SKU-A", quantity: 1 }] } as never);
    // Bins: the list walks the stockroom in their order (C's bin comes before A's), an item without one last.
    await setVariantCodes(s.ctx(), s.variants["SKU-A"], { bins: { [s.branches[0].id]: "B-10" } });
    await setVariantCodes(s.ctx(), s.variants["SKU-C"], { bins: { [s.branches[0].id]: "B-9" } });
    const pick = pages(await pickListPdf(s.ctx(), [a.id, b.id]), 40);
    expect(pick.text).toMatch(/B-9[\s\S]*SKU-C[\s\S]*B-10[\s\S]*SKU-A[\s\S]*3[\s\S]*#\d+×2 #\d+/);
    expect(pick.text).toContain("4 units on 2 lines");

    const slips = pages(await packingSlipsPdf(s.ctx(), [a.id, b.id], true), 40);
    expect(slips.images).toHaveLength(2);
    expect(slips.text).toContain(`order #${a.number}`);
    expect(slips.text).toContain("Return slip");
    expect(slips.text).toContain("200.00");
    const plain = pages(await packingSlipsPdf(s.ctx(), [a.id], false), 40);
    expect(plain.text).not.toContain("200.00");
    // Another store's orders are not on anyone's papers.
    const other = await seedStore();
    await expect(pickListPdf(other.ctx(), [a.id])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
