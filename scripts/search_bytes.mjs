#!/usr/bin/env node
// What one query loads: for each query, the index files (manifest, term
// shards, page texts) that search.js loads for it, in bytes, with the script.
//
//   node scripts/search_bytes.mjs PUBLIC_DIR [--lang zh] [QUERY …]
//
// Runs the theme's search.js under Node (tests/browser/engine.mjs), so it
// needs no browser. Without queries it uses a mixed set: names, topics,
// codes and a question in Chinese and English words.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { engine, search } from '../tests/browser/engine.mjs';

const args = process.argv.slice(2);
const site = args.shift();
if (!site) {
  console.error('usage: node scripts/search_bytes.mjs PUBLIC_DIR [--lang zh] [QUERY …]');
  process.exit(2);
}
let lang = 'zh';
const li = args.indexOf('--lang');
if (li >= 0) { lang = args[li + 1]; args.splice(li, 2); }
const queries = args.length ? args : ['产业', '新能源', '招商引资政策', '王', '人才公寓有哪些补贴？', '5G', 'investment', 'batteries', '2023', 'policy support for land'];
// Theme files are fingerprinted (`search.5c01edc5f3.js`); an older build
// has the plain name.
const scriptName = readdirSync(path.join(site, 'assets'))
  .find((f) => /^search(\.[0-9a-f]+)?\.js$/.test(f));
if (!scriptName) {
  console.error(`${site}: no assets/search.js; is it a site that hui built?`);
  process.exit(2);
}
const script = statSync(path.join(site, 'assets', scriptName)).size;
let worst = 0;
for (const q of queries) {
  const loaded = [];
  const res = await search(engine(site, loaded), lang, q);
  const bytes = script + loaded.reduce((s, [, n]) => s + n, 0);
  worst = Math.max(worst, bytes);
  console.log(`${(bytes / 1024).toFixed(1).padStart(7)} KB  ${String(loaded.length).padStart(3)} files  ${String(res ? res.total : 0).padStart(6)} results  ${q}`);
}
console.log(`largest: ${(worst / 1024).toFixed(1)} KB (search.js ${(script / 1024).toFixed(1)} KB included)`);
