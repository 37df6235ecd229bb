import { describe, expect, it } from "vitest";
import { findMentions, mentionHandle } from "@/server/orders/mentions";

const members = [
  { id: "1", name: "Sara Al-Qahtani", email: "staff@demo.test" },
  { id: "2", name: "Faisal Al-Harbi", email: "admin@demo.test" },
  { id: "3", name: "سارة", email: "sara.k@demo.test" },
];

describe("mentions", () => {
  it("handles are first names", () => expect(members.map(mentionHandle)).toEqual(["Sara", "Faisal", "سارة"]));
  it.each([
    ["@Sara please pack this", ["1"]],
    ["@sara, @FAISAL: check the address.", ["1", "2"]],
    ["ask @admin", ["2"]],
    ["@سارة جهزي الطلب", ["3"]],
    ["email me at ops@sara.com", []],
    ["@nobody here", []],
    ["@Sara and @Sara again", ["1"]],
  ])("%j → %j", (body, ids) => expect(findMentions(body, members)).toEqual(ids));
});

import { splitTags } from "@/server/tags/split-tags";
describe("the tag box", () => {
  it("separates tags by commas, Latin or Arabic, and drops blanks and repeats", () => {
    expect(splitTags("vip, gift wrap")).toEqual(["vip", "gift wrap"]);
    expect(splitTags("عاجل، هدية ,  VIP ,vip,,")).toEqual(["عاجل", "هدية", "VIP"]);
    expect(splitTags("  ")).toEqual([]);
  });
});

import { mentionParts } from "@/server/orders/mentions";
describe("a comment's mentions, cut out to be isolated", () => {
  it("finds @handles in Latin or Arabic, not emails, and keeps every character", () => {
    const body = "راجع @Sara الطلب، ثم @سارة أيضًا. mail a@b.test";
    const parts = mentionParts(body);
    expect(parts.filter((p) => p.mention).map((p) => p.text)).toEqual(["@Sara", "@سارة"]);
    expect(parts.map((p) => p.text).join("")).toBe(body);
  });
});
