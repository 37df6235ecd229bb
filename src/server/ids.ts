const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else from a URL or a body cannot name a row, and is "not found" at once. */
export const isUuid = (value: string) => UUID.test(value);
