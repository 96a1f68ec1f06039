/** The customer portal's settings screen (web/src/channels/PortalSettings.tsx). */
export const portal = {
  portal: {
    nav: 'Klantportaal',
    title: 'Klantportaal',
    intro: 'Klanten loggen in met een link die we mailen naar een adres dat we van hen kennen, zonder wachtwoord. Ze zien hun lopende en afgeronde dossiers, de berichten en wat we hen beloofden, en reageren er direct.',
    enabled: 'Klantportaal aan',
    on: 'Aan: klanten loggen in op {{url}}. Bevestigingsmails noemen dit adres.',
    off: 'Uit: niemand kan inloggen, en wie ingelogd was, is uitgelogd.',
    open: 'Portaal openen',
    linkMinutes: 'Een inloglink werkt (minuten)',
    linkRange: 'Vul een heel getal van 5 tot 60 in.',
    idleMinutes: 'Uitloggen na zoveel minuten niets doen',
    idleRange: 'Vul een heel getal van 5 tot 240 in.',
    noPublicUrl: 'PUBLIC_URL is niet ingesteld: zonder het openbare adres kunnen geen inloglinks worden verstuurd.',
    save: 'Opslaan',
    saved: 'Klantportaal opgeslagen.',
    adminsOnly: 'Alleen beheerders stellen het klantportaal in.',
  },
};
