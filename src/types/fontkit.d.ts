// fontkit ships no types; Tajer only parses a font to hand it to pdfkit.
declare module "fontkit" {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
