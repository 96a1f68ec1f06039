/**
 * Invented customers for the demo's history: Dutch names mostly, a few people who write in
 * English. Deterministic (a seeded generator), so every demo tells the same two weeks.
 */
export interface DemoCustomer {
  name: string;
  email: string;
  language: 'nl' | 'en';
  segment?: string;
  flags?: { vulnerable?: boolean; media?: boolean; sales_opt_out?: boolean };
}

/** mulberry32: a small seeded generator, so the demo is the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof seeded>;

const FIRST = [
  'Anouk', 'Bas', 'Chantal', 'Daan', 'Esra', 'Floor', 'Gijs', 'Hanneke', 'Ilse', 'Jesse', 'Karin', 'Lars', 'Maaike', 'Niels',
  'Olga', 'Priya', 'Quinten', 'Rosa', 'Stijn', 'Tessa', 'Usha', 'Vincent', 'Wendy', 'Yara', 'Zeynep', 'Arjen', 'Bente', 'Coen',
  'Dewi', 'Emre', 'Fenna', 'Gert', 'Hatice', 'Ivo', 'Jolien', 'Koen', 'Lieke', 'Marco', 'Nadia', 'Otto', 'Pim', 'Rik', 'Sevda',
  'Thijs', 'Vera', 'Wouter', 'Youssef', 'Ellen', 'Ruud', 'Marloes',
];
const LAST = [
  'Aalbers', 'van den Berg', 'Claassen', 'Dekker', 'van Eck', 'Franssen', 'de Graaf', 'Hoekstra', 'Israel', 'de Jong', 'Kok',
  'Lambregts', 'Meijer', 'Nijland', 'Oosterhuis', 'Postma', 'de Ruiter', 'Schouten', 'Tuinman', 'Uijttewaal', 'Verbeek',
  'Wolters', 'Yildiz', 'Zwart', 'Bosman', 'Kaya', 'Molenaar', 'Prins', 'Sedney', 'Vos',
];
const ENGLISH = [
  'Oliver Bennett', 'Grace Whitfield', 'Liam O’Connor', 'Sophie Turner-Hale', 'Arjun Mehta', 'Emily Carter', 'Lucas Moreau', 'Hannah Scott',
];

const emailOf = (name: string, domain: string) =>
  `${name.normalize('NFD').replace(/[\u0300-\u036f’']/g, '').toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@${domain}`;

/**
 * A pool of customers. `next(language)` hands out a new person, or now and then one who wrote
 * before (a customer with several cases, as the dashboard counts them).
 */
export function customerPool(random: Random) {
  const used = new Set<string>();
  const seen: DemoCustomer[] = [];
  let english = 0;
  return {
    /** `returning: false`: always someone new */
    next(language: 'nl' | 'en', returning = true): DemoCustomer {
      const earlier = seen.filter((c) => c.language === language);
      if (returning && earlier.length > 8 && random.chance(0.12)) return random.pick(earlier);
      if (language === 'en' && english >= ENGLISH.length) return random.pick(earlier);
      let name: string;
      if (language === 'en') name = ENGLISH[english++];
      else
        do name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
        while (used.has(name));
      used.add(name);
      const c: DemoCustomer = { name, email: emailOf(name, language === 'en' ? 'example.com' : random.pick(['example.nl', 'example.nl', 'example.org'])), language };
      if (random.chance(0.08)) c.segment = 'gold';
      seen.push(c);
      return c;
    },
  };
}

/** The first name, for a greeting: "Beste Anouk," */
export const firstName = (name: string) => name.split(' ')[0];
