/**
 * What the demo's customers write about in an ordinary fortnight, and how the team answers.
 * Our own words; every company, person and address is invented. Dutch first, some English.
 */
export type AgentKey = 'sanne' | 'ahmed' | 'joris';

export interface DemoTopic {
  key: string;
  language: 'nl' | 'en';
  /** messages a weekday on average (weekends half) */
  perDay: number;
  channel?: 'email' | 'web' | 'phone' | 'chat' | 'social';
  subjects: string[];
  bodies: string[];
  /** the first reply, to the customer's first name, signed by the agent */
  replies: ((first: string, agent: string) => string)[];
  /** share of the cases that are solved after the reply (the rest wait on the customer) */
  solved: number;
}

const sign = (agent: string) => `Met vriendelijke groet,\n${agent}\nKlantenservice Parkeren Demo`;
const signEn = (agent: string) => `Kind regards,\n${agent}\nCustomer service, Parkeren Demo`;

export const TOPICS: DemoTopic[] = [
  {
    key: 'factuur',
    language: 'nl',
    perDay: 2.2,
    subjects: ['Vraag over mijn factuur', 'Betaling niet verwerkt', 'Factuur klopt niet', 'Automatische betaling mislukt', 'Betalingen dubbel op mijn factuur'],
    bodies: [
      'Op mijn factuur van deze maand staan twee betalingen voor hetzelfde parkeerabonnement. Kunt u uitleggen waar de tweede betaling voor is?',
      'Mijn betaling via iDEAL is wel van mijn rekening gegaan, maar in de app staat de factuur nog als onbetaald. Hoe los ik dat op?',
      'Ik begrijp mijn factuur niet. Er staat een bedrag voor servicekosten op dat ik nergens heb afgesproken.',
      'De automatische betaling van mijn factuur is mislukt, terwijl er genoeg geld op mijn rekening stond. Moet ik nu zelf betalen?',
      'Ik heb een herinnering gekregen voor een factuur die ik al betaald heb. Hoe kan dat? De betaling staat op mijn afschrift.',
      'Kunt u mij een kopie van de factuur van vorige maand sturen? Ik heb hem nodig voor mijn werkgever.',
    ],
    replies: [
      (f, a) => `Beste ${f},\n\nDank u wel voor uw bericht en excuses voor de verwarring. Ik heb uw betaling gevonden en de factuur op betaald gezet; u hoeft niets meer te doen.\n\n${sign(a)}`,
      (f, a) => `Beste ${f},\n\nBedankt voor het doorgeven. De tweede regel op uw factuur was een fout van onze kant: ik heb het bedrag gecrediteerd, u ziet het terug op uw volgende factuur.\n\n${sign(a)}`,
      (f, a) => `Beste ${f},\n\nDank voor uw vraag. In de bijlage vindt u een kopie van de factuur; ik heb ook uitgezocht waar de servicekosten vandaan komen en ze voor u laten vervallen.\n\n${sign(a)}`,
    ],
    solved: 0.85,
  },
  {
    key: 'slagboom',
    language: 'nl',
    perDay: 1.1,
    subjects: ['Slagboom weigert mijn parkeerpas', 'Storing slagboom garage', 'Slagboom blijft dicht'],
    bodies: [
      'De slagboom van de garage aan het Stationsplein weigert sinds gisteren mijn parkeerpas. Ik moest een kaartje trekken en betalen.',
      'Vanochtend bleef de slagboom bij de uitgang dicht voor mijn pas, een storing zeker? Er stond een rij auto’s achter me.',
      'De slagboom weigert de pas die ik vorige week kreeg. Is de pas defect, moet ik een nieuwe aanvragen?',
      'Bij de garage Centrum weigert de slagboom mijn abonnementspas. Door die storing heb ik nu twee keer een los ticket betaald.',
    ],
    replies: [
      (f, a) => `Beste ${f},\n\nExcuses voor het ongemak bij de slagboom. Ik heb uw pas opnieuw geactiveerd; de losse tickets betalen we terug op uw rekening.\n\n${sign(a)}`,
      (f, a) => `Beste ${f},\n\nDank voor uw melding en sorry voor de wachttijd bij de uitgang. De lezer van de slagboom is vervangen en uw pas werkt weer.\n\n${sign(a)}`,
    ],
    solved: 0.9,
  },
  {
    key: 'inloggen',
    language: 'nl',
    perDay: 1.3,
    channel: 'web',
    subjects: ['Kan niet inloggen in de app', 'Wachtwoord vergeten, geen mail ontvangen', 'Inloggen lukt niet meer'],
    bodies: [
      'Ik kan niet meer inloggen in de parkeerapp. Ik krijg steeds de melding dat mijn wachtwoord onjuist is, ook na het herstellen.',
      'Ik heb op wachtwoord vergeten gedrukt, maar ik krijg geen mail om mijn wachtwoord te herstellen. Ook niet in mijn spam.',
      'Sinds de laatste update van de app lukt inloggen niet meer. Het scherm blijft wit na het invullen van mijn gegevens.',
    ],
    replies: [
      (f, a) => `Beste ${f},\n\nDank voor uw bericht. Ik heb een nieuwe link gestuurd om uw wachtwoord te herstellen; die werkt 24 uur. Lukt het daarna nog niet, antwoord dan op deze mail.\n\n${sign(a)}`,
      (f, a) => `Beste ${f},\n\nExcuses voor het gedoe met inloggen. Met de nieuwste versie van de app is dit opgelost; wilt u de app bijwerken en het opnieuw proberen?\n\n${sign(a)}`,
    ],
    solved: 0.7,
  },
  {
    key: 'opzeggen',
    language: 'nl',
    perDay: 0.5,
    subjects: ['Abonnement opzeggen', 'Opzeggen parkeerabonnement'],
    bodies: [
      'Ik wil mijn parkeerabonnement opzeggen per het einde van deze maand. Ik verhuis en heb geen auto meer nodig in de stad.',
      'Graag zeg ik mijn abonnement op. Kunt u bevestigen wanneer de laatste afschrijving is?',
    ],
    replies: [
      (f, a) => `Beste ${f},\n\nDank u wel voor uw bericht. Uw abonnement is opgezegd per het einde van deze maand; de laatste afschrijving is op de eerste van de maand.\n\n${sign(a)}`,
    ],
    solved: 1,
  },
  {
    key: 'vergunning',
    language: 'nl',
    perDay: 0.7,
    subjects: ['Bewonersvergunning aanvragen', 'Vraag over bezoekersvergunning'],
    bodies: [
      'Ik ben net verhuisd naar de binnenstad. Hoe vraag ik een bewonersvergunning aan en hoe lang duurt dat?',
      'Hoeveel uur bezoekersparkeren zit er bij mijn vergunning? Mijn ouders komen een week logeren.',
      'Kan ik mijn bewonersvergunning overzetten naar mijn nieuwe auto? Het kenteken is veranderd.',
    ],
    replies: [
      (f, a) => `Beste ${f},\n\nDank voor uw vraag. U vraagt de vergunning aan via de app onder Vergunningen; u krijgt bericht zodra hij is toegekend. In ons artikel "Bewonersvergunning aanvragen" staat wat u nodig heeft.\n\n${sign(a)}`,
      (f, a) => `Beste ${f},\n\nBedankt voor uw bericht. Ik heb het nieuwe kenteken aan uw vergunning gekoppeld; hij geldt meteen.\n\n${sign(a)}`,
    ],
    solved: 0.9,
  },
  {
    key: 'login-en',
    language: 'en',
    perDay: 0.4,
    channel: 'web',
    subjects: ['Cannot log in to the app', 'Password reset mail never arrives'],
    bodies: [
      'I cannot log in to the parking app any more. It says my password is wrong, even after I reset it twice.',
      'I asked for a password reset but the mail never arrives, not even in my spam folder. Could you help?',
    ],
    replies: [
      (f, a) => `Dear ${f},\n\nThank you for writing, and sorry for the trouble. I have sent you a new reset link, valid for 24 hours; the latest version of the app fixes the login error.\n\n${signEn(a)}`,
    ],
    solved: 0.8,
  },
  {
    key: 'invoice-en',
    language: 'en',
    perDay: 0.3,
    subjects: ['Question about my invoice', 'Charged twice this month'],
    bodies: [
      'My invoice shows two payments for the same parking permit this month. Could you explain the second payment?',
      'I was charged twice for my monthly subscription. Please refund one of the payments.',
    ],
    replies: [
      (f, a) => `Dear ${f},\n\nThank you for letting us know, and apologies for the double charge. I have refunded the second payment; you will see it on your account within two business days.\n\n${signEn(a)}`,
    ],
    solved: 0.9,
  },
];

