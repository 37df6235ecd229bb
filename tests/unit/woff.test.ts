import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { woffToSfnt } from "@/server/shipping/woff";

const file = (name: string) => fs.readFileSync(path.join("node_modules/@fontsource/ibm-plex-sans-arabic/files", `ibm-plex-sans-arabic-${name}-normal.woff`));
type Font = { numGlyphs: number; postscriptName: string; layout(text: string): { glyphs: { id: number }[] } };

describe("WOFF → sfnt", () => {
  it.each(["arabic-400", "latin-600"])("%s: the same font, readable without inflating on every access", (name) => {
    const woff = file(name);
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).not.toBe(0x774f4646);
    const a = fontkit.create(woff) as Font;
    const b = fontkit.create(sfnt) as Font;
    expect([b.numGlyphs, b.postscriptName]).toEqual([a.numGlyphs, a.postscriptName]);
    const text = name.startsWith("arabic") ? "سارة القحطاني" : "Order #1042";
    expect(b.layout(text).glyphs.map((g) => g.id)).toEqual(a.layout(text).glyphs.map((g) => g.id));
  });

  it("leaves a font that is not WOFF as it is", () => {
    const sfnt = woffToSfnt(file("latin-400"));
    expect(woffToSfnt(sfnt)).toBe(sfnt);
  });
});
