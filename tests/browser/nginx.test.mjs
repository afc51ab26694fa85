// The nginx server block that hui build writes beside public/, run as the
// README's recipe says: Debian's nginx on 127.0.0.1 serving the built guide,
// once at the root of the host and once under a base path. run.sh installs
// nginx; without it these tests fail rather than pass unseen.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, hui } from './lib.mjs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const temp = mkdtempSync(path.join(os.tmpdir(), 'hui-nginx-'));
const running = [];
after(() => {
  for (const child of running) child.kill('SIGTERM');
  rmSync(temp, { recursive: true, force: true });
});

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Builds the example guide with `base` as its base_url into its own folder,
 * adds an .ics file (no example page has one yet), and starts nginx with the
 * server block hui wrote, listening on a free port of 127.0.0.1. Returns
 * { origin, base: the base path, site: the built folder }.
 */
async function start(name, baseUrl) {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, 'public');
  const r = hui(['build', '--root', REPO, '--output', out, '--base-url', baseUrl, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const conf = path.join(dir, 'public.nginx.conf');
  assert.ok(existsSync(conf), 'hui build writes public.nginx.conf beside public/');
  writeFileSync(path.join(out, 'fair.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
  const port = await freePort();
  // The recipe: the block as written, with only `listen` changed for the test.
  const server = readFileSync(conf, 'utf8').replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  writeFileSync(path.join(dir, 'site.conf'), server);
  copyFileSync('/etc/nginx/mime.types', path.join(dir, 'mime.types'));
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  writeFileSync(path.join(dir, 'nginx.conf'), `${user}worker_processes 1;
error_log ${dir}/logs/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  include ${dir}/site.conf;
}
`);
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, `nginx -t:\n${check.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  running.push(child);
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(origin + '/'); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  return { origin, base: new URL(baseUrl).pathname, site: out };
}

const get = (url, headers = {}) => fetch(url, { redirect: 'manual', headers });

/** The published name of a theme file (`base.css` → `base.<hash>.css`). */
function asset(site, stem, ext) {
  const name = readdirSync(path.join(site, 'assets')).find((f) => new RegExp(`^${stem}\\.[0-9a-f]{10}\\.${ext}$`).test(f));
  assert.ok(name, `no fingerprinted ${stem}.${ext}`);
  return `assets/${name}`;
}

for (const [name, baseUrl] of [['root', 'https://invest.example.gov.cn/'], ['subpath', 'https://www.example.gov.cn/guide/']]) {
  describe(`nginx with the generated server block, site at ${new URL(baseUrl).pathname}`, () => {
    let s;
    before(async () => {
      assert.ok(existsSync(NGINX), `no nginx at ${NGINX}: run tests/browser/run.sh, or set NGINX_PATH`);
      s = await start(name, baseUrl);
    });
    const url = (rel) => `${s.origin}${s.base}${rel}`;

    test('pages answer 200 as HTML, revalidated on every visit, with the security headers', async () => {
      for (const rel of ['', 'en/', 'parks/east-zone/', 'en/card/wang-ming/', 'search/']) {
        const res = await get(url(rel));
        assert.equal(res.status, 200, rel);
        assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8', rel);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=0, must-revalidate', rel);
        assert.match(res.headers.get('content-security-policy'), /^default-src 'self'.*frame-ancestors 'self'/, rel);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', rel);
      }
    });

    test('fingerprinted theme files and the search index are cached for a year', async () => {
      for (const [rel, type] of [
        [asset(s.site, 'base', 'css'), 'text/css; charset=utf-8'],
        [asset(s.site, 'main', 'js'), 'application/javascript; charset=utf-8'],
        [asset(s.site, 'favicon', 'svg'), 'image/svg+xml; charset=utf-8'],
      ]) {
        const res = await get(url(rel));
        assert.equal(res.status, 200, rel);
        assert.equal(res.headers.get('content-type'), type, rel);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', rel);
      }
      const hash = readdirSync(path.join(s.site, 'search', 'zh'))[0];
      const shard = readdirSync(path.join(s.site, 'search', 'zh', hash))[0];
      const res = await get(url(`search/zh/${hash}/${shard}`));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    });

    test('vCards and calendars come with their types and charset', async () => {
      const vcf = await get(url('card/wang-ming/wang-ming.vcf'));
      assert.equal(vcf.status, 200);
      assert.equal(vcf.headers.get('content-type'), 'text/vcard; charset=utf-8');
      assert.match(await vcf.text(), /^BEGIN:VCARD/);
      const ics = await get(url('fair.ics'));
      assert.equal(ics.status, 200);
      assert.equal(ics.headers.get('content-type'), 'text/calendar; charset=utf-8');
    });

    test('a missing page answers 404 with the guide\'s 404 page', async () => {
      const res = await get(url('no/such/page/'));
      assert.equal(res.status, 404);
      assert.match(await res.text(), /class="kind-404/);
    });

    test('an old card address answers 301 to the card, with and without its slash', async () => {
      for (const [from, to] of [['card/chenjie/', 'card/chen-jie/'], ['card/chenjie', 'card/chen-jie/'], ['en/card/chenjie/', 'en/card/chen-jie/']]) {
        const res = await get(url(from));
        assert.equal(res.status, 301, from);
        assert.equal(new URL(res.headers.get('location'), s.origin).pathname, `${s.base}${to}`, from);
      }
    });

    test('a folder without its slash redirects to it, keeping the port', async () => {
      const res = await get(url('parks'));
      assert.equal(res.status, 301);
      assert.equal(new URL(res.headers.get('location'), s.origin).href, url('parks/'));
    });

    test('text is sent gzipped to browsers that ask', async () => {
      const res = await fetch(url(asset(s.site, 'base', 'css')), { headers: { 'Accept-Encoding': 'gzip' } });
      // fetch decodes the body itself; the header says what came.
      assert.equal(res.headers.get('content-encoding'), 'gzip');
    });
  });
}
