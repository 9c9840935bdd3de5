import { PACKAGES, type PackageId } from "@partner-hub/shared";

/**
 * Deterministic demo data: the same seed, integration fixtures and Playwright journeys all see
 * the same customers and users (epic-stack habit: one set of factories).
 */
export function createRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    // mulberry32: tiny, fast, and good enough for demo data.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof createRandom>;

export const FIRST_NAMES = [
  "Åsa",
  "Björn",
  "Märta",
  "Örjan",
  "Linnéa",
  "Sören",
  "Ingrid",
  "Håkan",
  "Ebba",
  "Göran",
  "Maja",
  "Jönsson",
  "Elin",
  "Lars",
  "Karin",
  "Per",
  "Sofia",
  "Nils",
  "Freja",
  "Mikael",
  "Annika",
  "Tor",
  "Sigrid",
  "Östen",
  "Liv",
  "Anders",
  "Emma",
  "Jörgen",
  "Astrid",
  "Oskar",
  "Saga",
  "Ville",
  "Aino",
  "Mathias",
  "Kristín",
  "Jóhann",
] as const;
export const LAST_NAMES = [
  "Öberg-Ström",
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jönsson",
  "Lindqvist",
  "Bergström",
  "Håkansson",
  "Sjöberg",
  "Åkesson",
  "Lundgren",
  "Virtanen",
  "Hansen",
  "Nieminen",
  "Jóhannsdóttir",
  "Mäkinen",
  "Fältskog",
  "Ek",
] as const;

const ORG_PREFIX = [
  "Fjällbacka",
  "Norrsken",
  "Göta",
  "Skärgårds",
  "Vättern",
  "Östersunds",
  "Malmö",
  "Kiruna",
  "Dalarnas",
  "Ölands",
  "Bohus",
  "Lapplands",
  "Sörmlands",
  "Hälsinge",
  "Trondheim",
  "Bergen",
  "Tampere",
  "Aarhus",
  "Reykjavík",
  "Uppsala",
] as const;
const ORG_KIND = [
  "Fastigheter",
  "Energi",
  "Logistik",
  "Bygg",
  "Vård",
  "Konsult",
  "Media",
  "Skog",
  "Redovisning",
  "Design",
  "Transport",
  "Livs",
  "Tandvård",
  "Advokatbyrå",
  "Teknik",
] as const;
const ORG_SUFFIX = ["AB", "AB", "AB", "AS", "Oy", "ApS", "ehf."] as const;

export const CITIES = [
  { city: "Stockholm", country: "SE", area: "8" },
  { city: "Göteborg", country: "SE", area: "31" },
  { city: "Malmö", country: "SE", area: "40" },
  { city: "Uppsala", country: "SE", area: "18" },
  { city: "Umeå", country: "SE", area: "90" },
  { city: "Linköping", country: "SE", area: "13" },
] as const;

const STREETS = [
  "Drottninggatan",
  "Storgatan",
  "Kungsgatan",
  "Västra Hamngatan",
  "Sveavägen",
  "Åsgatan",
  "Östra Långgatan",
];

export function customerName(index: number, random: Random): string {
  if (index === 0) return "Fjällbacka Fastigheter AB";
  if (index === 1) return "Norrsken Energi AB";
  return `${random.pick(ORG_PREFIX)} ${random.pick(ORG_KIND)} ${random.pick(ORG_SUFFIX)}`;
}

export function customerDomain(index: number): string {
  if (index === 0) return "customer.example";
  if (index === 1) return "norrsken.example";
  return `customer${index + 1}.example`;
}

export function streetAddress(random: Random): string {
  return `${random.pick(STREETS)} ${random.int(1, 120)}`;
}

/** Calling packages appear more often, as in a real wholesale base. */
export function pickPackage(random: Random): PackageId {
  const weights: Record<PackageId, number> = {
    webex_calling: 30,
    webex_voice: 10,
    webex_suite: 20,
    webex_meetings: 20,
    webex_calling_standard: 12,
    cx_essentials: 8,
  };
  let roll = random.next() * 100;
  for (const p of PACKAGES) {
    roll -= weights[p.id];
    if (roll < 0) return p.id;
  }
  return "webex_calling";
}

/** A valid Swedish E.164 number, unique per (customer, user) index pair. */
export function phoneNumberFor(areaCode: string, customerIndex: number, userIndex: number): string {
  const subscriber = String(5_000_000 + ((customerIndex * 7919 + userIndex) % 4_999_999)).padStart(
    7,
    "0",
  );
  return `+46${areaCode}${subscriber}`;
}

export function asciiLocal(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ð/g, "d")
    .replace(/[^a-zA-Z]/g, "")
    .toLowerCase();
}
