/** Why an order is late (pure, for the DTOs and the screens): the milestone it has waited at too long. */
export const LATE_REASONS = ["not_started", "not_shipped", "not_picked_up", "not_delivered", "unconfirmed"] as const;
export type LateReason = (typeof LATE_REASONS)[number];
