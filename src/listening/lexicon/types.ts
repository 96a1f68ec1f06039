/** One language's sentiment lexicon, as the scorer reads it. Words and patterns are folded. */
export interface LexiconData {
  /** word -> [polarity -1..1, anger 0..1 (default 0)] */
  words: Readonly<Record<string, readonly [number, number?]>>;
  /** word -> multiplier for the next sentiment word (> 1 strengthens, < 1 weakens) */
  intensifiers: Readonly<Record<string, number>>;
  /** [global pattern on folded text, polarity, anger]: expressions single words cannot carry */
  phrases: readonly (readonly [RegExp, number, number])[];
  /** global pattern for greetings and sign-offs whose words must not count */
  ignore: RegExp;
}
