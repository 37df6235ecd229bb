/** This installation's public address, for links in messages and for providers' callbacks. */
export function publicUrl(env = process.env): string {
  return (env.PUBLIC_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
