// An EAN-13's bars as modules ("1" black, "0" white): the start guard, six digits in L or G codes by the
// first digit's parity, the centre guard, six in R codes, the end guard. For tests that show a camera a
// real barcode.
const L = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"];
const R = L.map((c) => c.replace(/./g, (b) => (b === "0" ? "1" : "0")));
const G = R.map((c) => [...c].reverse().join(""));
const PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"];

export function ean13Bars(code: string): string {
  const d = [...code].map(Number);
  const left = d.slice(1, 7).map((n, i) => (PARITY[d[0]][i] === "L" ? L : G)[n]);
  const right = d.slice(7).map((n) => R[n]);
  return `101${left.join("")}01010${right.join("")}101`;
}
