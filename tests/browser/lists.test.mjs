// The filtered lists of the example guide: projects by status and industry,
// carriers (land and premises) by park, kind, status and minimum area,
// policies by industry, type, delivery and status, and events by kind. A
// visitor picks a filter and sees only the matching cards; without
// JavaScript the same cards are there, grouped, with no filter form.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { exampleSite, fileUrl, launch, serve, withPage } from './lib.mjs';

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

// The titles of the cards shown, the group headings shown, the count line.
async function shown(page) {
  return page.evaluate(() => {
    const visible = (el) => el.checkVisibility();
    return {
      cards: [...document.querySelectorAll('.list-group .entry-card-title')].filter(visible).map((e) => e.textContent.trim()),
      groups: [...document.querySelectorAll('.list-group h2')].filter(visible).map((e) => e.textContent.trim()),
      count: document.querySelector('.list-count')?.textContent.trim() ?? null,
      empty: visible(document.querySelector('.filter-empty')),
    };
  });
}

const label = (page, name) => page.getByLabel(name, { exact: true });

describe('the projects list /projects/', () => {
  test('without JavaScript every project is there, grouped by status, and no filter form', async () => {
    await withPage(browser, { origin: server.origin, javaScriptEnabled: false }, async (page) => {
      await page.goto(server.url('/projects/'));
      assert.equal(await page.locator('form.list-filter').isVisible(), false);
      const now = await shown(page);
      assert.equal(now.cards.length, 7);
      assert.deepEqual(now.groups, ['招商中', '洽谈中', '已签约', '在建']);
    });
  });

  test('choosing a status and an industry leaves the matching projects', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/projects/'));
      await label(page, '状态').waitFor({ state: 'visible' });
      assert.equal((await shown(page)).count, '显示 7 / 7 项');
      await label(page, '状态').selectOption('building');
      let now = await shown(page);
      assert.equal(now.cards.length, 4);
      assert.deepEqual(now.groups, ['在建']);
      await label(page, '重点产业').selectOption('new-display');
      now = await shown(page);
      assert.deepEqual(now.cards, ['创明新能源项目', '欣盛COF-IC项目']);
      assert.equal(now.count, '显示 2 / 7 项');
      await label(page, '状态').selectOption('seeking');
      await label(page, '重点产业').selectOption('automotive-electronics');
      now = await shown(page);
      assert.deepEqual(now.cards, []);
      assert.equal(now.empty, true, 'says that nothing matches');
    });
  });
});

describe('the carriers list /en/carriers/', () => {
  test('a minimum area and a kind leave the large plots', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/en/carriers/'));
      await label(page, 'Minimum area (m²)').waitFor({ state: 'visible' });
      assert.equal((await shown(page)).cards.length, 4);
      await label(page, 'Minimum area (m²)').fill('10000');
      let now = await shown(page);
      assert.deepEqual(now.cards.sort(), ['East Zone Plot A3', 'North Zone Plot B7']);
      await label(page, 'Status').selectOption('available');
      now = await shown(page);
      assert.deepEqual(now.cards, ['East Zone Plot A3']);
      assert.equal(now.groups.length, 1, 'the park without a match is hidden');
    });
  });

  test('from file:// the filter works too', async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(fileUrl(site, 'en/carriers/'));
      await label(page, 'Type').selectOption('office');
      assert.deepEqual((await shown(page)).cards, ['North Zone Innovation Incubator']);
    });
  });
});

describe('the policies list /policies/', () => {
  test('a type and a way of delivery narrow the policies', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/policies/'));
      await label(page, '支持类型').waitFor({ state: 'visible' });
      const all = (await shown(page)).cards.length;
      assert.equal(all, 3);
      await label(page, '支持类型').selectOption('talent');
      assert.deepEqual((await shown(page)).cards, ['涪城区“招才引智”政策']);
      await label(page, '支持类型').selectOption('');
      await label(page, '兑现方式').selectOption('automatic');
      assert.equal((await shown(page)).cards.length, 1);
    });
  });
});

describe('the events list /events/', () => {
  test('coming events come first; a kind filters them', async () => {
    await withPage(browser, { origin: server.origin, acceptDownloads: true }, async (page) => {
      await page.goto(server.url('/events/'));
      await label(page, '类型').waitFor({ state: 'visible' });
      const now = await shown(page);
      assert.deepEqual(now.groups, ['即将举办', '往期活动与动态']);
      assert.equal(now.cards[0], '2027新型显示产业链招商推介会');
      await label(page, '类型').selectOption('forum');
      assert.deepEqual((await shown(page)).cards, ['“涪城荟”粤港澳大湾区招商联盟大会']);
      // The event's page offers its calendar file as a download.
      await page.goto(server.url('/events/new-display-roadshow-2027/'));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '加入日历' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'new-display-roadshow-2027.ics');
      const text = readFileSync(await download.path(), 'utf8');
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
      assert.match(text, /DTSTART;TZID=Asia\/Shanghai:20270318T093000\r\n/);
    });
  });
});
