import { analyseMessage } from './src/listening/analyse-message.ts';
import { readMessage } from './src/listening/read-message.ts';
import { scoreMessage } from './src/listening/message-model/score-message.ts';
for (const t of process.argv.slice(2)) { const r = readMessage(t); const h = scoreMessage({ folded: r.folded, all: r.all, language: r.language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment }); const a = analyseMessage(t); console.log(t.slice(0,60), JSON.stringify(Object.fromEntries(Object.entries(h!).map(([k,v])=>[k,+v.toFixed(2)]))), a.sentiment, a.anger, a.intents.join(','), a.languageConfidence); }
