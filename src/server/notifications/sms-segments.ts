// How many SMS parts a text takes: GSM-7 (160 per part, 153 when split) or, as soon as one character
// is outside it (Arabic always is), UCS-2 (70 per part, 67 when split).
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

export type SmsSegments = { encoding: "GSM-7" | "UCS-2"; units: number; parts: number; perPart: number };

export function countSmsSegments(text: string): SmsSegments {
  let gsm = true;
  let gsmUnits = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) gsmUnits += 1;
    else if (GSM_EXTENDED.includes(ch)) gsmUnits += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    const perPart = gsmUnits <= 160 ? 160 : 153;
    return { encoding: "GSM-7", units: gsmUnits, parts: gsmUnits === 0 ? 0 : Math.ceil(gsmUnits / perPart), perPart };
  }
  // UCS-2 counts UTF-16 code units: an emoji takes two.
  const units = text.length;
  const perPart = units <= 70 ? 70 : 67;
  return { encoding: "UCS-2", units, parts: Math.ceil(units / perPart), perPart };
}
