import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// next-auth marks its cookies Secure (and __Secure-/__Host- prefixed) when useSecureCookies is on;
// they are httpOnly and SameSite=Lax always (the browser suite checks those on a real sign-in).
describe("session cookies", () => {
  it("are Secure when the app is served over https", async () => {
    vi.stubEnv("PUBLIC_URL", "https://desk.example.sa");
    const { authOptions } = await import("@/server/auth/auth-options");
    expect(authOptions.useSecureCookies).toBe(true);
  });

  it("are not marked Secure on plain http (a local machine), where the browser would drop them", async () => {
    vi.stubEnv("PUBLIC_URL", "http://127.0.0.1:3000");
    vi.stubEnv("NEXTAUTH_URL", "");
    const { authOptions, usesSecureCookies } = await import("@/server/auth/auth-options");
    expect(authOptions.useSecureCookies).toBe(false);
    expect(usesSecureCookies({ NEXTAUTH_URL: "https://desk.example.sa", PUBLIC_URL: "http://internal" })).toBe(true);
  });
});
