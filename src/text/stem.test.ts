import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from './stem.ts';

test('Dutch Snowball stems join inflections', () => {
  assert.equal(stem('terugbetaling', 'nl'), stem('terugbetalingen', 'nl'));
  assert.equal(stem('klachten', 'nl'), 'klacht');
  assert.equal(stem('factuur', 'nl'), stem('facturen', 'nl'));
  assert.equal(stem("auto's", 'nl'), 'auto');
  assert.equal(stem('geinteresseerd', 'nl'), 'geinteresseerd');
});

test('English Snowball (Porter2) stems', () => {
  assert.equal(stem('charged', 'en'), stem('charges', 'en'));
  assert.equal(stem('cancelled', 'en'), 'cancel');
  assert.equal(stem('generously', 'en'), 'generous');
  assert.equal(stem('refunds', 'en'), 'refund');
});

test('short words pass through', () => {
  assert.equal(stem('ik', 'nl'), 'ik');
  assert.equal(stem('me', 'en'), 'me');
});
