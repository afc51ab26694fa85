// For fairs and chats: a card opened from a campaign link (?src=…) hands the
// word on with its share and copy links, and the officials' directory offers
// every contact in one vCard file.
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

const CARD = 'https://invest.fucheng.example.gov.cn/card/wang-ming/';

describe('campaign links', () => {
  test('?src= stays on the card link, its copy button and the share button', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/card/wang-ming/?src=fair-2026'));
      assert.equal(await page.locator('a.card-url').textContent(), `${CARD}?src=fair-2026`);
      assert.equal(await page.locator('a.card-url').getAttribute('href'), `${CARD}?src=fair-2026`);
      assert.equal(await page.locator('.card-link .js-copy').getAttribute('data-copy'), `${CARD}?src=fair-2026`);
      assert.equal(await page.locator('.js-share').getAttribute('data-url'), `${CARD}?src=fair-2026`);
    });
  });

  test('an old card address keeps ?src= on its way to the card', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      // chen-jie's old slug in the example is chenjie (`aliases: [chenjie]`).
      await page.goto(server.url('/card/chenjie/?src=brochure'));
      await page.waitForURL(/\/card\/chen-jie\/\?src=brochure$/);
      assert.equal(await page.locator('a.card-url').textContent(),
        'https://invest.fucheng.example.gov.cn/card/chen-jie/?src=brochure');
    });
  });

  test('a word that is not one is ignored', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/card/wang-ming/?src=%3Cscript%3E'));
      assert.equal(await page.locator('a.card-url').textContent(), CARD);
    });
  });

  test('from file:// too', async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(`${fileUrl(site, 'card/wang-ming/')}?src=qr-desk`);
      assert.equal(await page.locator('.js-share').getAttribute('data-url'), `${CARD}?src=qr-desk`);
    });
  });
});

describe("the directory's vCard file", () => {
  test('downloads with every official in it', async () => {
    await withPage(browser, { origin: server.origin, acceptDownloads: true }, async (page) => {
      await page.goto(server.url('/en/officials/'));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Save all contacts' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'officials.vcf');
      const text = readFileSync(await download.path(), 'utf8');
      assert.equal(text.match(/BEGIN:VCARD\r\n/g).length, 4);
      for (const name of ['Wang Ming', 'Li Na', 'Chen Jie', 'Zhao Lei']) assert.match(text, new RegExp(`\\r\\nFN:${name}\\r\\n`));
    });
  });
});
