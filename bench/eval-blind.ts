/**
 * The blind evaluation set of issue 14: `node bin/run-ts.mjs bench/eval-blind.ts`
 *
 * Runs the product, as a user installs it, over the frozen set in bench/eval-blind/ (see its README.md for the
 * formats and label definitions; the .jsonl files are never written here):
 *   1. messages.jsonl  → analyseMessage: intents, sentiment, anger, sarcasm, vulnerability (eval-messages.ts)
 *   2. replies.jsonl   → the reply checks, each label mapped to the check meant to catch it (eval-replies.ts)
 *   3. promises.jsonl  → findPromises: found, kind, time (eval-promises.ts)
 *   4. story-*.jsonl   → intake + analysis job + signals + problem + {{amount}} on PGlite (eval-story.ts)
 *
 * "As a user installs it": the only data the product reads from outside its own package is the CLiPS Pattern
 * Dutch lexicon, from ../shared/data/dutch/pattern-nl/nl-sentiment.xml when that file is beside the checkout
 * (src/listening/lexicon/pattern-nl.ts; PATTERN_NL_XML overrides the path). A user's clone has no ../shared, so
 * this benchmark points PATTERN_NL_XML at a path that does not exist before any product module is loaded (hence the
 * dynamic imports below), and checks that the lexicon came up empty. EVAL_WITH_SHARED=1 runs with ../shared
 * instead, for comparison only.
 *
 * Headline: macro-F1 over the 7 binary message labels (5 intents, anger, vulnerable) against the "always true"
 * baseline (the best label-blind constant guess for F1), in the same run. Prints one RESULT line; never asserts.
 */
if (process.env.EVAL_WITH_SHARED !== '1') process.env.PATTERN_NL_XML = '/nonexistent/luister-eval-blind/nl-sentiment.xml';

const { loadPatternLexicon } = await import('../src/listening/lexicon/pattern-nl.ts');
const pattern = loadPatternLexicon().size;
const config = process.env.EVAL_WITH_SHARED === '1' ? `EVAL_WITH_SHARED=1: ../shared used when present (Pattern lexicon: ${pattern} forms)${pattern ? ' — not what a user gets' : ''}` : `as a user installs it: no ../shared (Pattern lexicon: ${pattern} forms)`;
if (process.env.EVAL_WITH_SHARED !== '1' && pattern !== 0) throw new Error('the ../shared Pattern lexicon was loaded although it should be hidden');

console.log(`# eval-blind: the frozen blind set of issue 14, ${config}\n`);
const { evalMessages } = await import('./eval-blind/eval-messages.ts');
const { evalReplies } = await import('./eval-blind/eval-replies.ts');
const { evalPromises } = await import('./eval-blind/eval-promises.ts');
const { evalStory } = await import('./eval-blind/eval-story.ts');

const messages = evalMessages();
evalReplies();
evalPromises();
const story = process.env.EVAL_SKIP_STORY === '1' ? null : await evalStory();

console.log('## Summary\n');
console.log(`- message labels: macro-F1 ${messages.macroF1.toFixed(3)} over ${messages.labels} labels (always-true baseline ${messages.baselineF1.toFixed(3)})`);
if (story) {
  console.log(`- story: first signal after customer ${story.firstSignalAt ?? 'never'} (goal <= 5); false signals ${story.falseSignals} ` +
    `(worst group ${story.maxPerGroupMonth.toFixed(1)}/topic-month, goal <= 1); on the problem ${story.onProblem}/20 (goal >= 18); ` +
    `amounts right ${story.amountsRight}/20 (goal >= 19)`);
}
console.log('');
const ratio = messages.baselineF1 > 0 ? messages.macroF1 / messages.baselineF1 : 0;
console.log(`RESULT eval-blind ${messages.macroF1.toFixed(3)} macro-F1 baseline=${messages.baselineF1.toFixed(3)} ratio=${ratio.toFixed(2)}`);
