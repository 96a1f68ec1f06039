/**
 * The text of a survey mail, in the customer's language: one link per score, each opening a page to confirm it with a button
 * (CSAT 1–5 after a solved case, NPS 0–10), and how to stop receiving surveys. Pure.
 */
export interface SurveyMailInput {
  kind: 'csat' | 'nps';
  language: 'nl' | 'en';
  /** the survey link without the score: `${PUBLIC_URL}/s/<token>` */
  link: string;
  unsubscribe: string;
  caseRef: string | null;
  company: string;
}

export function surveyMail(m: SurveyMailInput): { subject: string; text: string } {
  const scores = m.kind === 'csat' ? [5, 4, 3, 2, 1] : [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
  const nl = m.language === 'nl';
  const label = (s: number) => m.kind === 'csat'
    ? (nl ? ['', 'Slecht', 'Matig', 'Gaat wel', 'Goed', 'Heel goed'] : ['', 'Poor', 'Fair', 'OK', 'Good', 'Very good'])[s]
    : String(s);
  const lines = scores.map((s) => `${label(s).padEnd(10)} ${m.link}?score=${s}`);
  const ref = m.caseRef ? ` [${m.caseRef}]` : '';
  if (m.kind === 'csat') {
    return nl
      ? { subject: `Hoe hebben wij u geholpen?${ref}`, text: `Goedendag,\n\nUw vraag${ref} is afgehandeld. Hoe tevreden bent u over hoe ${m.company} u heeft geholpen? Klik op uw score:\n\n${lines.join('\n')}\n\nGeen enquêtes meer ontvangen? ${m.unsubscribe}\n` }
      : { subject: `How did we help you?${ref}`, text: `Hello,\n\nYour question${ref} has been resolved. How satisfied are you with the help ${m.company} gave you? Click your score:\n\n${lines.join('\n')}\n\nNo more surveys? ${m.unsubscribe}\n` };
  }
  return nl
    ? { subject: `Zou u ${m.company} aanbevelen?`, text: `Goedendag,\n\nHoe waarschijnlijk is het dat u ${m.company} aanbeveelt aan vrienden of collega's? 10 is zeer waarschijnlijk, 0 helemaal niet. Klik op uw score:\n\n${lines.join('\n')}\n\nGeen enquêtes meer ontvangen? ${m.unsubscribe}\n` }
    : { subject: `Would you recommend ${m.company}?`, text: `Hello,\n\nHow likely are you to recommend ${m.company} to a friend or colleague? 10 is very likely, 0 not at all. Click your score:\n\n${lines.join('\n')}\n\nNo more surveys? ${m.unsubscribe}\n` };
}

/** NPS from 0–10 answers: % promoters (9–10) minus % detractors (0–6), null without answers. */
export function netPromoterScore(scores: readonly number[]): number | null {
  return npsFromCounts(scores.filter((s) => s >= 9).length, scores.filter((s) => s <= 6).length, scores.length);
}

/** The same from counts (a week's promoters, detractors and answers). */
export function npsFromCounts(promoters: number, detractors: number, responses: number): number | null {
  return responses ? Math.round(((promoters - detractors) / responses) * 100) : null;
}
