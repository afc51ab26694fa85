// Shared helpers for the browser tests: Debian's Chromium driven by
// playwright-core, a static server that behaves like the hosts the README
// tells people to deploy to, and builders for the sites under test.
//
// Every test file runs in its own Node process (node --test), so nothing here
// is shared between files; each file launches its own browser.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

// playwright's own browser download does not work here and is not wanted in
// CI: the suite tests the Chromium that Debian ships (run.sh installs it).
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Keep the browser itself quiet: the tests assert that the *site* makes no
  // request to another host, so background traffic would only be noise.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // containers often have a tiny /dev/shm
];

// The hui binary that builds test sites. run.sh builds it; the default is
// cargo's release output in this repository.
export const HUI_BIN = process.env.HUI_BIN
  ? path.resolve(process.env.HUI_BIN)
  : path.join(REPO, 'target', 'release', 'hui');

// A user agent as WeChat's in-app browser on Android sends it: the theme only
// looks for "MicroMessenger".
export const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F30) ' +
  'NetType/WIFI Language/zh_CN';

// Temporary folders made by this process, removed when it exits so that a
// failing test does not leave sites behind.
const temps = [];
process.on('exit', () => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Launches headless Chromium. `args` adds command-line switches. */
export async function launch({ args = [] } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: run tests/browser/run.sh, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...args] });
}

// What the site needs served with the right type. A browser sniffs little:
// a stylesheet served as text/plain is ignored, and phones open a .vcf as a
// contact only when it comes as text/vcard (README, "Deploying").
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.vcf': 'text/vcard; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
};

function isFile(p) {
  try { return statSync(p).isFile(); } catch { return false; }
}
function isDir(p) {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

/**
 * Serves `dir` on 127.0.0.1 at a free port, as nginx or a Pages host would:
 * a folder URL serves its index.html, a folder without its trailing slash
 * redirects to it (so relative links resolve), and anything missing gets the
 * site's 404.html with status 404.
 *
 * `headers` are sent with every answer (a host's `_headers`, say). With
 * `indexes: false` it behaves like object storage whose folder index
 * documents are off: a folder URL is a 404, only files are served.
 *
 * Returns { origin, url(page), requests, close() }; `requests` lists every
 * path asked for, so a test can check what a page fetched.
 */
export async function serve(dir, { headers: always = {}, indexes = true } = {}) {
  const root = path.resolve(dir);
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    const send = (status, file, headers = {}) => {
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Length': statSync(file).size,
        // Every test must see the files of its own build.
        'Cache-Control': 'no-store',
        ...always,
        ...headers,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (isFile(page)) send(404, page);
      else { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found\n'); }
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try { rel = decodeURIComponent(pathname); } catch { return notFound(); }
    // Resolve against the root and refuse anything that climbs out of it.
    const file = path.join(root, path.normalize(rel));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();

    if (isDir(file)) {
      if (!indexes) return notFound();
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: pathname + '/' + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '') });
        res.end();
        return;
      }
      const index = path.join(file, 'index.html');
      return isFile(index) ? send(200, index) : notFound();
    }
    return isFile(file) ? send(200, file) : notFound();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve); // port 0: the OS picks a free one
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    url: (page = '/') => new URL(page, origin + '/').href,
    close: () => new Promise((resolve) => {
      server.closeAllConnections(); // keep-alive sockets would hold close() open
      server.close(() => resolve());
    }),
  };
}

/** The file:// URL of `page` (a path such as "card/wang-ming/") inside `dir`. */
export function fileUrl(dir, page = '') {
  let file = path.join(path.resolve(dir), ...page.split('/').filter(Boolean));
  if (page === '' || page.endsWith('/')) file = path.join(file, 'index.html');
  return pathToFileURL(file).href;
}

/**
 * Starts recording what goes wrong in every page of a browser context:
 * console errors, uncaught exceptions, requests that fail or answer with an
 * error status, and requests to any origin but `origin` (one, or a list; the
 * README promises that pages ask no other host). `problems` is the list so far.
 *
 * Listening on the context rather than on one page also catches popups and
 * pages opened by a click.
 */
