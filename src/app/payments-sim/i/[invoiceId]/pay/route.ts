import { simForm } from "@/server/wallet/payment-sim-http";
import { simPay } from "@/server/wallet/payment-simulator";

/** The hosted checkout's card form. */
export async function POST(request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoiceId } = await params;
  return simForm(request, (form) => simPay(invoiceId, form));
}
