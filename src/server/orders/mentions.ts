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
