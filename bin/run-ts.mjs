#!/usr/bin/env node
// node bin/run-ts.mjs some/file.ts [args…]: run a TypeScript entry point (benchmarks, scripts).
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';
register();
const file = resolve(process.argv[2]);
// as if node had run the file itself: argv[1] is the script (so `import.meta.url === argv[1]` finds the entry point)
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);
