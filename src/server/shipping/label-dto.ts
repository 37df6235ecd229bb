import { CARRIERS, type CarrierId } from "./carriers";

export type LabelDto = {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  labelUrl: string;
  cost: number;
  currency: string;
  handover: string;
  status: string;
};

export function toLabelDto(s: {
  id: string;
  orderId: string;
  carrier: string | null;
  trackingNumber: string | null;
  cost: number;
  currency: string;
  handover: string | null;
  status: string;
}): LabelDto {
  const carrier = s.carrier as CarrierId;
  return {
    id: s.id,
    orderId: s.orderId,
    carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingNumber ? CARRIERS[carrier].trackingUrl(s.trackingNumber) : null,
    labelUrl: `/api/v1/shipments/${s.id}/label`,
    cost: s.cost,
    currency: s.currency,
    handover: s.handover ?? "dropoff",
    status: s.status.toLowerCase(),
  };
}
