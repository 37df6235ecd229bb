import { describe, expect, it } from "vitest";
import { branchInput } from "@/server/shipping/branch-schemas";
import { packagingRequestInput, renderPackagingEmail } from "@/server/shipping/packaging-request";
import { nextSimulatedStatus } from "@/server/shipping/simulator-journey";
import { parseMinorUnits } from "@/server/money/money";

describe("packaging-materials email", () => {
  // The installation's settings: never typed by the merchant.
  const platform = { to: "supplies@example.com", platformAccount: "165623" };
  const request = packagingRequestInput.parse({
    storeNumber: "ARX-1",
    contactName: "سارة",
    phone: "+966501234567",
    email: "s@example.com",
    city: "Riyadh",
    address: "Olaya & King Fahd",
    items: { envelope: 50, flyer_small: 100 },
    notes: "Ring twice",
  });

  it("lists only the items asked for, in the template's order", () => {
    const { body } = renderPackagingEmail(request, platform);
    const lines = body.split("\n").filter((l) => l.startsWith("  - "));
    expect(lines).toEqual(["  - Flyer S (25 × 35): 100", "  - Branded document envelope: 50"]);
    expect(body).toContain("Partner platform account number: 165623");
    expect(body).toContain("Notes: Ring twice");
  });

  it("the mailto link carries the address, subject and body, encoded, with CRLF line breaks", () => {
    const email = renderPackagingEmail(request, platform);
    const url = new URL(email.mailto);
    expect(url.protocol).toBe("mailto:");
    expect(decodeURIComponent(url.pathname)).toBe("supplies@example.com");
    expect(url.searchParams.get("subject")).toBe(email.subject);
    expect(url.searchParams.get("body")).toBe(email.body.replace(/\n/g, "\r\n"));
    expect(email.mailto).not.toContain("+");
    expect(email.mailto).toContain("%26%20King");
  });

  it("refuses a request without any item, and quantities out of range", () => {
    const bad = packagingRequestInput.safeParse({ ...request, items: { box_small: 0 } });
    expect(bad.success).toBe(false);
    expect(packagingRequestInput.safeParse({ ...request, items: { box_small: 501 } }).success).toBe(false);
    expect(packagingRequestInput.safeParse({ ...request, items: { box_small: 1.5 } }).success).toBe(false);
  });
});

describe("branch input", () => {
  it("empty optional fields become null; hours are checked per day", () => {
    const parsed = branchInput.parse({
      name: "A",
      city: "B",
      address: "C",
      phone: "",
      district: " ",
      workingHours: { thu: { open: "08:30", close: "23:59" } },
    });
    expect(parsed).toMatchObject({
      phone: null,
      district: null,
      pickupContactPhone: null,
      isDefault: false,
      workingHours: { thu: { open: "08:30", close: "23:59" } },
    });
    expect(branchInput.safeParse({ name: "A", city: "B", address: "C", workingHours: { xyz: { open: "08:00", close: "09:00" } } }).success).toBe(false);
    expect(branchInput.safeParse({ name: "A", city: "B", address: "C", workingHours: { sun: { open: "24:00", close: "25:00" } } }).success).toBe(false);
  });
});

describe("simulated journey", () => {
  it.each([
    ["created", "picked_up"],
    ["picked_up", "in_transit"],
    ["in_transit", "out_for_delivery"],
    ["out_for_delivery", "delivered"],
    ["delivered", null],
    ["returned", null],
    ["canceled", null],
  ])("%s → %s", (from, to) => expect(nextSimulatedStatus(from)).toBe(to));
});

describe("amounts typed in settings", () => {
  it.each([
    ["12.5", 1250],
    ["0", 0],
    ["١٢٫٥", 1250],
    ["12.345", 1235],
    ["1.005", 101],
    ["0.29", 29],
    ["-1", Number.NaN],
    ["1e3", Number.NaN],
    ["", Number.NaN],
  ])("%s → %s", (text, minor) => expect(parseMinorUnits(text, 2)).toBe(minor));
});
