/**
 * Where top-up money comes from. A real payment gateway cannot be reached from here; the demo
 * provider confirms at once, and a gateway plugs in behind the same interface.
 */
export interface PaymentProvider {
  /** Charges the merchant; resolves with the provider's reference once the money is confirmed. */
  charge(input: { storeId: string; amount: number; currency: string; reference: string }): Promise<{ confirmed: true; providerReference: string }>;
}

export const demoPaymentProvider: PaymentProvider = {
  async charge(input) {
    return { confirmed: true, providerReference: `demo-${input.reference}` };
  },
};
