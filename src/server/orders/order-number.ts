/** "#1001": how an order number is shown everywhere. */
export function formatOrderNumber(number: number): string {
  return `#${number}`;
}

/** "#1001", "1001" or " # 1001 " → 1001; anything else → null. */
export function parseOrderNumber(query: string): number | null {
  const match = /^\s*#?\s*(\d{1,9})\s*$/.exec(query);
  return match ? Number(match[1]) : null;
}
