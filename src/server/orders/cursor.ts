// Keyset pagination over (placedAt desc, id desc): a cursor is the last row of the previous page.
export type OrderCursor = { placedAt: Date; id: string };

export function encodeCursor(cursor: OrderCursor): string {
  return Buffer.from(`${cursor.placedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

/** null for anything that is not a cursor we made. */
export function decodeCursor(raw: string): OrderCursor | null {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const [iso, id, ...rest] = text.split("|");
  if (rest.length || !iso || !id) return null;
  const placedAt = new Date(iso);
  if (Number.isNaN(placedAt.getTime()) || placedAt.toISOString() !== iso) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  return { placedAt, id };
}
