#!/usr/bin/env node
// Measures hui's full-text search, and optionally Pagefind 1.6, on one built
// site with a fixed set of queries (tests/search/queries.json).
//
//   node scripts/search_eval.mjs SITE_DIR [QUERIES_JSON] [--pagefind] [--no-hui]
//                                [--lang zh|en] [--json] [--verbose]
//
// SITE_DIR is the output of `hui build`. Both engines are driven through a real
// headless Chromium, because what we care about is what a reader sees: hui's
// search page runs in the browser, and Pagefind's ranking lives in its
// WebAssembly, which only runs there.
//
// Exit status: 0 when hui passes (or was not run), 1 when hui misses the top 3
// on any query or is first on fewer than 95 % of a language's queries, 2 when
// the evaluation itself could not run (bad arguments, browser, server,
// Pagefind).

import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGEFIND = 'pagefind@1.6.0';
const KINDS = new Set(['name', 'company', 'policy', 'park', 'topic', 'plural', 'code', 'question']);
// The default language is served at the site root; every other one under /<lang>/.
const DEFAULT_LANG = 'zh';
const TOP = 3;
const PASS_FIRST = 0.95;
const HUI_TIMEOUT_MS = 5000;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { pagefind: false, hui: true, json: false, verbose: false, lang: null, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pagefind') opts.pagefind = true;
    else if (a === '--no-hui') opts.hui = false;
    else if (a === '--json') opts.json = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--lang') opts.lang = argv[++i];
    else if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else opts.positional.push(a);
  }
  if (opts.help) return opts;
  if (opts.positional.length < 1 || opts.positional.length > 2) throw new UsageError('expected SITE_DIR [QUERIES_JSON]');
  if (!opts.hui && !opts.pagefind) throw new UsageError('--no-hui without --pagefind leaves nothing to measure');
  opts.site = path.resolve(opts.positional[0]);
  opts.queries = path.resolve(opts.positional[1] ?? path.join(REPO, 'tests/search/queries.json'));
  return opts;
}

const USAGE = `usage: node scripts/search_eval.mjs SITE_DIR [QUERIES_JSON] [options]

  SITE_DIR       a site built by \`hui build\`
  QUERIES_JSON   default: tests/search/queries.json

  --pagefind     also index a copy of the site with ${PAGEFIND} and measure it
  --no-hui       skip hui (with --pagefind: measure Pagefind alone)
  --lang L       only the queries of language L
  --json         machine-readable output on stdout
  --verbose      print Pagefind's own output on stderr

  CHROMIUM=path overrides the browser (default /usr/bin/chromium).`;

// ---------------------------------------------------------------------------
// Queries

