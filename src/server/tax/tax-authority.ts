// The tax authority (ZATCA's e-invoicing API) behind an adapter: onboarding a store's stamp key, and
// reporting a simplified document within 24 hours of issue. Its answers keep ZATCA's shape:
// `reportingStatus` and `validationResults` with info, warning and error messages.
import "server-only";
import { settings } from "@/server/settings";

export type ValidationMessage = { type: "INFO" | "WARNING" | "ERROR"; code: string; category: string; message: string; status: "PASS" | "WARNING" | "ERROR" };
export type ReportingResponse = {
  /** 200 reported, 202 reported with warnings, 400 not reported. */
  httpStatus: 200 | 202 | 400;
  reportingStatus: "REPORTED" | "NOT_REPORTED";
  validationResults: {
    status: "PASS" | "WARNING" | "ERROR";
    infoMessages: ValidationMessage[];
    warningMessages: ValidationMessage[];
    errorMessages: ValidationMessage[];
  };
};
export type ReportingRequest = { vatNumber: string; invoiceHash: string; uuid: string; /** The XML, Base64. */ invoice: string };

export interface TaxAuthorityAdapter {
  /** The authority signs the store's public key (its certificate's signature: the QR's tag 9). */
  onboard(input: { vatNumber: string; publicKey: string }): Promise<{ certificateSignature: string }>;
  /** A temporary failure (the authority down, a timeout) throws: the job tries again. */
  report(request: ReportingRequest): Promise<ReportingResponse>;
}

/** A temporary failure: the document stays pending and is sent again. */
export class TaxAuthorityUnavailable extends Error {}

/**
 * ZATCA's reporting API over HTTPS (`/invoices/reporting/single`, Accept-Version V2, Basic auth with the
 * production CSID's token and secret). Onboarding (a CSR answered by a compliance, then a production,
 * CSID) is done once outside Tajer; its certificate's signature is entered with the credentials.
 */
export class HttpTaxAuthority implements TaxAuthorityAdapter {
  constructor(private readonly config: { baseUrl: string; token: string; secret: string; certificateSignature: string; timeoutMs: number }) {}

  async onboard(): Promise<{ certificateSignature: string }> {
    return { certificateSignature: this.config.certificateSignature };
  }

  async report(request: ReportingRequest): Promise<ReportingResponse> {
    let response: Response;
    try {
      response = await fetch(new URL("invoices/reporting/single", this.config.baseUrl), {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "Accept-Language": "en",
          "Accept-Version": "V2",
          "Clearance-Status": "0",
          Authorization: `Basic ${Buffer.from(`${this.config.token}:${this.config.secret}`).toString("base64")}`,
        },
        body: JSON.stringify({ invoiceHash: request.invoiceHash, uuid: request.uuid, invoice: request.invoice }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
        redirect: "error",
      });
    } catch (error) {
      throw new TaxAuthorityUnavailable(`the tax authority did not answer: ${(error as Error).message}`);
    }
    if (response.status >= 500 || response.status === 429 || response.status === 401)
      throw new TaxAuthorityUnavailable(`the tax authority answered ${response.status}`);
    const body = (await response.json()) as Omit<ReportingResponse, "httpStatus">;
    return { ...body, httpStatus: response.status === 200 ? 200 : response.status === 202 ? 202 : 400 };
  }
}

let simulator: TaxAuthorityAdapter | null = null;

/** The configured authority: ZATCA's API when its credentials are set, else the local simulator. */
export async function taxAuthority(): Promise<TaxAuthorityAdapter> {
  const s = settings();
  if (s.ZATCA_API_URL && s.ZATCA_CSID_TOKEN && s.ZATCA_CSID_SECRET && s.ZATCA_CERTIFICATE_SIGNATURE)
    return new HttpTaxAuthority({
      baseUrl: s.ZATCA_API_URL,
      token: s.ZATCA_CSID_TOKEN,
      secret: s.ZATCA_CSID_SECRET,
      certificateSignature: s.ZATCA_CERTIFICATE_SIGNATURE,
      timeoutMs: 15_000,
    });
  if (!simulator) {
    const { TaxAuthoritySimulator } = await import("./tax-authority-simulator");
    simulator = new TaxAuthoritySimulator();
  }
  return simulator;
}
