// Search as a visitor uses it: the header field on every page, the search
// page (/search/?q=…, /en/search/?q=…) with its chips, snippets and "nothing
// found" help, the same page opened from disk and without JavaScript, and the
// "ask me" box on an official's card. The example guide gives the content
// whose first results are known; small sites built here give the cases it
// lacks (hostile text, pages left out of search, drafts).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { WECHAT_UA, buildSite, exampleSite, fileUrl, launch, serve, withPage } from './lib.mjs';

let browser, server, site;
before(async () => {
  browser = await launch();
  site = exampleSite();
  server = await serve(site);
});
after(async () => {
  await server?.close();
  await browser?.close();
});

const base = () => ({ origin: server.origin });

// ---- Helpers ----------------------------------------------------------------

/** The search page sets <html data-search="done"> once it has shown a query's results. */
async function searchDone(page) {
  await page.waitForSelector('html[data-search="done"]', { state: 'attached', timeout: 10000 });
}

/** Opens the search page at `path` (with its ?q=) and waits for the results. */
async function openSearch(page, path) {
  await page.goto(typeof path === 'string' && !/^\w+:/.test(path) ? server.url(path) : path);
  await searchDone(page);
}

/** Types `q` into the header field of the page at `url` and presses Enter. */
async function searchFromHeader(page, url, q) {
  await page.goto(url);
  const field = page.locator('header form.site-search #site-q');
  await field.fill(q);
  await Promise.all([
    page.waitForURL((u) => /\/search\/(index\.html)?$/.test(u.pathname) && u.search.startsWith('?q=')),
    field.press('Enter'),
  ]);
  await searchDone(page);
}

/** The results shown under `scope` as the visitor sees them. */
function readResults(page, scope = '.search-page') {
  return page.$$eval(`${scope} ol.search-results > li.search-result`, (items) => items.map((li) => {
    const link = li.querySelector('a.search-result-link');
    const snippet = li.querySelector('p.search-result-snippet');
    return {
      href: link ? link.href : null,
      title: li.querySelector('.search-result-title')?.textContent ?? null,
      kind: li.querySelector('.search-result-kind')?.textContent ?? null,
      snippet: snippet ? snippet.textContent : null,
      marks: snippet ? [...snippet.querySelectorAll('mark')].map((m) => m.textContent) : [],
      visible: li.checkVisibility(),
    };
  }));
}

/** "/industries/new-display/#section" of an absolute link. */
const where = (href) => { const u = new URL(href); return u.pathname + u.hash; };
const pathOf = (href) => new URL(href).pathname;

/** The number the status line gives ("找到 7 个…", "7 results for …"); 0 when it gives none. */
async function statusCount(page, q) {
  const text = (await page.locator('.search-status').textContent()).split(q).join(' ');
  const m = /\d+/.exec(text);
  return m ? Number(m[0]) : 0;
}

/** The chips as [collection, label, aria-pressed]. */
function readChips(page) {
  return page.$$eval('.search-chips button.chip-button', (bs) => bs.map((b) => ({
    collection: b.getAttribute('data-collection'),
    label: b.textContent.trim(),
    pressed: b.getAttribute('aria-pressed'),
  })));
}

/** Asserts that the page behind an absolute link exists, with the #anchor it names. */
async function assertPageExists(href) {
  const u = new URL(href);
  const res = await fetch(u.origin + u.pathname);
  assert.equal(res.status, 200, `${where(href)} does not exist`);
  if (u.hash) {
    const id = decodeURIComponent(u.hash.slice(1));
    const html = await res.text();
    assert.ok(html.includes(`id="${id}"`), `${pathOf(href)} has no section #${id}`);
  }
}

// ---- The example guide, in both languages -------------------------------------

