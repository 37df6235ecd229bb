// The integrated carriers: what each can do (data, not scattered ifs), its real tracking page, the shape
// of its tracking numbers, and the platform's discounted rate card that a store starts from.

export const CARRIER_IDS = ["aramex", "smsa", "spl", "dhl", "aymakan"] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

/** A scheduled pickup: the carrier comes within this many hours of the chosen time. */
export const PICKUP_WINDOW_HOURS = 2;

export type Capabilities = { pickup: boolean; dropoff: boolean; tracking: boolean; labels: boolean };

/** Money in minor units (halalas); weights in grams. */
export type RateCard = {
  firstKg: number;
  perAdditionalKg: number;
  codFee: number;
  /** cm³ per kg: volumetric kg = L×W×H (cm) / divisor. */
  volumetricDivisor: number;
  /** Chargeable weight is rounded up to a multiple of this. */
  weightStepGrams: number;
};

/** When a carrier's drivers collect parcels: per weekday (0 Sunday … 6 Saturday), from and to, local time. */
export type PickupHours = Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, { from: string; to: string }>>;

export type CarrierProfile = {
  id: CarrierId;
  name: string;
  capabilities: Capabilities;
  /** Carriers that pick up: when their drivers come (a pickup slot also lies inside the branch's hours). */
  pickupHours?: PickupHours;
  trackingUrl: (trackingNumber: string) => string;
  /** How this carrier's tracking numbers look, for the simulator and for checking input. */
  trackingNumberPattern: RegExp;
  defaultRates: RateCard;
  /** A label needs the recipient's national address (its short address, or building number and postal code). */
  needsNationalAddress: boolean;
};

const both: Capabilities = { pickup: true, dropoff: true, tracking: true, labels: true };
const dropoffOnly: Capabilities = { pickup: false, dropoff: true, tracking: true, labels: true };
const enc = encodeURIComponent;

export const CARRIERS: Readonly<Record<CarrierId, CarrierProfile>> = {
  aramex: {
    id: "aramex",
    needsNationalAddress: false,
    name: "Aramex",
    capabilities: both,
    // Saturday to Thursday; no pickups on Friday.
    pickupHours: {
      6: { from: "09:00", to: "21:00" },
      0: { from: "09:00", to: "21:00" },
      1: { from: "09:00", to: "21:00" },
      2: { from: "09:00", to: "21:00" },
      3: { from: "09:00", to: "21:00" },
      4: { from: "09:00", to: "21:00" },
    },
    trackingUrl: (n) => `https://www.aramex.com/sa/en/track/results?ShipmentNumber=${enc(n)}`,
    trackingNumberPattern: /^\d{11}$/,
    defaultRates: { firstKg: 2100, perAdditionalKg: 300, codFee: 500, volumetricDivisor: 5000, weightStepGrams: 500 },
  },
  smsa: {
    id: "smsa",
    needsNationalAddress: true,
    name: "SMSA Express",
    capabilities: dropoffOnly,
    trackingUrl: (n) => `https://www.smsaexpress.com/sa/en/trackingdetails?tracknumbers=${enc(n)}`,
    trackingNumberPattern: /^\d{12}$/,
    defaultRates: { firstKg: 1900, perAdditionalKg: 300, codFee: 500, volumetricDivisor: 5000, weightStepGrams: 1000 },
  },
  spl: {
    id: "spl",
    needsNationalAddress: true,
    name: "SPL (Saudi Post)",
    capabilities: dropoffOnly,
    trackingUrl: (n) => `https://splonline.com.sa/en/shipmentdetailsstatic/?tid=${enc(n)}`,
    trackingNumberPattern: /^[A-Z]{2}\d{9}SA$/,
    defaultRates: { firstKg: 1500, perAdditionalKg: 250, codFee: 600, volumetricDivisor: 6000, weightStepGrams: 500 },
  },
  dhl: {
    id: "dhl",
    needsNationalAddress: false,
    name: "DHL Express",
    capabilities: dropoffOnly,
    trackingUrl: (n) => `https://www.dhl.com/sa-en/home/tracking/tracking-express.html?submit=1&tracking-id=${enc(n)}`,
    trackingNumberPattern: /^\d{10}$/,
    defaultRates: { firstKg: 3900, perAdditionalKg: 900, codFee: 0, volumetricDivisor: 5000, weightStepGrams: 500 },
  },
  aymakan: {
    id: "aymakan",
    needsNationalAddress: false,
    name: "AyMakan",
    capabilities: both,
    // Every day, into the evening.
    pickupHours: {
      0: { from: "10:00", to: "23:00" },
      1: { from: "10:00", to: "23:00" },
      2: { from: "10:00", to: "23:00" },
      3: { from: "10:00", to: "23:00" },
      4: { from: "10:00", to: "23:00" },
      5: { from: "14:00", to: "23:00" },
      6: { from: "10:00", to: "23:00" },
    },
    trackingUrl: (n) => `https://aymakan.com.sa/en/tracking/${enc(n)}`,
    trackingNumberPattern: /^AY\d{9}$/,
    defaultRates: { firstKg: 1700, perAdditionalKg: 250, codFee: 450, volumetricDivisor: 5000, weightStepGrams: 500 },
  },
};

export const isCarrierId = (value: string): value is CarrierId => (CARRIER_IDS as readonly string[]).includes(value);

export type Handover = "pickup" | "dropoff";

export function supportsHandover(carrier: CarrierId, handover: Handover): boolean {
  return CARRIERS[carrier].capabilities[handover];
}
