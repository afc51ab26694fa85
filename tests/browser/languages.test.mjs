// A guide in four languages (zh, en, ja, ko) as a visitor uses it: the
// language switcher leads to the same page in Korean, and search on the
// Japanese search page finds the official, in Japanese UI strings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildSite, launch, serve, waitForText, withPage } from './lib.mjs';

const FILES = {
  'content/site.yaml': 'title: {zh: 测试区投资指南, en: Test District Guide, ja: テスト区投資ガイド, ko: 테스트구 투자 가이드}\n'
    + 'base_url: https://invest.example.gov.cn/\nlanguages: [zh, en, ja, ko]\n'
    + 'contact:\n  phone: "+86 816 000 0000"\n',
  'content/industries/new-display.md': '---\ntitle: 新型显示\nsummary: 以惠科为龙头\n---\n正文\n',
  'content/industries/new-display.en.md': '---\ntitle: New Display\n---\nText.\n',
  'content/industries/new-display.ja.md': '---\ntitle: 新型ディスプレイ\n---\n日本語の本文。\n',
  'content/industries/new-display.ko.md': '---\ntitle: 신형 디스플레이\n---\n한국어 본문.\n',
  'content/parks/east-zone.md': '---\ntitle: 东区\nindustries: [new-display]\n---\n东区正文\n',
  'content/parks/east-zone.ja.md': '---\ntitle: 東区\n---\n東区の本文。\n',
  'content/officials/wang-ming.md': '---\nname: 王明\nposition: 副局长\norganization: 经合局\n'
    + 'phone: "+86 816 000 0001"\nindustries: [new-display]\nparks: [east-zone]\n---\n简介\n',
  'content/officials/wang-ming.en.md': '---\nname: Wang Ming\nposition: Deputy Director\n---\nBio.\n',
  'content/officials/wang-ming.ja.md': '---\nname: 王明\nposition: 副局長\norganization: 経済協力局\n---\n紹介。\n',
};

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(buildSite(FILES).out);
});
after(async () => {
  await server?.close();
  await browser?.close();
});

test('the language switcher on a Japanese page leads to the same page in Korean', async () => {
  await withPage(browser, { origin: server.origin }, async (page) => {
    await page.goto(server.url('/ja/parks/east-zone/'));
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    const names = await page.$$eval('.lang-switch a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(names, ['中文', 'English', '한국어']);
    await Promise.all([page.waitForURL(server.url('/ko/parks/east-zone/')), page.click('.lang-switch a[hreflang=ko]')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    // No Korean translation of the park: the Chinese text, with a Korean notice.
    assert.match(await page.textContent('h1'), /东区/);
    assert.match(await page.textContent('.notice-fallback'), /한국어로 번역되지 않았습니다/);
    assert.equal((await page.textContent('.main-nav a[aria-current=page]')).trim(), '산업단지');
  });
});

test('search on the Japanese search page finds the official', async () => {
  await withPage(browser, { origin: server.origin }, async (page) => {
    for (const q of ['王明', '副局長']) {
      await page.goto(server.url(`/ja/search/?q=${encodeURIComponent(q)}`));
      await page.waitForSelector('html[data-search="done"]', { state: 'attached', timeout: 10000 });
      await waitForText(page.locator('.search-status'), `「${q}」の検索結果：1件`);
      const hrefs = await page.$$eval('.search-results a.search-result-link', (as) => as.map((a) => new URL(a.href).pathname));
      assert.deepEqual(hrefs, ['/ja/card/wang-ming/'], q);
      assert.equal((await page.textContent('.search-result-title')).trim(), '王明');
    }
  });
});
