// A separate process that starts issuing a label and is then killed with SIGKILL by the test
// (tests/integration/label-crash.test.ts). `slow-carrier`: the carrier has not processed the request when
// the process dies. `answer-lost`: the carrier created the shipment but its answer never arrived.
//   node --import tsx --import ./scripts/server-side.mjs tests/support/label-crash-child.ts <mode> <storeId> <orderId> <branchId>
import { carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";

const [mode, storeId, orderId, branchId] = process.argv.slice(2);
const adapters = carrierAdapters();
if (mode === "slow-carrier") simulatorControl.latencyMs = 10 * 60_000;
else {
  simulatorControl.latencyMs = 0;
  const real = adapters.aramex;
  adapters.aramex = { ...real, createShipment: async (request) => (await real.createShipment(request), new Promise<never>(() => {})) };
}

await issueLabel(
  { storeId, role: "OWNER", actor: { type: "SYSTEM", id: null, name: "crash test" } },
  orderId,
  issueLabelInput.parse({ branchId, carrier: "aramex", packages: [{ weightGrams: 900, lengthCm: 20, widthCm: 20, heightCm: 10 }], handover: "dropoff" }),
  {},
  { adapters },
);
console.error("the label completed: the test should have killed this process first");
process.exit(3);
