#!/usr/bin/env node
// node bin/run-ts.mjs some/file.ts [args…]: run a TypeScript entry point (benchmarks, scripts).
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';
register();
const file = process.argv[2];
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(file)).href);
