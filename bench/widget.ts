// The chat widget's weight: everything a host page loads for it (one script, no other files), raw and
// gzipped as the server sends it, against the budget of 40 KB gzipped. Kept there: this prints
// the figure; the budget itself is the line a reviewer compares.
import { gzipSync } from 'node:zlib';
import { WIDGET_SOURCE } from '../src/http/routes/chat.ts';

const BUDGET = 40 * 1024;
const raw = Buffer.byteLength(WIDGET_SOURCE);
const gz = gzipSync(WIDGET_SOURCE, { level: 9 }).length;
console.log(`widget.js: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (the only file a host page loads; budget ${BUDGET / 1024} KB)`);
console.log(`RESULT widget_gzip ${(gz / 1024).toFixed(2)} KB baseline=${BUDGET / 1024} ratio=${(gz / BUDGET).toFixed(3)}`);
