// Destination cities as the carrier scorecard counts them. Customers and storefronts write a city in
// either language and in several spellings ("جدة", "جده", "Jeddah", "Jiddah"); a shipment keeps one key
// for it, so deliveries to one city are counted together. Pure.

/** The Gulf's larger cities: a key, and the spellings that mean it (compared after `normalizeCityText`). */
const GAZETTEER: Readonly<Record<string, readonly string[]>> = {
  riyadh: ["riyadh", "riyad", "ar riyadh", "al riyadh", "الرياض", "رياض"],
  jeddah: ["jeddah", "jedda", "jidda", "jiddah", "جدة", "جده"],
  makkah: ["makkah", "mecca", "makka", "makkah al mukarramah", "mecca al mukarramah", "مكة", "مكه", "مكة المكرمة", "مكه المكرمه"],
  madinah: [
    "madinah",
    "medina",
    "madina",
    "al madinah",
    "al madinah al munawwarah",
    "medina al munawwarah",
    "المدينة",
    "المدينه",
    "المدينة المنورة",
    "المدينه المنوره",
  ],
  dammam: ["dammam", "ad dammam", "al dammam", "الدمام", "دمام"],
  khobar: ["khobar", "al khobar", "alkhobar", "al khubar", "الخبر", "خبر"],
  dhahran: ["dhahran", "az zahran", "الظهران"],
  qatif: ["qatif", "al qatif", "القطيف"],
  jubail: ["jubail", "al jubail", "الجبيل"],
  ahsa: ["al ahsa", "ahsa", "al hasa", "hofuf", "al hofuf", "الأحساء", "الاحساء", "الهفوف"],
  taif: ["taif", "at taif", "al taif", "الطائف", "طائف"],
  tabuk: ["tabuk", "تبوك"],
  buraidah: ["buraidah", "buraydah", "buraida", "بريدة", "بريده"],
  unaizah: ["unaizah", "unayzah", "عنيزة", "عنيزه"],
  hail: ["hail", "ha'il", "حائل"],
  abha: ["abha", "أبها", "ابها"],
  khamis: ["khamis mushait", "khamis mushayt", "خميس مشيط"],
  jazan: ["jazan", "jizan", "gizan", "جازان", "جيزان"],
  najran: ["najran", "نجران"],
  yanbu: ["yanbu", "ينبع"],
  kharj: ["al kharj", "kharj", "الخرج"],
  jouf: ["sakaka", "al jouf", "سكاكا", "الجوف"],
  arar: ["arar", "عرعر"],
  baha: ["al baha", "baha", "الباحة", "الباحه"],
  hafr: ["hafar al batin", "hafr al batin", "حفر الباطن"],
  dubai: ["dubai", "دبي"],
  abudhabi: ["abu dhabi", "أبوظبي", "ابوظبي", "أبو ظبي", "ابو ظبي"],
  sharjah: ["sharjah", "الشارقة", "الشارقه"],
  kuwait: ["kuwait city", "kuwait", "مدينة الكويت", "الكويت"],
  doha: ["doha", "الدوحة", "الدوحه"],
  manama: ["manama", "المنامة", "المنامه"],
  muscat: ["muscat", "مسقط"],
};

/** Keys of the cities Tajer has words for (`cities.<key>` in the catalogs). */
export const KNOWN_CITIES = Object.keys(GAZETTEER);

/**
 * A city as typed, reduced to what tells cities apart: lower case, no diacritics or tatweel, one
 * spelling of alef, teh marbuta and alef maksura, punctuation as spaces, spaces collapsed.
 */
export function normalizeCityText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
    .toLowerCase()
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ؤ/g, "و")
    .replace(/[-_.,،'’`/\\()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const LOOKUP = new Map<string, string>();
for (const [key, names] of Object.entries(GAZETTEER)) {
  for (const name of names) {
    const n = normalizeCityText(name);
    LOOKUP.set(n, key);
    // "جدة" and "جده" are one city: teh marbuta is often typed as heh.
    LOOKUP.set(n.replace(/ة/g, "ه"), key);
  }
}

/**
 * The scorecard's key of a destination city: a known city's key (the same for every spelling of it), or
 * the normalized text of one Tajer has no words for. At most 80 characters; never empty.
 */
export function cityKey(text: string): string {
  const n = normalizeCityText(text);
  const known = LOOKUP.get(n) ?? LOOKUP.get(n.replace(/ة/g, "ه")) ?? LOOKUP.get(n.replace(/^(al|el|ال) ?/, ""));
  if (known) return known;
  return n.slice(0, 80) || "?";
}

export const isKnownCity = (key: string): boolean => Object.hasOwn(GAZETTEER, key);
