// Keyset pagination over (a time desc, id desc) — orders by placedAt, reviews, customers and the ledger by
// createdAt: a cursor is the last row of the previous page, opaque to the client.
export type KeysetCursor = { at: Date; id: string };

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

/** null for anything that is not a cursor we made. */
export function decodeCursor(raw: string): KeysetCursor | null {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const [iso, id, ...rest] = text.split("|");
  if (rest.length || !iso || !id) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  return { at, id };
}
