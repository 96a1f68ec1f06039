import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cliRunner } from '../cli.ts';

/** `luister channels set --chat-bot on|off` and a WhatsApp template marked for callbacks (issue 17). */
const { dataDir, luister, json, account } = cliRunner('luister-bot-cli-');

let a: string[];
before(() => {
  a = account('Bot BV');
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('the chat bot is off by default, switched on and off from the CLI; a bad value is refused', () => {
  const set = json(luister('channels', 'set', '--slug', `bot-bv-${process.pid}`, ...a));
  assert.equal(set.chat_bot_enabled, false);
  assert.equal(json(luister('channels', 'set', '--chat-bot', 'on', ...a)).chat_bot_enabled, true);
  const bad = luister('channels', 'set', '--chat-bot', 'ja', ...a);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /--chat-bot is on or off/);
  assert.equal(json(luister('channels', 'set', '--chat-bot', 'off', ...a)).chat_bot_enabled, false);
});

test('a WhatsApp template marked for callbacks: name:language:callback', () => {
  const wa = json(luister('channels', 'whatsapp', 'set', '--templates', 'case_update:nl,terugbellen:nl:callback', ...a));
  assert.deepEqual(wa.templates, [{ name: 'case_update', language: 'nl' }, { name: 'terugbellen', language: 'nl', use: 'callback' }]);
  const bad = luister('channels', 'whatsapp', 'set', '--templates', 'terugbellen:nl:marketing', ...a);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /name:language:callback/);
});
