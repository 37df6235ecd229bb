import { simForm } from "@/server/wallet/payment-sim-http";
import { simConfirm3ds } from "@/server/wallet/payment-simulator";

/** The simulated bank's 3-D Secure form. */
export async function POST(request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoiceId } = await params;
  return simForm(request, (form) => simConfirm3ds(invoiceId, form.payment ?? "", form.code ?? ""));
}
