// The rules of a Saudi tax profile and a national address (pure).

/** A VAT registration number: 15 digits, the first and the last a 3. */
export const VAT_NUMBER = /^3\d{13}3$/;
/** A commercial registration number: 10 digits. */
export const CR_NUMBER = /^\d{10}$/;
export const BUILDING_NUMBER = /^\d{4}$/;
export const ADDITIONAL_NUMBER = /^\d{4}$/;
export const POSTAL_CODE = /^\d{5}$/;
/** The short address: four letters (region, branch, division, unit) and four digits, e.g. RRRD2929. */
export const SHORT_ADDRESS = /^[A-Z]{4}\d{4}$/;

/** A short address as people type it ("rrrd 2929", "RRRD-2929") in the one form it is kept in. */
export function normalizeShortAddress(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase();
}

/** Arabic-Indic and Persian digits as Western ones, so "٣١٠…" is read as the number it is. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export type NationalAddress = {
  buildingNumber?: string | null;
  street?: string | null;
  district?: string | null;
  city?: string | null;
  postalCode?: string | null;
  additionalNumber?: string | null;
  shortAddress?: string | null;
};

export type AddressPart = "buildingNumber" | "street" | "district" | "city" | "postalCode" | "additionalNumber" | "shortAddress";

/**
 * What a national address lacks. The short address alone is complete (it resolves to the rest); without
 * it, the building number, street, district, city and postal code are needed (the additional number too,
 * where the address has one — it is asked for, not required).
 */
export function missingAddressParts(address: NationalAddress): AddressPart[] {
  if (address.shortAddress && SHORT_ADDRESS.test(address.shortAddress)) return [];
  const parts: AddressPart[] = [];
  if (!address.buildingNumber || !BUILDING_NUMBER.test(address.buildingNumber)) parts.push("buildingNumber");
  if (!address.street?.trim()) parts.push("street");
  if (!address.district?.trim()) parts.push("district");
  if (!address.city?.trim()) parts.push("city");
  if (!address.postalCode || !POSTAL_CODE.test(address.postalCode)) parts.push("postalCode");
  if (parts.length) parts.push("shortAddress");
  return parts;
}

/** An order's shipping address as the national address sees it: what it lacks (the order's own columns). */
export type OrderAddressColumns = {
  shippingBuildingNumber: string | null;
  shippingAddress: string;
  shippingDistrict: string | null;
  shippingCity: string;
  shippingPostalCode: string | null;
  shippingShortAddress: string | null;
};

export function missingOrderAddressParts(o: OrderAddressColumns): AddressPart[] {
  return missingAddressParts({
    buildingNumber: o.shippingBuildingNumber,
    street: o.shippingAddress,
    district: o.shippingDistrict,
    city: o.shippingCity,
    postalCode: o.shippingPostalCode,
    shortAddress: o.shippingShortAddress,
  });
}

/** "INV-" and 123 → "INV-000123". */
export function documentNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(6, "0")}`;
}

/** ZATCA's first "previous invoice hash": the Base64 of the SHA-256 (hex) of "0". */
export const INITIAL_PREVIOUS_HASH = "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==";
