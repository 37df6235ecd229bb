// Lays out one line of mixed Arabic and Latin text for a PDF, which has no bidi of its own: the line is
// cut into runs by direction and by font, and the runs are put in visual order. Arabic letters are
// shaped by the font engine inside their run; digits and Latin stay left-to-right wherever they stand,
// so "مبنى 12" never prints as "21".

export type Direction = "rtl" | "ltr";
export type FontKind = "arabic" | "latin";
export type VisualRun = { text: string; font: FontKind };

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

// A: Arabic letter; L: Latin letter; D: digit (left to right, but it does not set a line's direction);
// N: neutral (spaces, punctuation).
type Cls = "A" | "L" | "D" | "N";
const classify = (ch: string): Cls => (ARABIC_LETTER.test(ch) ? "A" : LATIN_LETTER.test(ch) ? "L" : DIGIT.test(ch) ? "D" : "N");

/** The paragraph direction: that of its first strong character. */
export function baseDirection(text: string): Direction {
  for (const ch of text) {
    const c = classify(ch);
    if (c === "A") return "rtl";
    if (c === "L") return "ltr";
  }
  return "ltr";
}

/** Neutral characters take the direction around them when both sides agree, else the paragraph's. */
function resolve(chars: string[], base: Direction): ("A" | "L")[] {
  const cls = chars.map((ch): "A" | "L" | "N" => {
    const c = classify(ch);
    return c === "D" ? "L" : c;
  });
  return cls.map((c, i) => {
    if (c !== "N") return c;
    // A sign or a hash that starts a number belongs to it: "+966…", "#1042".
    if (/[+\-#(]/.test(chars[i]) && DIGIT.test(chars[i + 1] ?? "")) return "L";
    let before: Cls = "N";
    for (let j = i - 1; j >= 0 && before === "N"; j--) before = cls[j];
    let after: Cls = "N";
    for (let j = i + 1; j < cls.length && after === "N"; j++) after = cls[j];
    if (before !== "N" && before === after) return before;
    return base === "rtl" ? "A" : "L";
  });
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && key(last[0]) === key(item)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** The runs of a line, left to right as they are to be drawn. */
export function visualRuns(text: string): VisualRun[] {
  const chars = [...text];
  const base = baseDirection(text);
  const dirs = resolve(chars, base);
  const directional = groupBy(
    chars.map((ch, i) => ({ ch, dir: dirs[i] })),
    (c) => c.dir,
  );
  const ordered = base === "rtl" ? [...directional].reverse() : directional;
  const runs: VisualRun[] = [];
  for (const group of ordered) {
    const fontRuns = groupBy(group, (c) => (ARABIC_LETTER.test(c.ch) || (group[0].dir === "A" && /[\s\u060C\u061B\u061F]/.test(c.ch)) ? "arabic" : "latin"));
    // Inside a right-to-left run, its pieces read from the right: draw them last first.
    const inOrder = group[0].dir === "A" ? [...fontRuns].reverse() : fontRuns;
    for (const piece of inOrder) {
      const font: FontKind =
        ARABIC_LETTER.test(piece.map((c) => c.ch).join("")) || (group[0].dir === "A" && piece.every((c) => /[\s\u060C\u061B\u061F]/.test(c.ch)))
          ? "arabic"
          : "latin";
      runs.push({ text: piece.map((c) => c.ch).join(""), font });
    }
  }
  return runs;
}
