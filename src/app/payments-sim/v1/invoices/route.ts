import { simApi } from "@/server/wallet/payment-sim-http";
import { authenticateSim, simCreateInvoice, SimError } from "@/server/wallet/payment-simulator";

/** The simulated Moyasar API: create an invoice (hosted checkout). */
export async function POST(request: Request) {
  return simApi(async () => {
    const key = await authenticateSim(request.headers.get("authorization"));
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new SimError(400, "invalid_request_error", "The body must be JSON");
    }
    return simCreateInvoice(key, body);
  });
}
