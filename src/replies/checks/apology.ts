import type { Check } from '../types.ts';
import { allMatches } from '../text-match.ts';
import { APOLOGY, onlyNonApologies, regretIsNotApology } from './regret.ts';
import { findModelHits } from '../model/find-hits.ts';

/** A complaint deserves an apology; a question does not need one. */
export const apology: Check = (draft, ctx) => {
  if (!ctx.isComplaint) return [];
  // a word of regret is an apology unless what it regrets is the customer's view, a feeling, leaving, a question…
  for (const hit of allMatches(draft, APOLOGY)) if (!regretIsNotApology(draft, hit.start, hit.end)) return [];
  // an apology in words the list does not have ("neem het ons niet kwalijk", "we owe you one"): a sentence the model
  // finds counts unless its only words of regret are no apology
  if (findModelHits('apology', draft, ctx.language).some((h) => !onlyNonApologies(h.text))) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'apology', severity: 'warning', span: null, message: 'Deze klacht krijgt geen excuses.', suggestion: 'Bied excuses aan voor wat er misging, bijvoorbeeld: "Het spijt ons dat u te veel heeft betaald."' }
      : { check: 'apology', severity: 'warning', span: null, message: 'This complaint gets no apology.', suggestion: 'Apologise for what went wrong, e.g. "I am sorry you were charged too much."' },
  ];
};