const LANGS = [
  {
    lang: 'Chinese', prefix: '', start: '/', all: '全部', parks: '产业园区', directory: '/officials/',
    lists: ['/industries/', '/parks/', '/policies/', '/officials/'],
    // [query, the first result's page (a path, or a RegExp of its address)]
    firsts: [
      ['新型显示', '/industries/new-display/'],
      ['王明', '/card/wang-ming/'],
      ['wangming', '/card/wang-ming/'],
      ['5G', /^\/industries\/5g-manufacturing\/(#.*)?$/],
    ],
    marked: ['新型显示', '5G'],
    chipsQuery: '新型显示',
    nothing: '量子纠缠',
  },
  {
    lang: 'English', prefix: '/en', start: '/en/parks/east-zone/', all: 'All', parks: 'Industrial parks', directory: '/en/officials/',
    lists: ['/en/industries/', '/en/parks/', '/en/policies/', '/en/officials/'],
    firsts: [
      ['ming wang', '/en/card/wang-ming/'],
      ['wangming', '/en/card/wang-ming/'],
      ['new display', '/en/industries/new-display/'],
      ['5G', /^\/en\/industries\/5g-manufacturing\/(#.*)?$/],
    ],
    marked: ['new display', '5G'],
    chipsQuery: 'new display',
    nothing: 'quantum entanglement',
  },
];

for (const L of LANGS) {
  const searchPath = `${L.prefix}/search/`;

  describe(`${L.lang} search over HTTP`, () => {
    test('every page but the search page has a header search form for this language', async () => {
      await withPage(browser, base(), async (page) => {
        for (const p of [L.start, `${L.prefix}/card/li-na/`]) {
          await page.goto(server.url(p));
          const form = page.locator('header form.site-search');
          assert.equal(await form.count(), 1, `${p}: header search form`);
          assert.equal((await form.getAttribute('method')).toLowerCase(), 'get', p);
          const action = await form.evaluate((f) => new URL(f.getAttribute('action'), location.href).pathname);
          assert.equal(action, searchPath, `${p}: the form goes to ${searchPath}`);
          assert.equal(await page.locator('header #site-q').getAttribute('name'), 'q', p);
        }
        await openSearch(page, searchPath);
        assert.equal(await page.locator('header form.site-search').count(), 0, 'the search page has its own field instead');
        assert.equal(await page.locator('#search-q').isVisible(), true);
      });
    });

    // One test for the queries, so that one browser context serves them all;
    // every query is checked before the test fails, and the message lists
    // what went wrong for each.
    test(`a query typed in the header, sent with Enter, finds its page first: ${L.firsts.map(([q]) => q).join(', ')}`, async () => {
      await withPage(browser, base(), async (page) => {
        const wrong = [];
        for (const [q, first] of L.firsts) {
          try {
            await searchFromHeader(page, server.url(L.start), q);
            assert.equal(pathOf(page.url()), searchPath);
            assert.equal(new URL(page.url()).searchParams.get('q'), q);
            assert.equal(await page.locator('#search-q').inputValue(), q, 'the field shows the query');
            assert.equal(await page.locator('.search-needs-js').isVisible(), false, 'the no-JavaScript notice is shown');
            const results = await readResults(page);
            assert.ok(results.length > 0, 'no results');
            const got = where(results[0].href);
            if (first instanceof RegExp) assert.match(got, first);
            else assert.equal(got, first);
            for (const r of results) {
              assert.ok(r.visible && r.title && r.kind, `a result without title or kind: ${JSON.stringify(r)}`);
              assert.equal(new URL(r.href).origin, server.origin, r.href);
            }
            // The status line's count is the number shown (ten at most on
            // the first page), and the chips add up to it.
            const count = await statusCount(page, q);
            if (count <= 10) {
              assert.equal(results.length, count, `the status says ${count}, ${results.length} shown`);
              assert.equal(await page.locator('.search-more').isVisible(), false, '"more" with every result shown');
            } else assert.equal(results.length, 10);
            const chips = await readChips(page);
            const number = (c) => Number(/(\d+)$/.exec(c.label)[1]);
            const all = chips.find((c) => c.collection === '');
            assert.ok(all && all.label.startsWith(L.all), `no "${L.all}" chip`);
            assert.equal(number(all), count, `the "${L.all}" chip`);
            assert.equal(chips.filter((c) => c.collection !== '').reduce((n, c) => n + number(c), 0), count, 'the chips\' counts');
            if (L.marked.includes(q)) {
              // The words searched for are marked in the first snippet.
              assert.ok(results[0].marks.length > 0, `nothing marked in ${JSON.stringify(results[0].snippet)}`);
              for (const m of results[0].marks) {
                assert.ok(q.toLowerCase().split(/\s+/).some((w) => w.includes(m.toLowerCase()) || m.toLowerCase().startsWith(w.slice(0, 3))),
                  `"${m}" is marked`);
              }
            }
          } catch (e) {
            wrong.push(`${q}: ${e.message}`);
          }
        }
        assert.deepEqual(wrong, []);
      });
    });

    test(`the ${L.parks} chip leaves only parks, ${L.all} brings everything back, "more" shows the rest`, async () => {
      await withPage(browser, base(), async (page) => {
        await openSearch(page, `${searchPath}?q=${encodeURIComponent(L.chipsQuery)}`);
        const before = await readResults(page);
        assert.ok(before.some((r) => !pathOf(r.href).startsWith(`${L.prefix}/parks/`)), 'the query should find more than parks');
        let chips = await readChips(page);
        assert.deepEqual(chips.filter((c) => c.pressed === 'true').map((c) => c.collection), [''], 'at first "all" is pressed');

        await page.getByRole('button', { name: new RegExp(`^${L.parks} \\d+$`) }).click();
        await searchDone(page);
        const parks = await readResults(page);
        const parksChip = (await readChips(page)).find((c) => c.collection === 'parks');
        assert.ok(parks.length > 0, 'no parks left');
        assert.equal(parks.length, Number(/(\d+)$/.exec(parksChip.label)[1]), 'as many parks as the chip says');
        for (const r of parks) {
          assert.equal(r.kind, L.parks, where(r.href));
          assert.ok(pathOf(r.href).startsWith(`${L.prefix}/parks/`), where(r.href));
        }
        chips = await readChips(page);
        assert.deepEqual(chips.filter((c) => c.pressed === 'true').map((c) => c.collection), ['parks']);
        assert.ok(chips.every((c) => c.pressed === 'true' || c.pressed === 'false'), 'every chip says whether it is pressed');

        await page.getByRole('button', { name: new RegExp(`^${L.all} \\d+$`) }).click();
        await searchDone(page);
        assert.deepEqual((await readResults(page)).map((r) => r.href), before.map((r) => r.href), 'all results are back');
        chips = await readChips(page);
        assert.deepEqual(chips.filter((c) => c.pressed === 'true').map((c) => c.collection), ['']);

        // Ten at a time: past ten, "more results" shows the rest.
        const count = await statusCount(page, L.chipsQuery);
        const more = page.locator('.search-more');
        if (count > 10) {
          assert.equal(before.length, 10);
          await more.click();
          await searchDone(page);
          const all = await readResults(page);
          assert.equal(all.length, Math.min(count, 20));
          assert.deepEqual(all.slice(0, 10).map((r) => r.href), before.map((r) => r.href), 'the first ten stay first');
        } else assert.equal(await more.isVisible(), false);
      });
    });

    test('a query that matches nothing offers the hotline and the officials\' directory', async () => {
      await withPage(browser, base(), async (page) => {
        await searchFromHeader(page, server.url(L.start), L.nothing);
        assert.equal((await readResults(page)).length, 0);
        const empty = page.locator('.search-empty');
        assert.equal(await empty.isVisible(), true, '.search-empty is hidden');
        assert.equal(await page.locator('.search-chips').isVisible(), false, 'chips shown for no results');
        assert.match((await page.locator('.search-status').textContent()).trim(), /\S/, 'the status says nothing');
        const tel = empty.locator('a[href^="tel:"]');
        assert.equal(await tel.count(), 1, 'no tel: link');
        assert.equal(await tel.isVisible(), true);
        assert.match(await tel.getAttribute('href'), /^tel:\+?\d+$/);
        const directory = empty.locator('a:not([href^="tel:"]):not([href^="mailto:"])');
        assert.equal(await directory.count(), 1);
        await Promise.all([page.waitForURL((u) => u.pathname === L.directory), directory.click()]);
        assert.equal(await page.locator('#contact-filter').count(), 1, 'the link did not open the directory');
      });
    });

    test('a shared search address opens with the query in the field and its results', async () => {
      const q = L.prefix ? 'east zone' : '东区';
      const first = `${L.prefix}/parks/east-zone/`;
      await withPage(browser, base(), async (page, context) => {
        // As a link gives it (%20), and as the form sends it (+).
        for (const encoded of [encodeURIComponent(q), q.replace(/ /g, '+')]) {
          await openSearch(page, `${searchPath}?q=${encoded}`);
          assert.equal(await page.locator('#search-q').inputValue(), q, encoded);
          const results = await readResults(page);
          assert.ok(results.length > 0, `${encoded}: no results`);
          assert.equal(pathOf(results[0].href), first, encoded);
        }
        // A search made on the search page changes the address, so that
        // the address can be shared and gives the same results.
        const field = page.locator('#search-q');
        await field.fill('5G');
        await field.press('Enter');
        await page.waitForURL((u) => u.searchParams.get('q') === '5G');
        await searchDone(page);
        const mine = (await readResults(page)).map((r) => r.href);
        assert.ok(mine.length > 0);
        const other = await context.newPage();
        await openSearch(other, page.url());
        assert.equal(await other.locator('#search-q').inputValue(), '5G');
        assert.deepEqual((await readResults(other)).map((r) => r.href), mine);
      });
    });
  });
}

describe('English search: plurals', () => {
  test('"batteries" finds Automotive Electronics, which says "battery", with it marked', async () => {
    await withPage(browser, base(), async (page) => {
      await searchFromHeader(page, server.url('/en/'), 'batteries');
      const results = await readResults(page);
      const hit = results.find((r) => pathOf(r.href) === '/en/industries/automotive-electronics/');
      assert.ok(hit, `not found in ${JSON.stringify(results.map((r) => where(r.href)))}`);
      assert.ok(hit.marks.some((m) => /^batter(y|ies)$/i.test(m)), `"battery" not marked in ${JSON.stringify(hit.snippet)}`);
    });
  });
});

describe('search results link to pages that exist', () => {
  test('every result of a few queries opens an existing page, at an existing section', async () => {
    await withPage(browser, base(), async (page) => {
      for (const [path, q] of [['/search/', '王明'], ['/search/', '新型显示'], ['/en/search/', 'east zone'], ['/en/search/', 'talent']]) {
        await openSearch(page, `${path}?q=${encodeURIComponent(q)}`);
        const results = await readResults(page);
        assert.ok(results.length > 0, q);
        for (const r of results) await assertPageExists(r.href);
      }
      // And following one goes there.
      await openSearch(page, '/search/?q=%E7%8E%8B%E6%98%8E');
      await Promise.all([page.waitForURL((u) => u.pathname === '/card/wang-ming/'), page.locator('.search-result-link').first().click()]);
      assert.equal((await page.locator('h1').textContent()).trim(), '王明');
    });
  });

  // The build keeps the start of each section (120 to 320 characters);
  // when that start lacks the words, search.js shows another passage of the
  // page that has them, else the section's start: never an empty snippet.
  test('every result shows a passage, and the first one has the words marked', async () => {
    await withPage(browser, base(), async (page) => {
      const bad = [];
      for (const q of ['batteries', 'ming wang']) {
        await openSearch(page, `/en/search/?q=${encodeURIComponent(q)}`);
        const results = await readResults(page);
        if (!results.length || !results[0].marks.length) bad.push(`${q}: first result has no marks`);
        for (const r of results) {
          const text = r.snippet.replace(/…/g, '').trim();
          if (text.length < 10) bad.push(`${q}: ${where(r.href)} ${JSON.stringify(r.snippet)}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  });
});

// ---- The "/" key --------------------------------------------------------------

describe('the "/" key', () => {
  const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

  test('focuses the header search field on an ordinary page', async () => {
    await withPage(browser, base(), async (page) => {
      for (const start of ['/industries/new-display/', '/en/card/li-na/']) {
        await page.goto(server.url(start));
        await page.keyboard.press('/');
        assert.equal(await focused(page), 'site-q', start);
        assert.equal(await page.locator('#site-q').inputValue(), '', `${start}: the "/" was typed into the field`);
        await page.keyboard.type('5G');
        assert.equal(await page.locator('#site-q').inputValue(), '5G', start);
      }
    });
  });

  test('focuses the search page\'s own field', async () => {
    await withPage(browser, base(), async (page) => {
      await openSearch(page, '/search/?q=5G');
      await page.locator('h1').click(); // focus leaves the field
      assert.notEqual(await focused(page), 'search-q');
      await page.keyboard.press('/');
      assert.equal(await focused(page), 'search-q');
      assert.equal(await page.locator('#search-q').inputValue(), '5G');
    });
  });

  test('is typed as usual while typing in another field', async () => {
    await withPage(browser, base(), async (page) => {
      await page.goto(server.url('/officials/'));
      const filter = page.locator('#contact-filter');
      await filter.click();
      await page.keyboard.type('a/b');
      assert.equal(await focused(page), 'contact-filter');
      assert.equal(await filter.inputValue(), 'a/b');

      // In the header field itself, and in the card's question field.
      await page.goto(server.url('/card/li-na/'));
      await page.locator('#site-q').click();
      await page.keyboard.type('5G/6G');
      assert.equal(await page.locator('#site-q').inputValue(), '5G/6G');
      await page.locator('#ask-q').click();
      await page.keyboard.type('a/b');
      assert.equal(await focused(page), 'ask-q');
      assert.equal(await page.locator('#ask-q').inputValue(), 'a/b');
    });
  });
});

// ---- From disk, and without JavaScript -------------------------------------------

describe('search opened from disk (file://)', () => {
  // Every link of a page is relative to it, so a page opened from disk finds
  // its styles, scripts and index; only a request outside the site's folder
  // or off disk would be a problem (the offline copy, whose links also name
  // index.html, is tested in publish.test.mjs).
  async function withFilePage(fn) {
    const context = await browser.newContext();
    const inside = fileUrl(site, '').replace(/index\.html$/, '');
    const problems = [];
    const outside = (url) => url.startsWith('file:') && !url.startsWith(inside);
    context.on('weberror', (err) => problems.push(`uncaught exception: ${err.error().message}`));
    context.on('console', (msg) => {
      if (msg.type() === 'error' && !outside(msg.location().url || '')) problems.push(`console error: ${msg.text()}`);
    });
    context.on('requestfailed', (req) => {
      // The browser drops its own fetch of the page's icon when the test
      // moves on at once (as lib.mjs's watch() allows); a missing icon would
      // still fail as net::ERR_FILE_NOT_FOUND.
      if (req.failure()?.errorText === 'net::ERR_ABORTED' && /favicon/.test(req.url())) return;
      if (!outside(req.url())) problems.push(`request failed: ${req.url()}: ${req.failure()?.errorText}`);
    });
    context.on('request', (req) => { if (!req.url().startsWith('file:')) problems.push(`request off disk: ${req.url()}`); });
    try {
      await fn(await context.newPage());
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }

  test('search/index.html?q=… shows results that link to the files, in both languages', async () => {
    await withFilePage(async (page) => {
      for (const [dir, q, first] of [['search/', '新型显示', 'industries/new-display/'], ['en/search/', 'east zone', 'en/parks/east-zone/'], ['search/', '王明', 'card/wang-ming/']]) {
        await openSearch(page, `${fileUrl(site, dir)}?q=${encodeURIComponent(q)}`);
        assert.equal(await page.locator('#search-q').inputValue(), q);
        const results = await readResults(page);
        assert.ok(results.length > 0, `${q}: no results`);
        assert.equal(results[0].href, fileUrl(site, first), q);
        for (const r of results) {
          const u = new URL(r.href);
          assert.equal(u.protocol, 'file:', r.href);
          assert.match(u.pathname, /\/index\.html$/, `${r.href} does not end in index.html`);
          assert.ok(existsSync(fileURLToPath(u.href.replace(/#.*$/, ''))), `${r.href} is no file`);
        }
        // Following the first result opens that file.
        await page.locator('.search-result-link').first().click();
        await page.waitForURL(fileUrl(site, first));
        assert.equal((await page.locator('h1').textContent()).trim(), results[0].title, q);
      }
    });
  });
});

describe('without JavaScript', () => {
  const noJs = () => ({ ...base(), javaScriptEnabled: false });

  for (const L of LANGS) {
    test(`the ${L.lang} search page says search needs it and links to the lists; the ask box suggests nothing`, async () => {
      await withPage(browser, noJs(), async (page) => {
        // The header form still works: it is a plain GET form.
        await page.goto(server.url(L.start));
        await page.locator('#site-q').fill('新型显示');
        await Promise.all([page.waitForURL((u) => u.pathname === `${L.prefix}/search/`), page.locator('#site-q').press('Enter')]);
        const notice = page.locator('.search-needs-js');
        assert.equal(await notice.isVisible(), true, '.search-needs-js is hidden');
        assert.equal(await page.locator('.search-result').count(), 0);
        const links = await notice.locator('a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
        for (const list of L.lists) assert.ok(links.includes(list), `no link to ${list} in ${links}`);
        await Promise.all([page.waitForURL((u) => u.pathname === L.lists[1]), notice.locator(`a[href$="${L.lists[1].replace(L.prefix, '')}"]`).first().click()]);

        // A card's ask box offers no suggestions that could not work.
        await page.goto(server.url(`${L.prefix}/card/li-na/`));
        assert.equal(await page.locator('section.ask-box').isVisible(), true);
        assert.equal(await page.locator('.ask-suggestions').isVisible(), false);
        assert.equal(await page.locator('.ask-suggestions button:visible').count(), 0);
      });
    });
  }
});

// ---- The "ask me" box -----------------------------------------------------------------

// Requests a page may make: the page, its styles, scripts and images, and the
// browser's favicon; anything else (fetch, xhr, websocket…) is not wanted.
function recordRequests(context) {
  const seen = [];
  context.on('request', (req) => seen.push({ type: req.resourceType(), url: req.url() }));
  return seen;
}
function assertOnlyPlainRequests(seen) {
  const odd = seen.filter((r) => !['document', 'stylesheet', 'script', 'image'].includes(r.type)
    && !(r.type === 'other' && /\/favicon\.[0-9a-f]{10}\.svg$/.test(r.url)));
  assert.deepEqual(odd, [], 'requests other than documents, scripts, styles and images');
}
// Counts fetch and XMLHttpRequest calls made by the page's scripts.
const COUNT_FETCH = () => {
  window.__net = [];
  const f = window.fetch;
  window.fetch = function (input) { window.__net.push(`fetch ${input}`); return f.apply(this, arguments); };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) { window.__net.push(`xhr ${url}`); return open.apply(this, arguments); };
};

const CARDS = [
  { lang: 'Chinese', path: '/card/li-na/', question: '新型显示有哪些扶持政策？', own: '李娜', wechat: 'fucheng-lina-demo' },
  { lang: 'English', path: '/en/card/li-na/', question: 'what support is there for new display?', own: 'Li Na', wechat: 'fucheng-lina-demo' },
];

/** Waits until the box shows `question` in its field and has answered it. */
async function askedAndAnswered(page, question) {
  await page.waitForFunction((q) => document.querySelector('#ask-q').value === q
    && document.querySelector('section.ask-box').getAttribute('data-state') === 'done', question, { timeout: 10000 });
}

/** Checks the box's answers and the contact block under them; returns the answers. */
async function checkAnswers(page, card, { covered = false } = {}) {
  const box = page.locator('section.ask-box');
  assert.equal(await box.getAttribute('data-state'), 'done');
  const answers = await readResults(page, 'section.ask-box .ask-answers');
  assert.ok(answers.length >= 1 && answers.length <= 3, `${answers.length} answers`);
  for (const a of answers) {
    assert.notEqual(pathOf(a.href), card.path, 'the card answers with itself');
    assert.ok(a.title && a.visible, JSON.stringify(a));
    await assertPageExists(a.href);
  }
  if (covered) {
    // The first answer is a page the official covers: an industry, park or
    // project the card lists, or a policy, project, carrier or event about
    // one of those.
    const covers = await page.locator('.bizcard-covers a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    const top = pathOf(answers[0].href);
    let ok = covers.includes(top);
    if (!ok && /\/(policies|projects|carriers|events)\//.test(top)) {
      const html = await (await fetch(answers[0].href)).text();
      const industries = covers.filter((c) => /\/(industries|parks)\//.test(c));
      // Links are relative to the page: resolve them against it.
      const links = [...html.matchAll(/href="([^"]+)"/g)].map(([, h]) => new URL(h, answers[0].href).pathname);
      ok = industries.some((c) => links.includes(c));
    }
    assert.ok(ok, `${where(answers[0].href)} is not among ${covers} or their policies`);
  }
  // Then "still a question?", with the card's own call link and WeChat.
  const contact = box.locator('.ask-contact');
  assert.equal(await contact.count(), 1);
  assert.equal(await contact.isVisible(), true);
  const after = await page.evaluate(() => {
    const a = document.querySelector('.ask-answers'), c = document.querySelector('.ask-contact');
    return !!(a.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(after, 'the contact block is not under the answers');
  const call = await page.locator('.bizcard-actions a[href^="tel:"]').getAttribute('href');
  assert.deepEqual(await contact.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [call]);
  assert.equal(await contact.locator('a[href^="mailto:"]').count(), 1);
  assert.match(await contact.locator('button').textContent(), new RegExp(card.wechat));
  return answers;
}

for (const card of CARDS) {
  describe(`${card.lang} ask box on ${card.path}`, () => {
    test('suggests three questions, and loads no search script until it is used', async () => {
      await withPage(browser, base(), async (page, context) => {
        const seen = recordRequests(context);
        await page.goto(server.url(card.path));
        const suggestions = page.locator('.ask-suggestions button');
        assert.equal(await suggestions.count(), 3);
        for (const b of await suggestions.all()) assert.equal(await b.isVisible(), true);
        await new Promise((r) => setTimeout(r, 200)); // anything late would have started by now
        const searchFiles = () => seen.filter((r) => /\/search\.[0-9a-f]{10}\.js$|\/search\/(zh|en)\//.test(r.url)).map((r) => r.url);
        assert.deepEqual(searchFiles(), [], 'search files loaded before the box was used');
        assert.equal(await page.locator('section.ask-box').getAttribute('data-state'), null);
        // Focusing the field loads the script, ready for the question.
        await page.locator('#ask-q').focus();
        await page.waitForSelector('section.ask-box[data-state="ready"]', { state: 'attached' });
        assert.ok(searchFiles().some((u) => /\/search\.[0-9a-f]{10}\.js$/.test(u)), 'search.js did not load on focus');
      });
    });

    test('each suggestion, tapped, answers from what the official covers, then offers to call', async () => {
      await withPage(browser, { ...base(), init: COUNT_FETCH }, async (page, context) => {
        const seen = recordRequests(context);
        await page.goto(server.url(card.path));
        const buttons = page.locator('.ask-suggestions button');
        for (let i = 0; i < await buttons.count(); i++) {
          const question = (await buttons.nth(i).textContent()).trim();
          await buttons.nth(i).click();
          await askedAndAnswered(page, question);
          await checkAnswers(page, card, { covered: true });
        }
        assert.equal(pathOf(page.url()), card.path, 'asking left the card');
        assert.deepEqual(await page.evaluate(() => window.__net), [], 'fetch or XHR used');
        assertOnlyPlainRequests(seen);
      });
    });

    test('a typed question, sent with Enter, gets answers that link to existing pages, never the card itself', async () => {
      await withPage(browser, { ...base(), init: COUNT_FETCH }, async (page, context) => {
        const seen = recordRequests(context);
        await page.goto(server.url(card.path));
        await page.locator('#ask-q').click();
        await page.keyboard.type(card.question);
        await page.keyboard.press('Enter');
        await askedAndAnswered(page, card.question);
        const answers = await checkAnswers(page, card);
        assert.ok(answers.some((a) => /new-display/.test(pathOf(a.href))), `no New Display page in ${answers.map((a) => where(a.href))}`);
        assert.equal(pathOf(page.url()), card.path, 'Enter left the card for the search page');
        // Asked about the official by name, the card does not answer with itself.
        await page.locator('#ask-q').fill(card.own);
        await page.locator('#ask-q').press('Enter');
        await askedAndAnswered(page, card.own);
        await checkAnswers(page, card);
        assert.deepEqual(await page.evaluate(() => window.__net), [], 'fetch or XHR used');
        assertOnlyPlainRequests(seen);
      });
    });

    test('inside WeChat it works the same, by touch', async () => {
      const options = { ...base(), userAgent: WECHAT_UA, hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, init: COUNT_FETCH };
      await withPage(browser, options, async (page, context) => {
        const seen = recordRequests(context);
        await page.goto(server.url(card.path));
        const first = page.locator('.ask-suggestions button').first();
        const question = (await first.textContent()).trim();
        await first.tap();
        await askedAndAnswered(page, question);
        await checkAnswers(page, card, { covered: true });
        await page.locator('#ask-q').tap();
        await page.locator('#ask-q').fill(card.question);
        await page.locator('#ask-q').press('Enter');
        await askedAndAnswered(page, card.question);
        await checkAnswers(page, card);
        assert.deepEqual(await page.evaluate(() => window.__net), [], 'fetch or XHR used');
        assertOnlyPlainRequests(seen);
      });
    });
  });
}

test('the WeChat button under the answers copies the official\'s WeChat ID', async () => {
  await withPage(browser, { ...base(), permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await page.goto(server.url('/card/li-na/'));
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator('.ask-suggestions button').first().click();
    await page.waitForSelector('section.ask-box[data-state="done"]', { state: 'attached' });
    await checkAnswers(page, CARDS[0]);
    await page.locator('.ask-contact button').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'fucheng-lina-demo');
  });
});

// ---- Small sites ------------------------------------------------------------------

const SITE_YAML = 'title: {zh: 测试区投资指南, en: Test District Guide}\n'
  + 'base_url: https://invest.example.gov.cn/\nlanguages: [zh, en]\n'
  + 'contact:\n  phone: "+86 816 000 0000"\n';

/** Serves a small site for the tests of one describe(). */
function smallSite(files) {
  const ctx = {};
  before(async () => {
    ctx.out = buildSite({ 'content/site.yaml': SITE_YAML, ...files }).out;
    ctx.server = await serve(ctx.out);
  });
  after(async () => { await ctx.server?.close(); });
  return ctx;
}

describe('hostile text in the content stays text in the results', () => {
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const BREAK = '</script><script>window.__pwned=2</script>';
  // YAML single-quoted: '' is a quote.
  const yaml = (s) => `'${s.replace(/'/g, "''")}'`;
  const entry = (title, summary, body) => `---\ntitle: ${yaml(title)}\nsummary: ${yaml(summary)}\n---\n${body}\n`;
  const s = smallSite({
    'content/industries/evil.md': entry(
      `恶意产业 ${IMG} ${BREAK} "双引号" '单引号' pwned`,
      `摘要 ${IMG} ${BREAK} "引号" 'apos' img pwned`,
      `正文 ${IMG} 与 ${BREAK} 以及 "引号" 'apos' & pwned img。\n\n## 细节\n\n请看 <span class="zqmarkup">这里</span>。`),
    'content/industries/evil.en.md': entry(
      `Evil ${IMG} ${BREAK} "double" 'single' pwned`,
      `Summary ${IMG} ${BREAK} "q" 'apos' img pwned`,
      `Body ${IMG} and ${BREAK} "quotes" 'apos' & pwned img.`),
    'content/industries/plain.md': entry('普通产业', '普通的摘要，提到 pwned 一次。', '普通正文。'),
    'content/industries/plain.en.md': entry('Plain industry', 'A plain summary that says pwned once.', 'Plain body.'),
    'content/officials/zhang-wei.md': '---\nname: 张伟\nphone: "+86 816 000 0001"\nindustries: [evil]\n---\n',
    'content/officials/zhang-wei.en.md': '---\nname: Zhang Wei\n---\n',
  });
  const options = () => ({ origin: s.server.origin });
  const unsafe = (page, scope) => page.evaluate((sel) => ({
    pwned: window.__pwned,
    elements: document.querySelectorAll(`${sel} img, ${sel} script, ${sel} [onerror]`).length,
  }), scope);

  for (const [prefix, title] of [['', '恶意产业'], ['/en', 'Evil']]) {
    test(`${prefix || '/'}: searching for "img" and "pwned" shows the markup as text`, async () => {
      await withPage(browser, options(), async (page) => {
        for (const q of ['img', 'pwned']) {
          await openSearch(page, s.server.url(`${prefix}/search/?q=${q}`));
          const results = await readResults(page);
          const evil = results.find((r) => r.title.startsWith(title));
          assert.ok(evil, `${q}: not found in ${JSON.stringify(results)}`);
          for (const text of [IMG, BREAK, '"']) assert.ok(evil.title.includes(text), `${q}: title ${evil.title}`);
          assert.ok(evil.snippet.includes('<img'), `${q}: snippet ${evil.snippet}`);
          assert.ok(evil.marks.length > 0, `${q}: nothing marked in ${evil.snippet}`);
          if (q === 'pwned') assert.ok(results.some((r) => pathOf(r.href) === `${prefix}/industries/plain/`), 'the plain page is missing');
          await new Promise((r) => setTimeout(r, 100)); // an onerror would have run by now
          assert.deepEqual(await unsafe(page, '.search-results'), { pwned: undefined, elements: 0 }, q);
        }
      });
    });
  }

  test('a query that is markup is shown as text', async () => {
    await withPage(browser, options(), async (page) => {
      await openSearch(page, s.server.url(`/search/?q=${encodeURIComponent(IMG + BREAK)}`));
      assert.equal(await page.locator('#search-q').inputValue(), IMG + BREAK);
      assert.ok((await page.locator('.search-status').textContent()).includes(IMG));
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(await unsafe(page, '.search-page'), { pwned: undefined, elements: 0 });
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });

  test('the ask box of an official covering it shows the markup as text', async () => {
    await withPage(browser, options(), async (page) => {
      await page.goto(s.server.url('/card/zhang-wei/'));
      const first = page.locator('.ask-suggestions button').first();
      assert.ok((await first.textContent()).includes('<img'), 'the suggestion names the industry');
      await first.click();
      await page.waitForSelector('section.ask-box[data-state="done"]', { state: 'attached' });
      const answers = await readResults(page, 'section.ask-box .ask-answers');
      assert.ok(answers.some((a) => a.title.includes(IMG)), JSON.stringify(answers));
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(await unsafe(page, 'section.ask-box'), { pwned: undefined, elements: 0 });
    });
  });

  // The page shows raw HTML in a body as text (the build warns "shown as
  // text"), and the index has that text as the page shows it.
  test('words the page shows inside markup written as text can be found', async () => {
    await withPage(browser, options(), async (page) => {
      await page.goto(s.server.url('/industries/evil/'));
      assert.ok((await page.locator('.prose').textContent()).includes('<span class="zqmarkup">'), 'the page shows the markup');
      await openSearch(page, s.server.url('/search/?q=zqmarkup'));
      const results = await readResults(page);
      assert.deepEqual(results.map((r) => pathOf(r.href)), ['/industries/evil/']);
    });
  });
});

describe('pages left out of search', () => {
  const page = (title, extra, body) => `---\ntitle: ${title}\n${extra}---\n${body}\n`;
  const s = smallSite({
    'content/industries/open.md': page('公开产业', 'summary: 公开的 zqword 产业。\n', 'zqword 正文。'),
    'content/industries/open.en.md': page('Open industry', 'summary: An open zqword industry.\n', 'zqword body.'),
    'content/industries/secret.md': page('保密产业', 'summary: 保密的 zqword 产业。\nsearch: false\n', 'zqword 正文。'),
    'content/industries/secret.en.md': page('Secret industry', 'summary: A secret zqword industry.\n', 'zqword body.'),
    'content/pages/shown.md': page('公开页面 zqword', '', 'zqword 公开说明。'),
    'content/pages/shown.en.md': page('Shown page zqword', '', 'zqword notes for everyone.'),
    'content/pages/hidden.md': page('隐藏页面 zqword', 'search: false\n', 'zqword 内部说明。'),
    'content/pages/hidden.en.md': page('Hidden page zqword', '', 'zqword internal notes.'),
    'content/pages/draft.md': page('草稿页面 zqword', 'draft: true\n', 'zqword 草稿。'),
  });
  const options = () => ({ origin: s.server.origin });

  for (const prefix of ['', '/en']) {
    test(`${prefix || '/'}: search: false and drafts are not found, the other pages are`, async () => {
      await withPage(browser, options(), async (p) => {
        await openSearch(p, s.server.url(`${prefix}/search/?q=zqword`));
        const found = (await readResults(p)).map((r) => pathOf(r.href)).sort();
        assert.deepEqual(found, [`${prefix}/industries/open/`, `${prefix}/shown/`]);
        // Left out of search, not out of the site (the translation inherits
        // search: false); the draft is not built at all.
        for (const path of [`${prefix}/industries/secret/`, `${prefix}/hidden/`]) {
          assert.equal((await fetch(s.server.url(path))).status, 200, path);
        }
        assert.equal((await fetch(s.server.url('/draft/'))).status, 404);
        // Nor is either found by its own title.
        for (const q of prefix ? ['secret industry', 'hidden page'] : ['保密产业', '隐藏页面', '草稿页面']) {
          await openSearch(p, s.server.url(`${prefix}/search/?q=${encodeURIComponent(q)}`));
          const paths = (await readResults(p)).map((r) => pathOf(r.href));
          assert.ok(!paths.some((x) => /\/(secret|hidden|draft)\/$/.test(x)), `${q}: ${paths}`);
        }
      });
    });
  }

  // A page without a summary, found by its title, shows its body text.
  test('a page without a summary still gets a snippet from its text', async () => {
    await withPage(browser, options(), async (p) => {
      await openSearch(p, s.server.url('/search/?q=zqword'));
      const shown = (await readResults(p)).find((r) => pathOf(r.href) === '/shown/');
      assert.ok(shown);
      assert.match(shown.snippet, /zqword/, `snippet: ${JSON.stringify(shown.snippet)}`);
    });
  });
});
