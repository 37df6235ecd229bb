// Reporting a simplified document to the tax authority (the `tax.report` job), within the 24 hours the
// authority allows, retried with backoff while it cannot be reached. Documents are reported in the order
// they were issued (the authority checks each one's PIH against the one before). The answer is recorded
// once (a conditional update on the pending status); a refusal is explained on the document and the
// order's timeline.
import "server-only";
import { db } from "@/server/db/client";
import { orderEvent } from "@/server/orders/order-events";
import { taxAuthority, TaxAuthorityUnavailable, type ValidationMessage } from "./tax-authority";

/** A document still waiting behind more of the store's pending documents than one run reports. */
export class PredecessorPending extends Error {}

const SELECT = { id: true, orderId: true, number: true, icv: true, uuid: true, hash: true, xml: true, seller: true } as const;

/**
 * Reports the document, and first every document of the store issued before it that is still pending,
 * in issue order: whichever job runs first sends the chain as the authority reads it, and the others find
 * theirs done. A document already answered is left as it is (the answer is recorded under its pending status).
 */
export async function reportDocument(payload: { storeId: string; documentId: string }): Promise<void> {
  const document = await db.taxDocument.findUnique({
    where: { storeId_id: { storeId: payload.storeId, id: payload.documentId } },
    select: { icv: true, reportStatus: true },
  });
  if (!document || document.reportStatus !== "PENDING") return;
  const chain = await db.taxDocument.findMany({
    where: { storeId: payload.storeId, icv: { lte: document.icv }, reportStatus: "PENDING" },
    orderBy: { icv: "asc" },
    take: 100,
    select: SELECT,
  });
  for (const each of chain) await reportOne(payload.storeId, each);
  if (chain.at(-1)?.icv !== document.icv) throw new PredecessorPending(`documents before ${payload.documentId} are reported first`);
}

async function reportOne(storeId: string, document: { id: string; orderId: string; number: string; uuid: string; hash: string; xml: string; seller: unknown }) {
  const vatNumber = (document.seller as { vatNumber?: string }).vatNumber ?? "";
  await db.taxDocument.update({ where: { storeId_id: { storeId, id: document.id } }, data: { reportAttempts: { increment: 1 } } });
  const answer = await (
    await taxAuthority()
  ).report({ vatNumber, invoiceHash: document.hash, uuid: document.uuid, invoice: Buffer.from(document.xml, "utf8").toString("base64") });
  const messages = [...answer.validationResults.errorMessages, ...answer.validationResults.warningMessages].map((m: ValidationMessage) => ({
    type: m.type.toLowerCase(),
    code: m.code,
    message: m.message,
  }));
  const status =
    answer.reportingStatus === "NOT_REPORTED" ? "REJECTED" : answer.validationResults.warningMessages.length ? "REPORTED_WITH_WARNINGS" : "REPORTED";
  await db.$transaction(async (tx) => {
    const { count } = await tx.taxDocument.updateMany({
      where: { storeId, id: document.id, reportStatus: "PENDING" },
      data: { reportStatus: status, reportedAt: status === "REJECTED" ? null : new Date(), reportMessages: messages },
    });
    if (count && status === "REJECTED")
      await tx.orderEvent.create({
        data: {
          storeId,
          orderId: document.orderId,
          ...orderEvent("tax.document_rejected", {
            documentId: document.id,
            number: document.number,
            errors: answer.validationResults.errorMessages.map((m) => `${m.code}: ${m.message}`),
          }),
          actorType: "SYSTEM",
          actorName: "ZATCA",
        },
      });
  });
}

/** Past every retry (a day and more): the document says so, still pending, for a person to look at. */
export async function giveUpReport(payload: { storeId: string; documentId: string }, reason: string): Promise<void> {
  await db.taxDocument.updateMany({
    where: { storeId: payload.storeId, id: payload.documentId, reportStatus: "PENDING" },
    data: { reportMessages: [{ type: "error", code: "not-reached", message: reason.slice(0, 300) }] },
  });
}

export { TaxAuthorityUnavailable };
