import { describe, expect, it } from "vitest";
import { settings, settingsProblems } from "@/server/settings";

describe("the installation's settings", () => {
  it("have defaults, and an empty variable is an unset one", () => {
    const s = settings({ CARRIER_TIMEOUT_MS: "" });
    expect(s.CARRIER_TIMEOUT_MS).toBe(20_000);
    expect(s.API_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(settings({ CARRIER_TIMEOUT_MS: "2500" }).CARRIER_TIMEOUT_MS).toBe(2500);
  });
  it("name each bad one with its rule", () => {
    const problems = settingsProblems({
      CARRIER_TIMEOUT_MS: "soon",
      PORT: "70000",
      DATABASE_URL: "mysql://x",
      PLATFORM_RATES: "{oops",
      TWILIO_ACCOUNT_SID: "AC1",
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual(
      expect.arrayContaining(["CARRIER_TIMEOUT_MS", "PORT", "DATABASE_URL", "PLATFORM_RATES", "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"]),
    );
    expect(() => settings({ JOB_LOCK_SECONDS: "-1" })).toThrow(/JOB_LOCK_SECONDS/);
    expect(settingsProblems({})).toEqual([]);
  });
  it("accept what the project's own checks run with (the benchmark's and the crash check's settings)", () => {
    const checks = {
      API_RATE_LIMIT_PER_MINUTE: "10000000",
      DATABASE_POOL_SIZE: "20",
      CARRIER_SIM_LATENCY_MS: "0",
      JOB_LOCK_SECONDS: "3",
      LABEL_RECONCILE_AFTER_MS: "1000",
      LABEL_RECONCILE_EVERY_MS: "1000",
    };
    expect(settingsProblems(checks)).toEqual([]);
  });
});
