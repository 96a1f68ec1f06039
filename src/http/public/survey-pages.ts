import { escapeHtml } from './html.ts';
import { rightsPage } from './rights-pages.ts';
import type { SurveyState } from '../../rights/answer-survey.ts';

const CSAT_NL = ['', 'Slecht', 'Matig', 'Gaat wel', 'Goed', 'Heel goed'];
const CSAT_EN = ['', 'Poor', 'Fair', 'OK', 'Good', 'Very good'];

/**
 * The page a score link in a survey mail opens: the score clicked is preselected, the customer
 * confirms with the button (and may add a comment). Nothing is recorded by opening it — mail
 * scanners and link previewers follow links. Dutch first, English beneath. Pure.
 */
export function surveyFormPage(token: string, s: SurveyState, chosen: number | null): string {
  const scores = s.kind === 'csat' ? [5, 4, 3, 2, 1] : [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
  const selected = chosen !== null && scores.includes(chosen) ? chosen : s.score;
  const label = (n: number) => (s.kind === 'csat' ? `${n} – ${CSAT_NL[n]} <span lang="en">· ${CSAT_EN[n]}</span>` : String(n));
  const question = s.kind === 'csat'
    ? 'Hoe tevreden bent u over onze hulp? <span lang="en">· How satisfied are you with our help?</span>'
    : 'Hoe waarschijnlijk is het dat u ons aanbeveelt? (10 = zeer waarschijnlijk) <span lang="en">· How likely are you to recommend us? (10 = very likely)</span>';
  const radios = scores.map((n) =>
    `<label style="display:${s.kind === 'csat' ? 'block' : 'inline-block'};margin:.25rem .75rem .25rem 0"><input type="radio" name="score" value="${n}" required${n === selected ? ' checked' : ''}> ${label(n)}</label>`).join('');
  const intro = s.score !== null
    ? `<p>U heeft deze vraag beantwoord met ${s.score}. U kunt uw antwoord nog een dag wijzigen. <span lang="en">You answered ${s.score}; you may change it for a day.</span></p>`
    : '<p>Uw antwoord telt pas als u op de knop drukt. <span lang="en">Your answer counts once you press the button.</span></p>';
  return rightsPage('Uw mening', `<h1>Uw mening <span lang="en">· Your opinion</span></h1>${intro}` +
    `<form method="post" action="/s/${escapeHtml(token)}"><fieldset style="border:0;padding:0"><legend>${question}</legend>${radios}</fieldset>` +
    `<p><label for="c">Wilt u er iets over kwijt? (niet verplicht) <span lang="en">· Anything to add? (optional)</span></label><br>` +
    `<textarea id="c" name="comment" rows="5" maxlength="4000" style="width:100%;font:inherit">${escapeHtml(s.comment ?? '')}</textarea></p>` +
    `<button type="submit" style="font:inherit;padding:.5rem 1rem">Antwoord versturen · Send answer</button></form>`);
}

export const surveyThanksPage = (score: number, changed: boolean) => rightsPage('Dank u',
  `<h1>Dank u voor uw antwoord (${score}).</h1><p>${changed ? 'Uw antwoord is gewijzigd.' : 'Uw antwoord is ontvangen.'}</p>` +
  `<p lang="en">Thank you for your answer${changed ? ' — it was changed' : ''}.</p>`);

export const surveyClosedPage = (score: number | null) => rightsPage('Al beantwoord',
  `<h1>U had deze vraag al beantwoord${score === null ? '' : ` (${score})`}. Dank u!</h1><p lang="en">You already answered. Thank you!</p>`);

export const surveyInvalidPage = () => rightsPage('Link ongeldig', '<h1>Deze link is niet (meer) geldig.</h1><p lang="en">This link is not valid.</p>');
