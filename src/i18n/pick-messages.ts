import type { AbstractIntlMessages } from "next-intl";

/** In a list of namespaces: the whole catalog (a use the source reader could not follow). */
export const ALL = "*";

function at(messages: AbstractIntlMessages, path: string): unknown {
  let node: unknown = messages;
  for (const segment of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
  return node;
}

/** The part of a locale's catalog under the given paths ("order", "shippingSettings.boxes"), nested as in the catalog. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages | undefined {
  if (paths.includes(ALL)) return undefined; // the provider's default: the whole catalog
  const out: AbstractIntlMessages = {};
  for (const path of paths) {
    const value = at(messages, path);
    if (value === undefined) continue;
    const segments = path.split(".");
    let node = out;
    for (const segment of segments.slice(0, -1)) node = (node[segment] ??= {}) as AbstractIntlMessages;
    node[segments[segments.length - 1]] = value as AbstractIntlMessages;
  }
  return out;
}
