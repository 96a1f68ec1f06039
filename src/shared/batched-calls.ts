/**
 * Calls that arrive at the same time, run together: `run` gets the waiting inputs (at most
 * `maxBatch`) and returns one result or Error per input, in order. At most `inFlight` runs at once;
 * the inputs that arrive meanwhile form the next run, so under load a batch grows by itself and an
 * idle process runs a lone call at once, without a timer (the e-mail intake's and the chat's group
 * commits). A run that throws fails every input of that run with its Error.
 */
export function batchedCalls<I, O>(
  run: (inputs: I[]) => Promise<(O | Error)[]>,
  opts: { maxBatch: number; inFlight: number },
): (input: I) => Promise<O> {
  const queue: { input: I; resolve: (o: O) => void; reject: (err: Error) => void }[] = [];
  let running = 0;

  async function drain() {
    running++;
    try {
      while (queue.length) {
        const batch = queue.splice(0, opts.maxBatch);
        const results = await run(batch.map((w) => w.input)).catch((err: unknown) =>
          batch.map(() => (err instanceof Error ? err : new Error(String(err)))),
        );
        batch.forEach((w, i) => {
          const r = results[i];
          if (r instanceof Error) w.reject(r);
          else w.resolve(r);
        });
      }
    } finally {
      running--;
    }
  }

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (running < opts.inFlight) void drain();
    });
}