export function watch(context, { origin } = {}) {
  const problems = [];
  const pending = new Set();
  // A request counts as done once its response has come: a script may never
  // read a body (and then Chromium never reports it finished), but its status
  // is known. A body that breaks off later still fires "requestfailed".
  context.on('request', (req) => pending.add(req));
  context.on('response', (res) => pending.delete(res.request()));
  context.on('requestfailed', (req) => pending.delete(req));
  context.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url || 'inline'})`);
  });
  context.on('weberror', (err) => problems.push(`uncaught exception: ${err.error().message}`));
  context.on('requestfailed', (req) => {
    // The browser fetches the page's icon itself, after the load event, and
    // drops that fetch when the visitor moves on at once (a search sent
    // with Enter, a link followed): no fault of the site. A missing icon
    // still shows, as an HTTP 404.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && req.resourceType() === 'other'
      && /favicon/.test(new URL(req.url()).pathname)) return;
    problems.push(`request failed: ${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  const allowed = [].concat(origin ?? []);
  context.on('request', (req) => {
    const url = new URL(req.url());
    // data: and blob: URLs stay inside the page; file:// tests pass no origin.
    if (allowed.length && /^https?:$/.test(url.protocol) && !allowed.includes(url.origin)) {
      problems.push(`request to another host: ${req.url()}`);
    }
  });
  // Resolves once no request has been in flight for a moment, so that a late
  // request (a lazy image, a script's fetch) is judged too. Cheaper than
  // playwright's "networkidle", which always waits half a second.
  async function settle({ quiet = 100, timeout = 5000 } = {}) {
    const end = Date.now() + timeout;
    let idleSince = Date.now();
    while (Date.now() < end) {
      if (pending.size) idleSince = Date.now();
      else if (Date.now() - idleSince >= quiet) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    problems.push(`requests still running after ${timeout} ms: ${[...pending].map((r) => r.url()).join(', ')}`);
  }
  return { problems, settle };
}

/**
 * Runs `fn(page, context, settle)` in a fresh browser context (its own cookies,
 * permissions and clipboard grants), then asserts that nothing went wrong in
 * any page the test visited. `options` are playwright's context options plus
 * `origin` (the origin or origins pages may fetch from; see watch()) and
 * `init` (scripts to run in every page
 * before the site's own, to stub browser APIs). `settle()` waits until no
 * request is in flight: call it before leaving a page whose late requests (a
 * lazy image) must be judged rather than cut off by the next navigation.
 */
export async function withPage(browser, options, fn) {
  const { origin, init = [], ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  try {
    for (const script of [].concat(init)) await context.addInitScript(script);
    const { problems, settle } = watch(context, { origin });
    const page = await context.newPage();
    await fn(page, context, settle);
    await settle();
    assert.deepEqual(problems, [], 'the pages had errors or failed requests');
  } finally {
    await context.close();
  }
}

/** Waits until the element's visible text is `text` and returns it. */
export async function waitForText(locator, text, { timeout = 5000 } = {}) {
  const el = await locator.elementHandle({ timeout });
  try {
    await locator.page().waitForFunction(
      ([node, want]) => node.textContent.trim() === want, [el, text], { timeout });
  } catch (e) {
    const now = (await el.textContent()).trim();
    throw new Error(`expected the text ${JSON.stringify(text)}, still ${JSON.stringify(now)}`, { cause: e });
  } finally {
    await el.dispose();
  }
  return text;
}

/** Runs the hui binary; returns { status, stdout, stderr }. */
export function hui(args, { cwd = REPO } = {}) {
  if (!existsSync(HUI_BIN)) {
    throw new Error(`no hui binary at ${HUI_BIN}: run \`cargo build --release\` or set HUI_BIN`);
  }
  const r = spawnSync(HUI_BIN, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Builds a small site from a content tree and returns the folder it was built
 * into. `files` maps paths under the site root ("content/site.yaml",
 * "content/officials/zhang-wei.md", "themes/default/static/main.js", …) to
 * their text or a Buffer. `args` is added to `hui build` (e.g. ["--drafts"]).
 *
 * A failed build throws with hui's messages, unless `allowFailure` is set; then
 * the result's `status` says what happened and `out` may not exist.
 * Returns { root, out, status, stdout, stderr }.
 */
export function buildSite(files, { args = [], allowFailure = false } = {}) {
  const root = tempDir('hui-site-');
  for (const [rel, data] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  const out = path.join(root, 'public');
  const r = hui(['build', '--root', root, '--output', out, '--quiet', ...args]);
  if (r.status !== 0 && !allowFailure) {
    throw new Error(`hui build failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  }
  return { root, out, ...r };
}

// The example guide from content/, built once per test file.
let example;
/**
 * The folder of the built example guide: $HUI_SITE when run.sh (or a person)
 * gives one, otherwise a fresh build of this repository's content/.
 */
export function exampleSite() {
  if (process.env.HUI_SITE) return path.resolve(process.env.HUI_SITE);
  if (!example) {
    const out = path.join(tempDir('hui-example-'), 'public');
    const r = hui(['build', '--root', REPO, '--output', out, '--quiet']);
    if (r.status !== 0) throw new Error(`building the example site failed:\n${r.stderr}${r.stdout}`);
    example = out;
  }
  return example;
}
