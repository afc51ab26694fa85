// An official's business card, used as a visitor would: share it, copy the
// WeChat ID, open it inside WeChat, save the contact. The example guide's
// Wang Ming has every field, in Chinese at /card/wang-ming/ and in English at
// /en/card/wang-ming/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WECHAT_UA, exampleSite, launch, serve, waitForText, withPage } from './lib.mjs';

// A name that is not localhost: Chromium treats http://127.0.0.1 as a secure
// context, so the async clipboard works there. Under this name the page is an
// ordinary plain-HTTP site, which has no async clipboard, and copying has to
// fall back to execCommand.
const INSECURE_HOST = 'hui-insecure.test';

let browser, server;
before(async () => {
  browser = await launch({
    args: [
      `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`,
      // Chromium tries https:// first for a plain-HTTP name and waits before
      // falling back; the server speaks HTTP only.
      '--disable-features=HttpsUpgrades',
    ],
  });
  server = await serve(exampleSite());
});
after(async () => {
  await server?.close();
  await browser?.close();
});

// Each test opens its own context; these are the options most of them share.
const base = () => ({ origin: server.origin });
const withClipboard = () => ({
  ...base(),
  permissions: ['clipboard-read', 'clipboard-write'],
});

// Headless Chromium on Linux has no share sheet today, but a later build
// could: remove it so that "no share sheet" really means none.
const NO_SHARE = () => {
  delete Navigator.prototype.share;
  delete Navigator.prototype.canShare;
};
// A share sheet that records what it was asked to share.
const FAKE_SHARE = () => {
  window.__shared = [];
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    value: (data) => { window.__shared.push(data); return Promise.resolve(); },
  });
};

const WECHAT_ID = 'fucheng-wangming-demo';
const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
// The clipboard belongs to the whole browser, not to a test's context: empty
// it first, so that a test cannot pass on what an earlier test copied.
const clearClipboard = (page) => page.evaluate(() => navigator.clipboard.writeText(''));

// The buttons change their label to "copied" for a moment, so they are found
// by their place on the card rather than by their label; a test checks the
// label it expects before clicking.
const shareButton = (page) => page.locator('.bizcard-actions .js-share');
const copyIdButton = (page) => page.locator('.copyable').filter({ hasText: WECHAT_ID }).locator('.js-copy');
const copyLinkButton = (page) => page.locator('.card-link .js-copy');
async function labelled(locator, label) {
  await locator.waitFor({ state: 'visible' });
  assert.equal((await locator.textContent()).trim(), label);
  return locator;
}

/** Clicks the button labelled `label` and waits until it says `copied`. */
async function clickUntilCopied(locator, label, copied) {
  const button = await labelled(locator, label);
  await button.click();
  await waitForText(button, copied);
  return button;
}

const cards = [
  {
    lang: 'Chinese', path: '/card/wang-ming/', name: '王明',
    share: '分享', copy: '复制', copyLink: '复制链接', copied: '已复制', saveContact: '保存到通讯录',
    hint: '在浏览器打开',
  },
  {
    lang: 'English', path: '/en/card/wang-ming/', name: 'Wang Ming',
    share: 'Share', copy: 'Copy', copyLink: 'Copy link', copied: 'Copied', saveContact: 'Save contact',
    hint: 'Open in Browser',
  },
];
// Share and copy-link give the published address from site.yaml's base_url,
// not the address the page happens to be viewed at, so a shared link lasts.
const cardLink = (card) => `https://invest.fucheng.example.gov.cn${card.path}`;

