/** The settings index (web/src/settings): one place for what is set up once, out of the daily top bar. */
export const settings = {
  settings: {
    nav: 'Instellingen',
    title: 'Instellingen',
    intro: 'Wat u eenmalig instelt, bij elkaar. Het dagelijkse werk staat in de balk bovenaan.',
    you: 'Uw aanmelding',
    doors: 'Hoe klanten u bereiken',
    team: 'Team en toegang',
    work: 'Werkwijze',
    data: 'Gegevens van klanten',
    security: 'Aanmelden in twee stappen voor uzelf; beheerders verplichten het per rol of per medewerker.',
    channels: 'Contactformulier, chat, terugbelafspraken, telefoon en WhatsApp, met openingstijden.',
    portal: 'Klanten volgen hun dossiers en reageren online, na inloggen met een link per mail.',
    statusPage: 'De openbare statuspagina: onderdelen, tijdzone en abonnees.',
    sso: 'Aanmelden via de identiteitsprovider van uw organisatie (OpenID Connect).',
    roles: 'Eigen rollen uit benoemde rechten, bovenop de vaste rol, en wie welke rol heeft.',
    macros: 'Vaste handelingen met één klik: status, prioriteit, team, labels, notitie en antwoord.',
    dashboardPanels: 'Automatisch sluiten, NPS-rondes en het uurtarief staan onder het overzicht met cijfers.',
    imports: 'Geschiedenis uit een mailarchief of uit Zendesk, Freshdesk, Zammad of Chatwoot: eerst een proefimport, dan echt.',
    retention: 'Hoe lang Luister zaken en berichten bewaart, en de bewaarregels nu uitvoeren.',
  },
};
