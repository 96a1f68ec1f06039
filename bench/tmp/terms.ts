import { readFileSync } from 'node:fs';
import { analyseMessage } from '../../src/listening/analyse-message.ts';
import { clusterTerms } from '../../src/listening/listen-to-message.ts';
const st = readFileSync('bench/eval-dev/stories.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((s: any) => s.story === (process.env.S ?? 'a'));
for (const m of st.slice(0, Number(process.env.N ?? 8))) {
  const a = analyseMessage(m.text); const s = analyseMessage(m.subject);
  console.log(m.id, '|', clusterTerms([...s.stems, ...a.stems]).join(' '));
}
