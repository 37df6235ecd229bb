/** A store member who can be mentioned. */
export type Mentionable = { id: string; name: string; email: string };

/** The handle shown for a member: their first name without spaces, e.g. @Sara. */
export function mentionHandle(member: Mentionable): string {
  return (member.name.split(/\s+/)[0] || member.email.split("@")[0]).replace(/[^\p{L}\p{N}_.-]/gu, "");
}

/**
 * The members a comment mentions: "@sara" matches a member whose handle (first name) or email
 * name is "sara", ignoring case. An @word that matches nobody mentions nobody.
 */
export function findMentions(body: string, members: readonly Mentionable[]): string[] {
  const words = [...body.matchAll(/(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.-]+)/gu)].map((m) => m[1].replace(/[.-]+$/, "").toLowerCase());
  const ids = new Set<string>();
  for (const word of words) {
    for (const m of members) {
      if (mentionHandle(m).toLowerCase() === word || m.email.split("@")[0].toLowerCase() === word) ids.add(m.id);
    }
  }
  return [...ids];
}

/** A comment cut into text and @mentions, so each mention can be shown isolated (in Arabic, "@Sara" stays "@Sara"). */
export function mentionParts(body: string): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const m of body.matchAll(/(^|[^\p{L}\p{N}_])(@[\p{L}\p{N}_.-]*[\p{L}\p{N}_])/gu)) {
    const start = m.index + m[1].length;
    if (start > last) parts.push({ text: body.slice(last, start), mention: false });
    parts.push({ text: m[2], mention: true });
    last = start + m[2].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}
