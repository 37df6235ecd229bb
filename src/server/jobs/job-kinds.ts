/** Every kind of job the worker runs, with its payload. */
export type JobPayloads = {
  "sms.send": { storeId: string; smsId: string };
  "webhook.deliver": { storeId: string; event: string; body: Record<string, unknown> };
  "review.request": { storeId: string; requestId: string };
  "email.send": { emailId: string };
  "orders.export": { storeId: string; exportId: string };
  "order.confirmation_due": { storeId: string; orderId: string };
  "message.fallback": { storeId: string; smsId: string };
  "sms.price": { storeId: string; smsId: string };
  "tax.report": { storeId: string; documentId: string };
};
export type JobKind = keyof JobPayloads;
