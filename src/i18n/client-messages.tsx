import type { ComponentType } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import namespacesByEntry from "./client-messages.json";
import { pickMessages } from "./pick-messages";

// The browser gets only the messages its client components read, per page and per layout: the whole catalog
// in every page was ~100 KB (Arabic ~150 KB) of every page's HTML. Which namespaces each page and layout needs
// is worked out from the source by `npm run i18n:client` (scripts/client-messages.ts) into client-messages.json;
// a unit test keeps that file current and every page and layout wrapped.

export type ClientMessagesEntry = keyof typeof namespacesByEntry;

const picked = new WeakMap<AbstractIntlMessages, Map<string, AbstractIntlMessages | undefined>>();

/** The messages one page or layout sends, picked once per locale and kept: the catalog does not change while running. */
async function messagesFor(entry: ClientMessagesEntry): Promise<AbstractIntlMessages | undefined> {
  const messages = await getMessages();
  let byEntry = picked.get(messages);
  if (!byEntry) picked.set(messages, (byEntry = new Map()));
  if (!byEntry.has(entry)) byEntry.set(entry, pickMessages(messages, namespacesByEntry[entry]));
  return byEntry.get(entry);
}

export async function ClientMessages({ entry, children }: { entry: ClientMessagesEntry; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await messagesFor(entry)}>{children}</NextIntlClientProvider>;
}

/**
 * A page or layout whose client components get the messages they read. `entry` is the file's path under
 * src/app without its extension ("s/[storeSlug]/orders/page"); the unit test checks each file names itself.
 */
export function withClientMessages<P extends object>(entry: ClientMessagesEntry, Component: ComponentType<P>) {
  function WithClientMessages(props: P) {
    return (
      <ClientMessages entry={entry}>
        <Component {...props} />
      </ClientMessages>
    );
  }
  WithClientMessages.displayName = `WithClientMessages(${entry})`;
  return WithClientMessages;
}