for (const card of cards) {
  describe(`${card.lang} business card ${card.path}`, () => {
    test('without JavaScript the card has no dead share or copy buttons', async () => {
      await withPage(browser, { ...base(), javaScriptEnabled: false }, async (page) => {
        await page.goto(server.url(card.path));
        assert.equal(await page.locator('h1').textContent(), card.name);
        assert.equal(await page.locator('.js-share').isVisible(), false, 'share button shown');
        assert.equal(await page.locator('.js-copy:visible').count(), 0, 'copy buttons shown');
        assert.equal(await page.locator('.wechat-hint').isVisible(), false, 'WeChat hint shown');
        // What works without a script is still there.
        assert.ok(await page.getByRole('link', { name: card.saveContact }).isVisible());
      });
    });

    test('the share button appears once the page has loaded', async () => {
      await withPage(browser, base(), async (page) => {
        await page.goto(server.url(card.path));
        await page.getByRole('button', { name: card.share, exact: true }).waitFor({ state: 'visible' });
        assert.ok(await copyIdButton(page).isVisible(), 'no copy button by the WeChat ID');
        assert.ok(await copyLinkButton(page).isVisible(), 'no copy button by the card link');
        // Outside WeChat the hint and the QR image stay hidden; the SVG shows.
        assert.equal(await page.locator('.wechat-hint').isVisible(), false);
        assert.equal(await page.locator('img.qr-image').isVisible(), false);
        assert.ok(await page.locator('svg.qr').isVisible());
      });
    });

    test('share copies the card link where the browser has no share sheet', async () => {
      await withPage(browser, { ...withClipboard(), init: NO_SHARE }, async (page) => {
        await page.clock.install(); // timers run only when the test says
        await page.goto(server.url(card.path));
        await clearClipboard(page);
        const share = await clickUntilCopied(shareButton(page), card.share, card.copied);
        assert.equal(await readClipboard(page), cardLink(card));
        // The label comes back after two seconds, so the button can be used
        // again. The page's clock is fake, so the test need not wait them out.
        await page.clock.runFor(2000);
        await waitForText(share, card.share);
      });
    });

    test('share opens the share sheet with the card name and link where there is one', async () => {
      await withPage(browser, { ...withClipboard(), init: FAKE_SHARE }, async (page) => {
        await page.goto(server.url(card.path));
        // A sentinel: sharing must not also overwrite the clipboard.
        await page.evaluate(() => navigator.clipboard.writeText('untouched'));
        await (await labelled(shareButton(page), card.share)).click();
        await page.waitForFunction(() => window.__shared.length > 0);
        assert.deepEqual(await page.evaluate(() => window.__shared), [{ title: card.name, url: cardLink(card) }]);
        assert.equal(await readClipboard(page), 'untouched');
      });
    });

    test('copy next to the WeChat ID copies the ID and says "copied"', async () => {
      await withPage(browser, withClipboard(), async (page) => {
        await page.clock.install(); // timers run only when the test says
        await page.goto(server.url(card.path));
        await clearClipboard(page);
        const copy = await clickUntilCopied(copyIdButton(page), card.copy, card.copied);
        assert.equal(await readClipboard(page), WECHAT_ID);
        await page.clock.runFor(2000);
        await waitForText(copy, card.copy);
      });
    });

    test('copy link copies the card link', async () => {
      await withPage(browser, withClipboard(), async (page) => {
        await page.goto(server.url(card.path));
        await clearClipboard(page);
        const copy = await clickUntilCopied(copyLinkButton(page), card.copyLink, card.copied);
        assert.equal(await readClipboard(page), cardLink(card));
      });
    });

    test('copying the WeChat ID also works on a plain-HTTP host', async () => {
      const origin = server.origin.replace('127.0.0.1', INSECURE_HOST);
      const options = { ...withClipboard(), origin: [origin, server.origin] };
      await withPage(browser, options, async (page, context) => {
        // The insecure page cannot read the clipboard; a page of the same
        // site on the secure origin shares the browser's clipboard and can.
        const reader = await context.newPage();
        await reader.goto(server.url(card.path));
        await clearClipboard(reader);

        await page.goto(new URL(card.path, origin).href);
        assert.equal(await page.evaluate(() => window.isSecureContext), false, 'the page should be insecure');
        const copy = await clickUntilCopied(copyIdButton(page), card.copy, card.copied);
        assert.equal(await readClipboard(reader), WECHAT_ID);
      });
    });

    test('inside WeChat the card says to open it in the browser and shows the QR code as an image', async () => {
      await withPage(browser, { ...base(), userAgent: WECHAT_UA }, async (page) => {
        await page.goto(server.url(card.path));
        const hint = page.locator('.wechat-hint');
        await hint.waitFor({ state: 'visible' });
        assert.match(await hint.textContent(), new RegExp(card.hint));
        // An <img>, because WeChat's long-press recognises QR codes only in images.
        const img = page.locator('img.qr-image');
        await img.waitFor({ state: 'visible' });
        await page.waitForFunction((el) => el.complete, await img.elementHandle());
        assert.ok(await img.evaluate((el) => el.naturalWidth > 0), 'the QR image did not load');
        assert.equal(await page.locator('svg.qr').isVisible(), false, 'the SVG QR code is shown as well');
      });
    });

    test('inside WeChat share copies the link instead of calling the share API', async () => {
      // main.js leaves the share API alone inside WeChat whatever the page
      // is told, so offer one and check that it goes unused.
      const options = { ...withClipboard(), userAgent: WECHAT_UA, init: FAKE_SHARE };
      await withPage(browser, options, async (page) => {
        await page.goto(server.url(card.path));
        await clearClipboard(page);
        const share = await clickUntilCopied(shareButton(page), card.share, card.copied);
        assert.equal(await readClipboard(page), cardLink(card));
        assert.deepEqual(await page.evaluate(() => window.__shared), []);
      });
    });

    test('save contact downloads the vCard, served as text/vcard', async () => {
      await withPage(browser, base(), async (page, context) => {
        await page.goto(server.url(card.path));
        const link = page.getByRole('link', { name: card.saveContact });
        const href = await link.getAttribute('href');
        // The file beside the card page, named from it.
        assert.equal(href, 'wang-ming.vcf');

        // Phones open the file as a contact only when it comes as text/vcard.
        const res = await context.request.get(new URL(href, page.url()).href);
        assert.equal(res.status(), 200);
        assert.match(res.headers()['content-type'], /^text\/vcard\b/);
        const vcard = await res.text();
        assert.match(vcard, /^BEGIN:VCARD\r\n/);
        assert.match(vcard, new RegExp(`\r\nFN:${card.name}\r\n`));

        // Clicking it downloads the same file under the official's name.
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.equal(download.suggestedFilename(), 'wang-ming.vcf');
        const chunks = [];
        for await (const chunk of await download.createReadStream()) chunks.push(chunk);
        assert.equal(Buffer.concat(chunks).toString('utf8'), vcard);
      });
    });
  });
}

describe('copy button, clicked twice quickly', () => {
  // main.js's done() saves the button's *current* text as the label to come
  // back to; on a second click within 2 s that text is already "copied", so
  // the button ends up saying "copied" for good.
  test('still goes back to its label afterwards', async () => {
    await withPage(browser, withClipboard(), async (page) => {
      await page.clock.install(); // timers run only when the test says
      await page.goto(server.url('/en/card/wang-ming/'));
      await clearClipboard(page);
      const copy = await labelled(copyIdButton(page), 'Copy');
      await copy.dblclick();
      await waitForText(copy, 'Copied');
      await page.clock.runFor(5000);
      await waitForText(copy, 'Copy', { timeout: 1000 });
    });
  });
});
