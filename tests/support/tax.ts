// A store made VAT-registered for the tax tests: its own VAT number (the authority simulator's chain is
// per VAT number, so parallel tests never share one), a national address, and the store's timing.
import { randomInt } from "node:crypto";
import { saveTaxProfile, taxProfileInput, type InvoiceTimingInput } from "@/server/tax/tax-profile";
import type { SeededStore } from "./factories";

export function uniqueVatNumber(): string {
  return `3${String(randomInt(0, 10 ** 12)).padStart(12, "0")}${randomInt(0, 10)}3`;
}

export async function registerForVat(s: SeededStore, options: { issueOn?: InvoiceTimingInput; pricesIncludeVat?: boolean; legalNameAr?: string } = {}) {
  const vatNumber = uniqueVatNumber();
  await saveTaxProfile(
    s.ctx(),
    taxProfileInput.parse({
      vatRegistered: true,
      legalNameAr: options.legalNameAr ?? "شركة متجر الاختبار للتجارة",
      legalNameEn: "Test Store Trading Co.",
      vatNumber,
      crNumber: "1010123456",
      buildingNumber: "2322",
      street: "طريق الملك فهد",
      district: "العليا",
      city: "الرياض",
      postalCode: "12211",
      additionalNumber: "8123",
      issueOn: options.issueOn ?? "on_placing",
      pricesIncludeVat: options.pricesIncludeVat ?? true,
    }),
  );
  return vatNumber;
}