async function loadQueries(file, site, onlyLang) {
  let data;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${e.message}`);
  }
  const problems = [];
  const langs = Object.keys(data).filter((l) => !onlyLang || l === onlyLang);
  if (langs.length === 0) problems.push(`no queries for ${onlyLang ?? 'any language'}`);
  for (const lang of langs) {
    if (!Array.isArray(data[lang])) { problems.push(`${lang}: not a list`); continue; }
    for (const [i, item] of data[lang].entries()) {
      const where = `${lang}[${i}] ${JSON.stringify(item?.q)}`;
      if (typeof item?.q !== 'string' || !item.q.trim()) problems.push(`${where}: q must be a non-empty string`);
      if (!KINDS.has(item?.kind)) problems.push(`${where}: kind must be one of ${[...KINDS].join('|')}`);
      if (typeof item?.expect !== 'string' || !item.expect.startsWith('/') || !item.expect.endsWith('/')) {
        problems.push(`${where}: expect must be a site path like /parks/x/`);
        continue;
      }
      // A typo in an expected path would silently count as a miss for every
      // engine, so an expectation must name a page the site really has.
      const file = path.join(site, ...decodeURIComponent(item.expect).split('/'), 'index.html');
      if (!(await exists(file))) problems.push(`${where}: expected page ${item.expect} is not in the site`);
    }
  }
  if (problems.length) throw new UsageError(`${file}:\n  ${problems.join('\n  ')}`);
  return langs.map((lang) => ({ lang, queries: data[lang] }));
}

async function exists(p) {
  try { await fs.access(p); return true; } catch { return false; }
}

// ---------------------------------------------------------------------------
// Static server: just enough of a static host (folder URL → index.html,
// 404.html for the rest) that the site behaves as it will when deployed.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.vcf': 'text/vcard; charset=utf-8',
  // WebAssembly.instantiateStreaming, which Pagefind uses, insists on this type.
  '.wasm': 'application/wasm',
};

function serve(root) {
  const server = http.createServer(async (req, res) => {
    try {
      let rel;
      try {
        rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      // Resolve inside root only: "..", encoded or not, must not escape it.
      // An absolute path normalises its ".." segments away at the root.
      let file = path.join(root, path.posix.normalize(rel));
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let stat = await fs.stat(file).catch(() => null);
      if (stat?.isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { location: rel + '/' + (new URL(req.url, 'http://x').search) }).end();
          return;
        }
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      let status = 200;
      if (!stat?.isFile()) {
        status = 404;
        // Each language has its own 404 page: /en/404.html for /en/…
        const lang = rel.split('/')[1];
        file = path.join(root, lang, '404.html');
        if (!lang || !(await exists(file))) file = path.join(root, '404.html');
        if (!(await exists(file))) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
      }
      res.writeHead(status, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------------------
// Browser

function loadPlaywright() {
  // tests/browser owns the browser-test dependencies; fall back to whatever
  // the current folder or NODE_PATH provides, so the script also runs before
  // that package exists.
  const bases = [path.join(REPO, 'tests/browser/package.json'), path.join(process.cwd(), 'package.json')];
  for (const base of bases) {
    try {
      return createRequire(base)('playwright-core');
    } catch {}
  }
  throw new Error(
    'playwright-core not found: run `npm install` in tests/browser ' +
    '(or PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install playwright-core in the current folder)'
  );
}

async function launch() {
  const { chromium } = loadPlaywright();
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!(await exists(executablePath))) {
    throw new Error(`no browser at ${executablePath}: apt-get install -y chromium, or set CHROMIUM`);
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

// A result link may be relative and carry an #anchor; only the page it leads
// to counts.
function pagePath(href, base) {
  const url = new URL(href, base);
  let p = url.pathname;
  try { p = decodeURI(p); } catch {}
  return p.replace(/\/index\.html$/, '/');
}

// ---------------------------------------------------------------------------
// Engines. Each returns, per query, the ordered result paths (at most TOP) or
// an error string.

async function runHui(context, origin, lang, queries) {
  const page = await context.newPage();
  const prefix = lang === DEFAULT_LANG ? '' : `/${lang}`;
  const out = [];
  let fatal = null;
  try {
    for (const item of queries) {
      if (fatal) { out.push({ error: fatal }); continue; }
      const url = `${origin}${prefix}/search/?q=${encodeURIComponent(item.q)}`;
      const started = performance.now();
      try {
        const resp = await page.goto(url, { waitUntil: 'domcontentloaded' });
        if (!resp || resp.status() === 404) {
          // No search page at all: waiting 5 s for every query would only
          // repeat the same answer.
          fatal = `no search page at ${prefix}/search/`;
          out.push({ error: fatal });
          continue;
        }
        await page.waitForFunction(
          () => document.documentElement.getAttribute('data-search') === 'done',
          null, { timeout: HUI_TIMEOUT_MS },
        );
        const hrefs = await page.evaluate(() =>
          Array.from(document.querySelectorAll('ol.search-results > li'), (li) =>
            li.querySelector('a[href]')?.getAttribute('href') ?? null));
        const pageUrl = page.url();
        out.push({
          results: hrefs.slice(0, TOP).map((h) => (h === null ? '(result without a link)' : pagePath(h, pageUrl))),
          ms: performance.now() - started,
        });
      } catch (e) {
        out.push({ error: /Timeout/i.test(e.message) ? `data-search not "done" after ${HUI_TIMEOUT_MS} ms` : e.message.split('\n')[0] });
      }
    }
  } finally {
    await page.close();
  }
  return out;
}

async function runPagefind(context, origin, lang, queries) {
  const page = await context.newPage();
  const prefix = lang === DEFAULT_LANG ? '' : `/${lang}`;
  const out = [];
  try {
    // Pagefind chooses the index by the page's <html lang>, so it is loaded
    // from a page of the language being measured, once per language.
    await page.goto(`${origin}${prefix}/`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      window.__pf = pf;
    });
    for (const item of queries) {
      try {
        const { urls, ms } = await page.evaluate(async ([q, top]) => {
          const t0 = performance.now();
          const r = await window.__pf.search(q);
          const data = await Promise.all(r.results.slice(0, top).map((x) => x.data()));
          return { urls: data.map((d) => d.url), ms: performance.now() - t0 };
        }, [item.q, TOP]);
        out.push({ results: urls.map((u) => pagePath(u, page.url())), ms });
      } catch (e) {
        out.push({ error: e.message.split('\n')[0] });
      }
    }
  } finally {
    await page.close();
  }
  return out;
}

async function indexWithPagefind(site, verbose) {
  // On a copy, so that the built site handed to us stays exactly as hui wrote
  // it and hui is measured without Pagefind's files beside it.
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'search-eval-'));
  const copy = path.join(tmp, 'site');
  await fs.cp(site, copy, { recursive: true });
  const run = spawnSync('npx', ['--yes', PAGEFIND, '--site', copy], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const log = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (verbose) process.stderr.write(log);
  if (run.error || run.status !== 0) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw new Error(`${PAGEFIND} failed (${run.error?.message ?? `exit ${run.status}`}):\n${log}`);
  }
  return {
    tmp,
    copy,
    // e.g. "Running Pagefind v1.6.0 (Extended)": whether Chinese is segmented
    // depends on which binary the npm wrapper ran.
    banner: log.match(/Running Pagefind[^\n]*/)?.[0]?.trim() ?? PAGEFIND,
    languages: log.match(/Discovered \d+ languages?: ([^\n]*)/)?.[1]?.trim() ?? null,
  };
}

// ---------------------------------------------------------------------------
// Scoring and report

function score(engine, lang, queries, runs) {
  const rows = queries.map((item, i) => {
    const run = runs[i];
    const results = run.results ?? [];
    const rank = results.indexOf(item.expect) + 1; // 0: not in the top TOP
    return { ...item, rank, results, error: run.error ?? null, ms: run.ms ?? null };
  });
  const n = rows.length;
  const first = rows.filter((r) => r.rank === 1).length;
  const top = rows.filter((r) => r.rank >= 1).length;
  const byKind = {};
  for (const r of rows) {
    const k = (byKind[r.kind] ??= { queries: 0, first: 0, top3: 0 });
    k.queries++;
    if (r.rank === 1) k.first++;
    if (r.rank >= 1) k.top3++;
  }
  const times = rows.map((r) => r.ms).filter((x) => x !== null).sort((a, b) => a - b);
  return {
    engine, lang, queries: n, first, top3: top,
    first_rate: n ? first / n : 0, top3_rate: n ? top / n : 0,
    median_ms: times.length ? times[Math.floor(times.length / 2)] : null,
    by_kind: byKind,
    misses: rows.filter((r) => r.rank !== 1).map((r) => ({
      q: r.q, kind: r.kind, expect: r.expect,
      rank: r.rank || null, first: r.error ? null : (r.results[0] ?? null), error: r.error,
    })),
  };
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

function printReport(summaries, meta) {
  const lines = [];
  if (meta.pagefind) lines.push(`Pagefind: ${meta.pagefind.banner}; languages indexed: ${meta.pagefind.languages ?? '?'}`);
  lines.push('');
  const head = ['engine', 'lang', 'queries', 'first', 'top 3', 'median ms'];
  const body = summaries.map((s) => [
    s.engine, s.lang, String(s.queries),
    `${s.first} (${pct(s.first_rate)})`, `${s.top3} (${pct(s.top3_rate)})`,
    s.median_ms === null ? '-' : s.median_ms.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => width(r[i]))));
  const fmt = (r) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt));
  for (const s of summaries) {
    lines.push('', `${s.engine} ${s.lang}: ${s.misses.length} not first` +
      `  [by kind: ${Object.entries(s.by_kind).map(([k, v]) => `${k} ${v.first}/${v.queries}`).join(', ')}]`);
    // One failure behind every query (no search page, say) is said once.
    const errors = new Set(s.misses.map((m) => m.error));
    if (s.misses.length > 1 && s.misses.length === s.queries && errors.size === 1 && !errors.has(null)) {
      lines.push(`  every query: ${[...errors][0]}`);
      continue;
    }
    for (const m of s.misses) {
      const where = m.error ? `error: ${m.error}` : m.rank ? `rank ${m.rank}` : `not in top ${TOP}`;
      lines.push(`  ${JSON.stringify(m.q)} (${m.kind})  expected ${m.expect}  ${where}; first: ${m.first ?? '(nothing)'}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

// Terminal columns: CJK characters take two.
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function huiVerdict(summaries) {
  const failures = [];
  for (const s of summaries.filter((x) => x.engine === 'hui')) {
    const outside = s.misses.filter((m) => !m.rank);
    if (outside.length) failures.push(`hui ${s.lang}: ${outside.length} quer${outside.length === 1 ? 'y' : 'ies'} not in the top ${TOP}`);
    if (s.first_rate < PASS_FIRST) failures.push(`hui ${s.lang}: first on ${pct(s.first_rate)} < ${pct(PASS_FIRST)}`);
  }
  return failures;
}

// ---------------------------------------------------------------------------

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) { process.stdout.write(USAGE + '\n'); return 0; }
  if (!(await exists(path.join(opts.site, 'index.html')))) {
    process.stderr.write(`${opts.site}: no index.html; build the site first (hui build --output ${opts.positional[0]})\n`);
    return 2;
  }

  let sets;
  try {
    sets = await loadQueries(opts.queries, opts.site, opts.lang);
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }

  const meta = {};
  let pf = null, server = null, browser = null;
  try {
    if (opts.pagefind) {
      pf = await indexWithPagefind(opts.site, opts.verbose);
      meta.pagefind = { banner: pf.banner, languages: pf.languages };
    }
    browser = await launch();
    const context = await browser.newContext();
    const summaries = [];
    // hui is served from the untouched site, Pagefind from its indexed copy.
    const engines = [];
    if (opts.hui) engines.push(['hui', opts.site, runHui]);
    if (pf) engines.push(['pagefind', pf.copy, runPagefind]);
    for (const [engine, root, run] of engines) {
      server = await serve(root);
      const origin = `http://127.0.0.1:${server.address().port}`;
      for (const { lang, queries } of sets) {
        summaries.push(score(engine, lang, queries, await run(context, origin, lang, queries)));
      }
      await new Promise((r) => server.close(r));
      server = null;
    }
    const failures = opts.hui ? huiVerdict(summaries) : [];
    if (opts.json) {
      process.stdout.write(JSON.stringify({ ...meta, top: TOP, pass_first: PASS_FIRST, summaries, failures }, null, 2) + '\n');
    } else {
      printReport(summaries, meta);
      if (opts.hui) process.stdout.write(failures.length ? `\nFAIL\n  ${failures.join('\n  ')}\n` : '\nhui: PASS\n');
    }
    return failures.length ? 1 : 0;
  } catch (e) {
    process.stderr.write(`search_eval: ${e.message}\n`);
    return 2;
  } finally {
    await browser?.close().catch(() => {});
    if (server) server.close();
    if (pf) await fs.rm(pf.tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main();
