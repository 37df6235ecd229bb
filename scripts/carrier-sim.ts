// The carrier simulator's control, for demos: move a parcel to its next step (or a given one) and let the
// carrier's signed webhook tell the running app, as a real carrier would.
//   npm run carrier-sim -- <trackingNumber> [picked_up|in_transit|out_for_delivery|delivered|returned_to_sender]
// Uses DATABASE_URL, or the embedded Postgres that `npm start` runs (PG_PORT, default 54329); the app's
// address from PUBLIC_URL / NEXTAUTH_URL (default http://localhost:3000).
process.env.DATABASE_URL ??= `postgresql://postgres:postgres@127.0.0.1:${process.env.PG_PORT ?? 54329}/tajer`;
process.env.NEXTAUTH_URL ??= `http://${process.env.HOST ?? "localhost"}:${process.env.PORT ?? 3000}`;

const STATUSES = ["picked_up", "in_transit", "out_for_delivery", "delivered", "returned_to_sender"] as const;

async function main() {
  const [trackingNumber, status] = process.argv.slice(2);
  if (!trackingNumber || (status && !STATUSES.includes(status as (typeof STATUSES)[number]))) {
    console.error(`usage: npm run carrier-sim -- <trackingNumber> [${STATUSES.join("|")}]`);
    process.exit(2);
  }
  const { advanceSimulatedShipment } = await import("@/server/shipping/carrier-simulator");
  const { db } = await import("@/server/db/client");
  try {
    const result = await advanceSimulatedShipment(trackingNumber, status as (typeof STATUSES)[number] | undefined);
    const answer = result.webhook.httpStatus ?? `not delivered (${result.webhook.error})`;
    console.log(`${result.trackingNumber} → ${result.status}; webhook ${result.webhook.url}: ${answer}`);
    if (result.webhook.httpStatus !== 200) process.exitCode = 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();
