/** The sign-in mail: the link, how long it works, and what to do when you did not ask for it. */
export function linkMail(o: { language: 'nl' | 'en'; name: string; company: string; url: string; minutes: number }): { subject: string; text: string } {
  const name = o.name.trim();
  if (o.language === 'en') {
    return {
      subject: `Your sign-in link for ${o.company}`,
      text: [
        name ? `Dear ${name},` : 'Hello,',
        '',
        `Here is your link to see your cases with ${o.company}:`,
        '',
        o.url,
        '',
        `It works once, for ${o.minutes} minutes. Did you not ask for it? Then you can ignore this e-mail: without the link nobody signs in.`,
        '',
        'Kind regards,',
        o.company,
      ].join('\n'),
    };
  }
  return {
    subject: `Uw inloglink voor ${o.company}`,
    text: [
      name ? `Beste ${name},` : 'Beste klant,',
      '',
      `Met deze link ziet u uw dossiers bij ${o.company}:`,
      '',
      o.url,
      '',
      `De link werkt één keer, ${o.minutes} minuten lang. Heeft u hier niet om gevraagd? Dan kunt u deze e-mail negeren: zonder de link logt niemand in.`,
      '',
      'Met vriendelijke groet,',
      o.company,
    ].join('\n'),
  };
}