/**
 * The parking app that charges too much (story P1): a handful of messages over the fortnight,
 * then many people write on the same morning — the spike listening picks up.
 */
export const OVERCHARGE = {
  subjects: ['Parkeersessie rekent door', 'Te veel betaald voor parkeersessie', 'Parkeersessie stopt niet'],
  bodies: [
    'Mijn parkeersessie bleef doorrekenen nadat ik hem in de app had gestopt. Er is te veel afgeschreven, ik wil mijn geld terug.',
    'De app heeft voor mijn parkeersessie te veel afgeschreven: ik stond een uur en betaalde voor drie uur. Graag het verschil terug.',
    'Ik heb te veel betaald voor mijn parkeersessie, de app rekende de hele middag door terwijl ik er twintig minuten stond.',
    'Weer te veel afgeschreven voor een parkeersessie via de app. De sessie stopt niet als ik op stoppen druk. Graag terugbetalen.',
  ],
};

/** A new topic that appears out of nowhere (story P5): the app got another name overnight. */
export const RENAME = {
  subjects: ['Mijn app heet ineens anders', 'App heet ineens anders', 'Waarom heet mijn app ineens anders?'],
  bodies: [
    'Mijn parkeerapp heet ineens anders en heeft een ander logo. Ik ben hier erg ontevreden over: is dit nog wel jullie app? Ik durf niet te betalen.',
    'Vanochtend heette mijn parkeerapp ineens anders, zonder enig bericht vooraf. Ik ben teleurgesteld. Is mijn app gehackt?',
    'Waarom heet de app ineens anders? Ik schrok me rot en dacht dat het een nepapp was. Dit is een klacht: dit had u vooraf moeten melden.',
    'De app heet ineens anders en ik kan mijn parkeerhistorie niet meer vinden. Ik ben ontevreden dat dit zonder uitleg gebeurt.',
  ],
};
