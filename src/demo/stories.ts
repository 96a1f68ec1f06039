/**
 * The five stories of product.md, retold in our own words as demo cases, each at its moment in
 * the demo's fortnight (hours before the demo is loaded). Names, companies and addresses are
 * invented.
 */
export interface DemoMessage {
  email: string;
  name: string;
  subject: string;
  body: string;
  /** when the customer wrote, in hours before now */
  hoursAgo: number;
  /** or at a clock time on a day before today: [days ago, hour, minute] in the account's zone */
  local?: [number, number, number];
  channel?: 'email' | 'web' | 'phone' | 'social' | 'chat';
  segment?: string;
  flags?: { vulnerable?: boolean; media?: boolean; sales_opt_out?: boolean };
}

// P1: a parking app that charges too much; this morning many people write about it, separately.
const parking: DemoMessage[] = (
  [
    ['Henk de Vries', 'henk.devries@example.nl', 'Te veel betaald voor parkeren', 'Ik parkeerde gisteren een uur in het centrum en de app rekende drie uur af. Dit is al de tweede keer deze maand.', 5.2],
    ['Fatima El Amrani', 'fatima.elamrani@example.nl', 'Parkeersessie stopt niet', 'Ik heb mijn parkeersessie om 14:00 gestopt maar er is tot middernacht doorgerekend. Graag mijn geld terug.', 4.8],
    ['Pieter Bakker', 'p.bakker@example.nl', 'Verkeerd bedrag afgeschreven', 'Er is €18,50 afgeschreven voor twintig minuten parkeren. Dat klopt niet, ik wil het verschil terug.', 4.1],
    ['Sanne Visser', 'sanne.visser@example.nl', 'Dubbel betaald parkeren', 'Ik zie twee afschrijvingen voor dezelfde parkeeractie. Kunt u één betaling terugboeken?', 3.6],
    ['Mohamed Yilmaz', 'm.yilmaz@example.nl', 'Parkeerkosten veel te hoog', 'De app blijft doorrekenen nadat ik ben weggereden. Ik bel al de derde keer hierover.', 3.1],
    ['Joyce Mulder', 'joyce.mulder@example.nl', 'Te veel betaald voor parkeren', 'Ook bij mij is te veel afgeschreven voor parkeren. Op tv hoorde ik dat meer mensen dit hebben.', 2.5],
  ] as const
).map(([name, email, subject, body, hoursAgo]) => ({ name, email, subject, body, hoursAgo }));

export const DEMO_STORIES: { story: string; messages: DemoMessage[] }[] = [
  { story: 'P1 parkeren: te veel afgerekend, niemand legt het verband', messages: parking },
  {
    story: 'P2 boekenclub failliet: wel informatie, geen aanspreekpunt',
    messages: [
      { name: 'Ria Jansen', email: 'ria.jansen@example.nl', hoursAgo: 98, subject: 'Bestelling na faillissement', body: 'Ik heb in september betaald voor drie boeken die nooit zijn geleverd. Uw mail over het faillissement zegt niet wie ik kan bellen. Bij wie kan ik terecht?' },
      { name: 'Kees Smit', email: 'kees.smit@example.nl', hoursAgo: 75, subject: 'Lidmaatschap en automatische incasso', body: 'Wordt de incasso voor mijn lidmaatschap stopgezet nu de club failliet is? Ik wil geen geld meer kwijtraken.' },
    ],
  },
  {
    story: 'P3 kabelbedrijf: contract eenzijdig gewijzigd, drie medewerkers, verkeerde informatie',
    messages: [
      { name: 'Anton Hendriks', email: 'anton.hendriks@example.nl', hoursAgo: 122, local: [5, 9, 12], subject: 'Contract zonder overleg gewijzigd', channel: 'phone', segment: 'gold', body: 'Ik kreeg een brief dat mijn abonnement is aangepast en duurder wordt. Ik heb hier nooit mee ingestemd. Ik heb drie keer gebeld, steeds iemand anders gesproken en elke keer een ander antwoord gekregen.' },
    ],
  },
  {
    story: 'P4 alledaagse fouten: afspraak niet nagekomen, nee is nee, dubbel afgeschreven',
    messages: [
      { name: 'Linda de Boer', email: 'linda.deboer@example.nl', hoursAgo: 27, local: [1, 12, 40], subject: 'Monteur kwam niet opdagen', body: 'Ik heb de hele ochtend vrij genomen voor de monteur tussen 8 en 12 uur. Er kwam niemand en niemand belde af.' },
      { name: 'Bram Peters', email: 'bram.peters@example.nl', hoursAgo: 50, subject: 'Bel me niet meer', flags: { sales_opt_out: true }, body: 'Ik heb al twee keer gezegd dat ik niet geïnteresseerd ben in een nieuw abonnement. Toch belt uw verkoopafdeling elke week. Bel me niet meer.' },
      { name: 'Noor Willems', email: 'noor.willems@example.nl', hoursAgo: 20, subject: 'Sportschool twee keer afgeschreven', body: 'Mijn contributie is deze maand twee keer afgeschreven, binnen een dag. De terugbetaling zou zes weken duren. Het afschrijven ging wel meteen.' },
    ],
  },
  {
    story: 'P5 telecom: van de ene op de andere dag een nieuwe naam, paniek en een mantra',
    messages: [
      { name: 'Tim van Dijk', email: 'tim.vandijk@example.nl', hoursAgo: 18, subject: 'Mijn app heet ineens anders', flags: { vulnerable: true }, body: 'Vanochtend was mijn app weg en stond er een andere naam. Ik raakte in paniek, ik dacht dat ik gehackt was. Ik heb autisme en dit soort veranderingen zonder uitleg vooraf zijn heel moeilijk voor mij.' },
      { name: 'Eva Koster', email: 'eva.koster@example.nl', hoursAgo: 12, subject: 'Standaardantwoord op mijn klacht', channel: 'social', flags: { media: true }, body: 'Ik stelde een concrete vraag over mijn factuur na de naamswijziging en kreeg hetzelfde standaardzinnetje als iedereen op sociale media. Ik schrijf er een stuk over.' },
    ],
  },
];
