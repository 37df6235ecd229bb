// Where a simulated parcel goes next. Pure: the order page uses it to label the simulator's button.

/** The journey a simulated parcel takes; a failed delivery ends in returned_to_sender instead. */
export const SIMULATED_JOURNEY = ["picked_up", "in_transit", "out_for_delivery", "delivered"] as const;
export type SimulatedStatus = (typeof SIMULATED_JOURNEY)[number] | "returned_to_sender";
export const SIM_RANK: Record<string, number> = {
  created: 0,
  picked_up: 1,
  in_transit: 2,
  out_for_delivery: 3,
  delivered: 4,
  returned_to_sender: 4,
  canceled: 9,
};

/** The next step of a simulated parcel, or null when its journey is over. */
export function nextSimulatedStatus(current: string): SimulatedStatus | null {
  const rank = SIM_RANK[current] ?? 9;
  return SIMULATED_JOURNEY.find((s) => SIM_RANK[s] > rank) ?? null;
}
