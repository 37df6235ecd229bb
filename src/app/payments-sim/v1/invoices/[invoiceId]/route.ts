import { simApi } from "@/server/wallet/payment-sim-http";
import { authenticateSim, invoiceJson, simInvoice, SimError } from "@/server/wallet/payment-simulator";

/** The simulated Moyasar API: fetch an invoice, with its payment attempts. */
export async function GET(request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoiceId } = await params;
  return simApi(async () => {
    const key = await authenticateSim(request.headers.get("authorization"));
    const invoice = await simInvoice(invoiceId);
    // Another account's invoice is "not found", as for a key that never made it.
    if (!invoice || invoice.accountKey !== key) throw new SimError(404, "not_found", "Invoice not found");
    return invoiceJson(invoice);
  });
}
