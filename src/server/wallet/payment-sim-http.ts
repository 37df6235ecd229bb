// The HTTP side of the payment simulator's routes (src/app/payments-sim): off unless this installation pays
// through the simulator, Moyasar's error shape, and the hosted pages' form posts answered with a redirect.
import { paymentSimulatorEnabled } from "./payment-provider";
import { SimError } from "./payment-simulator";

const notFound = () => Response.json({ type: "not_found", message: "Not found" }, { status: 404 });

/** Runs a simulator API call, answering as Moyasar does (its error JSON and status). */
export async function simApi(run: () => Promise<unknown>): Promise<Response> {
  if (!paymentSimulatorEnabled()) return notFound();
  try {
    return Response.json(await run());
  } catch (error) {
    if (error instanceof SimError) return Response.json({ type: error.type, message: error.message, errors: null }, { status: error.status });
    throw error;
  }
}

/** A form post on a hosted page: the next page, by a 303 redirect. */
export async function simForm(request: Request, run: (form: Record<string, string>) => Promise<{ redirect: string }>): Promise<Response> {
  if (!paymentSimulatorEnabled()) return notFound();
  let form: Record<string, string>;
  try {
    form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  } catch {
    return Response.json({ type: "invalid_request_error", message: "Send the form" }, { status: 400 });
  }
  try {
    const next = await run(form);
    return new Response(null, { status: 303, headers: { location: next.redirect } });
  } catch (error) {
    if (error instanceof SimError) return Response.json({ type: error.type, message: error.message }, { status: error.status });
    throw error;
  }
}
