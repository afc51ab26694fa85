// Checks of the helpers in lib.mjs that the other browser tests lean on: if
// the test server answered differently from a real static host, or a test
// site did not build, every other test would be testing the wrong thing.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSite, exampleSite, fileUrl, launch, serve, watch, withPage } from './lib.mjs';

describe('the test server answers like a static host', () => {
  let server;
  before(async () => { server = await serve(exampleSite()); });
  after(async () => { await server?.close(); });

  const get = (page, init) => fetch(server.url(page), { redirect: 'manual', ...init });

  test('a folder URL serves its index.html', async () => {
    const res = await get('/officials/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await res.text(), /id="contact-filter"/);
  });

  test('a folder without its trailing slash redirects to it', async () => {
    const res = await get('/en/card/wang-ming');
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), '/en/card/wang-ming/');
  });

  test('files come with the type a browser and a phone expect', async () => {
    const types = {
      '/card/wang-ming/wang-ming.vcf': 'text/vcard; charset=utf-8',
      '/card/wang-ming/qr.svg': 'image/svg+xml',
      '/card/wang-ming/qr.png': 'image/png',
      '/card/wang-ming/photo-96.jpg': 'image/jpeg',
    };
    // Theme files carry their hash in their name: find them.
    for (const name of readdirSync(path.join(exampleSite(), 'assets'))) {
      if (/^main\.[0-9a-f]{10}\.js$/.test(name)) types[`/assets/${name}`] = 'text/javascript; charset=utf-8';
      if (/^base\.[0-9a-f]{10}\.css$/.test(name)) types[`/assets/${name}`] = 'text/css; charset=utf-8';
    }
    assert.equal(Object.keys(types).length, 6, 'main.js and base.css are published');
    for (const [page, type] of Object.entries(types)) {
      const res = await get(page, { method: 'HEAD' });
      assert.equal(res.status, 200, page);
      assert.equal(res.headers.get('content-type'), type, page);
    }
  });

  test('a missing page gets the site\'s 404 page with status 404', async () => {
    const res = await get('/no-such-page/');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /<title>页面未找到/);
  });

  test('.. cannot reach outside the site', async () => {
    // Sent as written: fetch() would resolve the dots before sending.
    const status = (rawPath) => new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: new URL(server.origin).port, path: rawPath }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    for (const rawPath of ['/../../../../etc/hostname', '/%2e%2e/%2e%2e/%2e%2e/etc/hostname', '/assets/..%2f..%2f..%2f..%2fetc%2fhostname']) {
      assert.equal(await status(rawPath), 404, rawPath);
    }
  });
});

describe('test sites built from a content tree', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  const files = {
    'content/site.yaml': 'title: {zh: 测试指南, en: Test Guide}\nbase_url: https://guide.example.test/\n',
    'content/officials/zhang-wei.md': '---\nname: 张伟\nphone: "+86 816 000 0009"\n---\n',
  };

  test('build, and a browser opens the card over HTTP without errors', async () => {
    const site = buildSite(files);
    const server = await serve(site.out);
    try {
      await withPage(browser, { origin: server.origin }, async (page) => {
        await page.goto(server.url('/card/zhang-wei/'));
        assert.equal(await page.locator('h1').textContent(), '张伟');
        await page.locator('.js-share').waitFor({ state: 'visible' });
      });
    } finally {
      await server.close();
    }
  });

  test('a page opens from disk through fileUrl()', async () => {
    // Only the HTML: the site links its assets from the site root, which a
    // file:// page cannot reach (the README says to use a server).
    const site = buildSite(files);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(fileUrl(site.out, 'card/zhang-wei/'));
      assert.equal(await page.locator('h1').textContent(), '张伟');
    } finally {
      await context.close();
    }
  });

  test('the watcher sees console errors, exceptions, missing files and other hosts', async () => {
    // Otherwise "no problems" in the other tests would prove nothing.
    const site = buildSite({
      ...files,
      // A theme file replaces the built-in one of the same path.
      'themes/default/static/main.js': [
        'console.error("boom");',
        'fetch("/no-such-file.json");',
        // Another origin that refuses at once (a DNS name could take seconds).
        'new Image().src = "http://127.0.0.1:1/pixel.png";',
        'throw new Error("oops");',
      ].join('\n'),
    });
    const server = await serve(site.out);
    const context = await browser.newContext();
    try {
      const { problems, settle } = watch(context, { origin: server.origin });
      const page = await context.newPage();
      await page.goto(server.url('/card/zhang-wei/'));
      await settle();
      const seen = problems.join('\n');
      assert.match(seen, /console error: boom/);
      assert.match(seen, /uncaught exception: oops/);
      assert.match(seen, /HTTP 404: GET .*\/no-such-file\.json/);
      assert.match(seen, /request to another host: http:\/\/127\.0\.0\.1:1\/pixel\.png/);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('a broken site reports hui\'s errors', () => {
    const site = buildSite({ ...files, 'content/officials/li-si.md': '---\nnmae: 李四\n---\n' }, { allowFailure: true });
    assert.equal(site.status, 1);
    assert.match(site.stderr, /li-si\.md/);
    assert.throws(() => buildSite({ 'content/site.yaml': 'titel: x\n' }), /hui build failed \(exit 1\)/);
  });
});
