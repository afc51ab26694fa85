// For fairs and chats: a card opened from a campaign link (?src=…) hands the
// word on with its share and copy links, and the officials' directory offers
// every contact in one vCard file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WECHAT_UA, exampleSite, fileUrl, launch, serve, withPage } from './lib.mjs';

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
      // As address books read it: vobject (Python), as in .ci/run.
      const parsed = spawnSync('python3', ['-c', `
import sys, vobject
cards = list(vobject.readComponents(sys.stdin.read()))
for card in cards:
    print(card.fn.value + "|" + card.tel.value)
`], { input: text, encoding: 'utf8' });
      assert.equal(parsed.status, 0, parsed.stderr);
      const people = parsed.stdout.trim().split('\n');
      assert.deepEqual(people.map((p) => p.split('|')[0]), ['Wang Ming', 'Li Na', 'Chen Jie', 'Zhao Lei']);
      for (const p of people) assert.match(p.split('|')[1], /^\+86/);
    });
  });
});

// The QR code in a PNG, as zbarimg reads it (Debian's zbar-tools; run.sh
// installs it).
function decodeQr(dataUrl) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hui-poster-')), 'poster.png');
  writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const r = spawnSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' });
  return r.stdout.trim();
}

// Asks for the poster and returns the PNG's data: URL, checking that the
// poster's scripts were not loaded before the visitor asked.
async function makePoster(page, label) {
  const loaded = [];
  page.on('request', (r) => { if (/\/(share|qrcode)\.[0-9a-f]+\.js$/.test(r.url())) loaded.push(r.url()); });
  await page.getByRole('button', { name: label, exact: true }).waitFor({ state: 'visible' });
  assert.deepEqual(loaded, [], 'the poster code loads only when asked for');
  await page.getByRole('button', { name: label, exact: true }).click();
  const img = page.locator('.share-panel img');
  await img.waitFor();
  const src = await img.getAttribute('src');
  assert.match(src, /^data:image\/png;base64,/);
  assert.equal(loaded.length, 2, 'share.js and qrcode.js, once asked');
  return src;
}

describe('share posters', () => {
  test('a poster of the card, whose QR code keeps ?src=', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/card/wang-ming/?src=fair-2026'));
      const png = await makePoster(page, '海报');
      assert.equal(decodeQr(png), `${CARD}?src=fair-2026`);
      const save = page.getByRole('link', { name: '保存海报' });
      assert.equal(await save.getAttribute('download'), 'wang-ming-poster.png');
      // A 1080-pixel-wide picture, as Moments wants it.
      const width = await page.locator('.share-panel img').evaluate((i) => i.naturalWidth);
      assert.equal(width, 1080);
    });
  });

  test("in WeChat's browser too, without a campaign word", async () => {
    await withPage(browser, { origin: server.origin, userAgent: WECHAT_UA }, async (page) => {
      await page.goto(server.url('/en/card/li-na/'));
      const png = await makePoster(page, 'Poster');
      assert.equal(decodeQr(png), 'https://invest.fucheng.example.gov.cn/en/card/li-na/');
    });
  });

  test('from file://, where the photo cannot be drawn, with the initials', async () => {
    await withPage(browser, {}, async (page) => {
      await page.goto(fileUrl(site, 'card/wang-ming/'));
      const png = await makePoster(page, '海报');
      assert.equal(decodeQr(png), CARD);
    });
  });
});

describe('e-mail signatures', () => {
  test('the signature copies as HTML with the card link and the QR image by its address', async () => {
    await withPage(browser, { origin: server.origin, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      await page.goto(server.url('/en/card/wang-ming/'));
      await page.getByRole('button', { name: 'E-mail signature' }).click();
      const preview = page.locator('.signature-preview');
      await preview.waitFor();
      assert.match(await preview.textContent(), /Wang Ming/);
      await page.getByRole('button', { name: 'Copy the signature' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      const html = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return (await item.getType('text/html')).text();
      });
      assert.match(html, /<table/);
      assert.match(html, /Wang Ming/);
      assert.match(html, /href="https:\/\/invest\.fucheng\.example\.gov\.cn\/en\/card\/wang-ming\/"/);
      assert.match(html, /src="https:\/\/invest\.fucheng\.example\.gov\.cn\/en\/card\/wang-ming\/qr\.png"/);
      assert.match(html, /style="[^"]*font-family/);
    });
  });
});
