// Publishing anywhere: the example guide under its Content-Security-Policy,
// moved to a deeper folder of a server, and as the offline copy opened from
// disk (file://), as a tablet at a fair or a USB stick would open it.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { REPO, exampleSite, fileUrl, hui, launch, serve, withPage } from './lib.mjs';

let browser, temp;
before(async () => {
  browser = await launch();
  temp = mkdtempSync(path.join(os.tmpdir(), 'hui-publish-'));
});
after(async () => {
  await browser?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Every HTML file of a built site, as paths from its root ("en/parks/index.html"). */
function htmlPages(dir, rel = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...htmlPages(dir, child));
    else if (entry.name.endsWith('.html')) out.push(child);
  }
  return out.sort();
}

// Records every CSP violation of a page (the console shows them too, which
// withPage also counts as a problem).
const RECORD_VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber})`);
  });
};

/** The headers `_headers` gives every path (its `/*` block). */
function headersForAll(site) {
  const lines = readFileSync(path.join(site, '_headers'), 'utf8').split('\n');
  const headers = {};
  let inAll = false;
  for (const line of lines) {
    if (/^\S/.test(line)) inAll = line.trim() === '/*';
    else if (inAll && line.includes(':')) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return headers;
}

describe('Content-Security-Policy', () => {
  test('no page of the example guide breaks the policy that _headers sends', async () => {
    const site = exampleSite();
    const headers = headersForAll(site);
    assert.match(headers['Content-Security-Policy'], /default-src 'self'/);
    assert.doesNotMatch(headers['Content-Security-Policy'], /unsafe-inline/);
    const server = await serve(site, { headers });
    try {
      const pages = htmlPages(site);
      assert.ok(pages.length > 40, `only ${pages.length} pages`);
      await withPage(browser, { origin: server.origin, init: RECORD_VIOLATIONS }, async (page, _context, settle) => {
        for (const rel of pages) {
          // 404.html and alias pages redirect or stand for any address; they
          // are loaded as they are.
          const response = await page.goto(server.url(rel), { waitUntil: 'load' });
          assert.ok(response, rel);
          assert.match(response.headers()['content-security-policy'] || '', /^default-src 'self'/, rel);
          // The search page runs its script and a card loads its photo
          // lazily: let them finish, so that the next page does not cut
          // them off and what they load is judged too.
          await settle({ quiet: rel.includes('search/') ? 300 : 20 });
          const violations = await page.evaluate(() => window.__violations);
          assert.deepEqual(violations, [], `${rel} breaks the policy`);
        }
      });
    } finally {
      await server.close();
    }
  });

  test('the search and the ask box work under the policy', async () => {
    const site = exampleSite();
    const server = await serve(site, { headers: headersForAll(site) });
    try {
      await withPage(browser, { origin: server.origin, init: RECORD_VIOLATIONS }, async (page) => {
        await page.goto(server.url('search/?q=人才政策'));
        await page.locator('.search-results li').first().waitFor();
        await page.goto(server.url('card/wang-ming/'));
        await page.fill('#ask-q', '人才');
        await page.press('#ask-q', 'Enter');
        await page.locator('.ask-answers li, .ask-answers p').first().waitFor();
        assert.deepEqual(await page.evaluate(() => window.__violations), []);
      });
    } finally {
      await server.close();
    }
  });
});

/**
 * Follows every link of the main navigation and the language switcher from
 * `start`, checking each leads to a page of the guide (not an error page or a
 * folder listing), and returns the pages reached.
 */
async function followNavigation(page, start, settle) {
  await page.goto(start);
  const targets = await page.$$eval('.main-nav a, .lang-switch a, .brand', (as) => as.map((a) => a.href));
  assert.ok(targets.length >= 6, `navigation has ${targets.length} links`);
  for (const href of targets) {
    // Lazy images still loading would be cut off by the next navigation.
    await settle({ quiet: 20 });
    await page.goto(href);
    const main = await page.locator('#main').count();
    assert.equal(main, 1, `${href} is a page of the guide`);
    assert.equal(await page.locator('.kind-404').count(), 0, `${href} is not the 404 page`);
  }
  return targets;
}

describe('a copy of public/ in another, deeper folder', () => {
  test('works there unchanged: navigation, language switch, card files and search', async () => {
    const root = path.join(temp, 'moved');
    const deep = path.join(root, 'exhibitions', '2026', 'guide');
    cpSync(exampleSite(), deep, { recursive: true });
    const server = await serve(root);
    try {
      await withPage(browser, { origin: server.origin }, async (page, _context, settle) => {
        const reached = await followNavigation(page, server.url('exhibitions/2026/guide/'), settle);
        for (const href of reached) {
          assert.ok(href.startsWith(server.url('exhibitions/2026/guide/')), `${href} stays in the folder`);
        }
        await page.goto(server.url('exhibitions/2026/guide/en/card/wang-ming/'));
        const vcard = await page.locator('a[href$=".vcf"]').first().getAttribute('href');
        const response = await page.request.get(new URL(vcard, page.url()).href);
        assert.equal(response.status(), 200);
        assert.match(await response.text(), /^BEGIN:VCARD/);
        await page.goto(server.url('exhibitions/2026/guide/en/search/?q=battery'));
        const first = page.locator('.search-results li a').first();
        await first.waitFor();
        await first.click();
        await page.waitForLoadState();
        assert.ok(page.url().startsWith(server.url('exhibitions/2026/guide/en/')), page.url());
        assert.equal(await page.locator('.kind-404').count(), 0);
      });
    } finally {
      await server.close();
    }
  });
});

describe('the offline copy, opened from disk', () => {
  let offline, zip;
  before(() => {
    const out = path.join(temp, 'offline');
    const r = hui(['build', '--root', REPO, '--offline', '--output', out]);
    assert.equal(r.status, 0, r.stderr);
    offline = out;
    zip = readdirSync(temp).find((f) => f.endsWith('-offline.zip'));
  });

  test('is packed as one zip beside the folder', () => {
    assert.ok(zip, `no zip in ${readdirSync(temp)}`);
  });

  test('every link of the main navigation and the language switcher opens a page', async () => {
    await withPage(browser, {}, async (page, _context, settle) => {
      const reached = await followNavigation(page, fileUrl(offline), settle);
      for (const href of reached) {
        assert.match(href, /^file:.*\.html$/, `${href} names its file`);
        assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
      }
    });
  });

  test('a link in any page leads to a file that exists', async () => {
    const missing = [];
    for (const rel of htmlPages(offline)) {
      const html = readFileSync(path.join(offline, rel), 'utf8');
      for (const [, href] of html.matchAll(/\s(?:href|src|action)="([^"]+)"/g)) {
        if (/^(?:[a-z]+:|#|\/\/)/.test(href)) continue;
        const target = href.replace(/[?#].*$/, '').replaceAll('&amp;', '&');
        if (target === '') continue;
        const file = path.resolve(path.dirname(path.join(offline, rel)), decodeURIComponent(target));
        if (!existsSync(file) || (!file.endsWith('/') && !path.extname(file))) missing.push(`${rel}: ${href}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('works on object storage that serves no index document for a folder', async () => {
    const server = await serve(offline, { indexes: false });
    try {
      await withPage(browser, { origin: server.origin }, async (page, _context, settle) => {
        const reached = await followNavigation(page, server.url('index.html'), settle);
        for (const href of reached) assert.match(href, /\.html$/, href);
      });
    } finally {
      await server.close();
    }
  });

  test("a card's save-contact link gives the vCard", async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(fileUrl(offline, 'card/wang-ming/'));
      const href = await page.locator('a[href$=".vcf"]').first().evaluate((a) => a.href);
      assert.match(readFileSync(fileURLToPath(href), 'utf8'), /^BEGIN:VCARD/);
    });
  });

  test('search finds a page and its result opens it', async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(fileUrl(offline));
      await page.fill('#site-q', '人才政策');
      await page.press('#site-q', 'Enter');
      const first = page.locator('.search-results li a').first();
      await first.waitFor();
      const href = await first.evaluate((a) => a.href);
      assert.match(href, /^file:.*index\.html/);
      await first.click();
      await page.waitForLoadState();
      assert.ok(existsSync(fileURLToPath(page.url().replace(/[?#].*$/, ''))), page.url());
      assert.equal(await page.locator('.kind-404').count(), 0);
    });
  });

  test("the card's ask box answers from disk", async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(fileUrl(offline, 'en/card/wang-ming/'));
      await page.fill('#ask-q', 'talent');
      await page.press('#ask-q', 'Enter');
      const answer = page.locator('.ask-answers a').first();
      await answer.waitFor();
      const href = await answer.evaluate((a) => a.href);
      assert.ok(existsSync(fileURLToPath(href.replace(/[?#].*$/, ''))), href);
    });
  });
});
