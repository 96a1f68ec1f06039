import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';

/** Asks on the terminal; `hidden` does not echo (passwords). */
export async function ask(question: string, hidden = false): Promise<string> {
  if (!stdin.isTTY) throw new Error(`${question.trim()} — not a terminal; pass it as an option`);
  const rl = createInterface({ input: stdin, output: stdout, terminal: true });
  if (hidden) {
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        stdout.write(s);
        asked = true;
      }
    };
  }
  const answer = await rl.question(question);
  if (hidden) stdout.write('\n');
  rl.close();
  return answer.trim();
}
