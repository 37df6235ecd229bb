// A short address looked up in the Saudi national address service (SPL's National Address API) behind an
// adapter. The service cannot be reached from here: a simulator answers from a seeded register in the
// service's own shape (`Addresses: [{ BuildingNumber, Street, District, City, PostCode, AdditionalNumber }]`),
// with its failures (an unknown code is an empty list; a bad code is refused before it is asked).
import "server-only";
import { settings } from "@/server/settings";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { normalizeShortAddress, SHORT_ADDRESS, westernDigits } from "@/server/tax/tax-rules";

export type NationalAddressRecord = {
  shortAddress: string;
  buildingNumber: string;
  street: string;
  district: string;
  city: string;
  postalCode: string;
  additionalNumber: string;
};

/** The service's own answer. */
type ServiceAnswer = {
  Addresses: { BuildingNumber: string; Street: string; District: string; City: string; PostCode: string; AdditionalNumber: string; ShortAddress?: string }[];
  success: boolean;
};

export interface NationalAddressService {
  byShortAddress(shortAddress: string, language: "A" | "E"): Promise<ServiceAnswer>;
}

/** SPL's National Address API (an API key from the service; `language` A or E). */
export class HttpNationalAddressService implements NationalAddressService {
  constructor(private readonly config: { baseUrl: string; apiKey: string }) {}
  async byShortAddress(shortAddress: string, language: "A" | "E"): Promise<ServiceAnswer> {
    const url = new URL("NationalAddress/v3.1/Address/address-by-shortaddress", this.config.baseUrl);
    url.search = new URLSearchParams({ format: "json", language, encode: "utf8", shortaddress: shortAddress, api_key: this.config.apiKey }).toString();
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "error" });
    if (!response.ok) throw new Error(`the national address service answered ${response.status}`);
    return (await response.json()) as ServiceAnswer;
  }
}

// The simulator's register: the demo's and the tests' addresses, in Arabic and English.
const REGISTER: Record<string, { A: Omit<NationalAddressRecord, "shortAddress">; E: Omit<NationalAddressRecord, "shortAddress"> }> = {
  RRRD2929: {
    A: { buildingNumber: "2322", street: "طريق الملك فهد", district: "العليا", city: "الرياض", postalCode: "12211", additionalNumber: "8123" },
    E: { buildingNumber: "2322", street: "King Fahd Road", district: "Al Olaya", city: "Riyadh", postalCode: "12211", additionalNumber: "8123" },
  },
  JEDA4512: {
    A: { buildingNumber: "4512", street: "شارع التحلية", district: "الروضة", city: "جدة", postalCode: "23434", additionalNumber: "6721" },
    E: { buildingNumber: "4512", street: "Tahlia Street", district: "Ar Rawdah", city: "Jeddah", postalCode: "23434", additionalNumber: "6721" },
  },
  DMMA7788: {
    A: { buildingNumber: "7788", street: "طريق الأمير محمد بن فهد", district: "الفيصلية", city: "الدمام", postalCode: "32272", additionalNumber: "3390" },
    E: {
      buildingNumber: "7788",
      street: "Prince Mohammed bin Fahd Road",
      district: "Al Faisaliyah",
      city: "Dammam",
      postalCode: "32272",
      additionalNumber: "3390",
    },
  },
};

export class NationalAddressSimulator implements NationalAddressService {
  async byShortAddress(shortAddress: string, language: "A" | "E"): Promise<ServiceAnswer> {
    const found = REGISTER[shortAddress]?.[language];
    return {
      success: true,
      Addresses: found
        ? [
            {
              BuildingNumber: found.buildingNumber,
              Street: found.street,
              District: found.district,
              City: found.city,
              PostCode: found.postalCode,
              AdditionalNumber: found.additionalNumber,
              ShortAddress: shortAddress,
            },
          ]
        : [],
    };
  }
}

function service(): NationalAddressService {
  const s = settings();
  return s.NATIONAL_ADDRESS_API_URL && s.NATIONAL_ADDRESS_API_KEY
    ? new HttpNationalAddressService({ baseUrl: s.NATIONAL_ADDRESS_API_URL, apiKey: s.NATIONAL_ADDRESS_API_KEY })
    : new NationalAddressSimulator();
}

/** The full address of a short address, in the language asked; 422 for a malformed one, 404 for an unknown one. */
export async function lookUpShortAddress(input: string, locale: "ar" | "en"): Promise<NationalAddressRecord> {
  const code = normalizeShortAddress(westernDigits(input));
  if (!SHORT_ADDRESS.test(code))
    throw new AppError("VALIDATION_FAILED", "A short address is 4 letters and 4 digits, like RRRD2929.", { fields: { shortAddress: issue("shortAddress") } });
  const answer = await service().byShortAddress(code, locale === "ar" ? "A" : "E");
  const [found] = answer.Addresses ?? [];
  if (!found) throw notFound("Address");
  return {
    shortAddress: code,
    buildingNumber: found.BuildingNumber,
    street: found.Street,
    district: found.District,
    city: found.City,
    postalCode: found.PostCode,
    additionalNumber: found.AdditionalNumber,
  };
}
