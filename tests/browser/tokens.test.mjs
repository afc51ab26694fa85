// search.js must cut text into the same terms, and look them up in the same
// shards, as the build (src/search/tokenize.rs); both are held to one table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine } from './engine.mjs';

const TABLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'search', 'tokens.json');

test('the browser tokenizer gives the build\'s terms, shards and codes', () => {
  const hui = engine();
  for (const { text, terms, shards97, code } of JSON.parse(readFileSync(TABLE, 'utf8'))) {
    const got = hui.terms.query(text);
    assert.deepEqual([...got], terms, text);
    assert.deepEqual(terms.map((t) => hui.terms.shard(t, 97)), shards97, text);
    assert.equal(hui.terms.code(text), code, text);
  }
});
