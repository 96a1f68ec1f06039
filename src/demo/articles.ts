import type { Translations } from '../knowledge/types.ts';
import type { AgentKey } from './topics.ts';

/**
 * The demo's knowledge base: answers the team wrote over the fortnight, Dutch first and most of
 * them in English too; some published to the help centre, one internal. Our own words.
 */
export interface DemoArticle {
  daysAgo: number;
  author: AgentKey;
  tags: string[];
  publish: boolean;
  translations: Translations;
  /** a later edit (a second version, for the version history) */
  edit?: { daysAgo: number; author: AgentKey; nl: { body: string } };
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    daysAgo: 13,
    author: 'joris',
    tags: ['parkeren', 'terugbetaling'],
    publish: true,
    translations: {
      nl: {
        title: 'Te veel betaald voor parkeren? Zo krijgt u het terug',
        body: 'Heeft de app langer afgerekend dan u stond, of ziet u een dubbele betaling? Stuur ons de datum, de plaats en het kenteken. Wij zoeken de parkeersessie op en storten het verschil binnen vijf werkdagen terug op de rekening waarmee u betaalde. U hoeft geen formulier in te vullen.',
      },
      en: {
        title: 'Paid too much for parking? How to get it back',
        body: 'Did the app charge for longer than you parked, or do you see a double payment? Send us the date, the place and the licence plate. We look up the parking session and refund the difference within five business days to the account you paid from. No form needed.',
      },
    },
    edit: {
      daysAgo: 2,
      author: 'sanne',
      nl: {
        body: 'Heeft de app langer afgerekend dan u stond, of ziet u een dubbele betaling? Stuur ons de datum, de plaats en het kenteken. Wij zoeken de parkeersessie op en storten het verschil binnen drie werkdagen terug op de rekening waarmee u betaalde. U hoeft geen formulier in te vullen. Stopt uw sessie niet in de app? Stop hem dan via parkeren.example.nl/stoppen; wij rekenen vanaf dat moment niets meer.',
      },
    },
  },
  {
    daysAgo: 12,
    author: 'sanne',
    tags: ['factuur', 'betaling'],
    publish: true,
    translations: {
      nl: {
        title: 'Uw factuur en betalingen uitgelegd',
        body: 'Op uw factuur staan per maand uw abonnement, uw losse parkeersessies en eventuele bezoekersuren. Betalingen via automatische incasso worden rond de vijfde van de maand afgeschreven. Is een betaling mislukt, dan proberen we het na vijf dagen opnieuw; u krijgt daarover een mail. Een kopie van een oude factuur vindt u in de app onder Facturen.',
      },
      en: {
        title: 'Your invoice and payments explained',
        body: 'Your invoice lists your subscription, your separate parking sessions and any visitor hours for the month. Direct debits are collected around the fifth of the month. If a payment fails, we try again after five days and send you a mail about it. Copies of older invoices are in the app under Invoices.',
      },
    },
  },
  {
    daysAgo: 11,
    author: 'ahmed',
    tags: ['slagboom', 'parkeerpas'],
    publish: true,
    translations: {
      nl: {
        title: 'Parkeerpas werkt niet bij de slagboom',
        body: 'Houd de pas vlak voor de lezer, niet in een hoesje met andere passen. Gaat de slagboom niet open, druk dan op de intercom: de centrale opent hem op afstand. Een los ticket dat u daardoor moest betalen, betalen wij terug. Werkt de pas helemaal niet meer, dan sturen we binnen twee werkdagen een nieuwe.',
      },
    },
  },
  {
    daysAgo: 10,
    author: 'sanne',
    tags: ['app', 'inloggen'],
    publish: true,
    translations: {
      nl: {
        title: 'Inloggen in de app lukt niet',
        body: 'Werk de app eerst bij naar de nieuwste versie. Vraag daarna via Wachtwoord vergeten een nieuwe link aan; die werkt 24 uur. Komt de mail niet binnen, kijk dan in uw map met ongewenste mail of vraag ons de link opnieuw te sturen.',
      },
      en: {
        title: 'Cannot log in to the app',
        body: 'First update the app to the latest version. Then ask for a new link through Forgot password; it works for 24 hours. If the mail does not arrive, check your junk folder or ask us to send the link again.',
      },
    },
  },
  {
    daysAgo: 9,
    author: 'joris',
    tags: ['vergunning'],
    publish: true,
    translations: {
      nl: {
        title: 'Bewonersvergunning aanvragen',
        body: 'U vraagt een bewonersvergunning aan in de app onder Vergunningen. U heeft uw kenteken en het adres waar u staat ingeschreven nodig. Binnen vijf werkdagen hoort u of de vergunning is toegekend. Een nieuw kenteken koppelt u zelf in de app; de vergunning geldt dan meteen.',
      },
      en: {
        title: 'Applying for a residents’ permit',
        body: 'Apply for a residents’ permit in the app under Permits. You need your licence plate and the address where you are registered. Within five business days you hear whether the permit is granted. You can link a new licence plate yourself in the app; the permit applies at once.',
      },
    },
  },
  {
    daysAgo: 5,
    author: 'joris',
    tags: ['intern', 'escalatie'],
    publish: false,
    translations: {
      nl: {
        title: 'Intern: wanneer escaleer je naar de tweede lijn?',
        body: 'Escaleer naar L2 als een klant voor de derde keer over hetzelfde contact opneemt, als er geld terug moet dat boven de €100 uitkomt, of als een klant kwetsbaar is of de pers noemt. Schrijf in de reden wat er al geprobeerd is, zodat de klant zijn verhaal niet opnieuw hoeft te doen.',
      },
    },
  },
];
