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
 * "As a user installs it": the product reads nothing from ../shared at run time (issue 14). The Pattern Dutch
 * adjectives come from the npm package @nlpjs/lang-nl and the message model's weights are shipped in
 * src/listening/message-model/weights.json. EVAL_WITH_SHARED is kept for old command lines; it changes nothing now.
 *
 * Headline: macro-F1 over the 7 binary message labels (5 intents, anger, vulnerable) against the "always true"
 * baseline (the best label-blind constant guess for F1), in the same run. Prints one RESULT line; never asserts.
 */
const { loadPatternLexicon } = await import('../src/listening/lexicon/pattern-nl.ts');
const { shippedModel } = await import('../src/listening/message-model/score-message.ts');
const pattern = loadPatternLexicon().size;
const config = `as a user installs it: nothing read from ../shared (Pattern stems from @nlpjs/lang-nl: ${pattern}; message model: ${shippedModel() ? 'shipped' : 'MISSING'})`;

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
