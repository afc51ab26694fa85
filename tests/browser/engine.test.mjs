// The ranking rules of search.js, run under Node against sites built in
// temporary folders: what a visitor would find first, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSite, exampleSite } from './lib.mjs';
import { engine, search, SEARCH_JS } from './engine.mjs';

const SITE = {
  'content/site.yaml': 'title: {zh: 测试区投资指南, en: Test District Guide}\nbase_url: https://invest.example.gov.cn/\nlanguages: [zh, en]\n',
  'content/industries/batteries.md': '---\ntitle: 动力电池\nsummary: 动力电池与储能产业。\nkey_companies: [宁德示例]\n---\n## 产业基础\n\n正极材料、电芯与电池包，形成完整链条。\n\n## 招商方向\n\n补链：隔膜与电解液。\n',
  'content/industries/batteries.en.md': '---\ntitle: Power battery\nsummary: Power battery and energy storage.\n---\n## Base\n\nCathode materials, cells and the battery pack.\n',
  'content/industries/display.md': '---\ntitle: 新型显示\nsummary: 面板与模组。\n---\n正文提到动力电池一次。\n',
  'content/policies/rent.md': '---\ntitle: 厂房租金补贴\ndocument_number: 测府发〔2024〕12号\nindustries: [batteries]\n---\n新落户企业租用标准厂房，给予租金补贴。\n',
  'content/officials/wang-ming.md': '---\nname: 王明\nposition: 招商局副局长\nphone: "+86 816 000 0001"\nindustries: [batteries]\n---\n',
  'content/officials/wang-ming.en.md': '---\nname: Wang Ming\nposition: Deputy Director\n---\n',
  'content/pages/hidden.md': '---\ntitle: 内部说明\nsearch: false\n---\n动力电池内部说明。\n',
  'content/pages/draft.md': '---\ntitle: 草稿页面\ndraft: true\n---\n动力电池草稿。\n',
};

let built;
function site() {
  built ||= buildSite(SITE).out;
  return built;
}
const urls = (res) => res.results.map((r) => r.url + (r.anchor ? '#' + r.anchor : ''));

test('a page named for the words comes before pages that mention them', async () => {
  const res = await search(engine(site()), 'zh', '动力电池');
  assert.equal(res.results[0].url, 'industries/batteries/');
  assert.ok(urls(res).includes('industries/display/'), 'the page that mentions it is found too');
});

test('officials are found by Chinese name, by romanised name in either order and by pinyin', async () => {
  const hui = engine(site());
  for (const [lang, q, url] of [['zh', '王明', 'card/wang-ming/'], ['zh', 'wangming', 'card/wang-ming/'],
    ['en', 'ming wang', 'en/card/wang-ming/'], ['en', '王明', 'en/card/wang-ming/']]) {
    const res = await search(hui, lang, q);
    assert.equal(res.results[0]?.url, url, `${lang}: ${q}`);
  }
});

test('a document number is found whole, whatever its brackets', async () => {
  const hui = engine(site());
  for (const q of ['测府发〔2024〕12号', '测府发[2024]12号']) {
    assert.equal((await search(hui, 'zh', q)).results[0]?.url, 'policies/rent/', q);
  }
});

test('English plurals find the singular, and a typed prefix its word', async () => {
  const hui = engine(site());
  assert.equal((await search(hui, 'en', 'batteries')).results[0]?.url, 'en/industries/batteries/');
  assert.equal((await search(hui, 'en', 'catho')).results[0]?.url, 'en/industries/batteries/');
});

test('a result points at the section that matches', async () => {
  const res = await search(engine(site()), 'zh', '隔膜电解液');
  assert.equal(urls(res)[0], 'industries/batteries/#招商方向');
});

test('pages with search: false and drafts are not in the index', async () => {
  const res = await search(engine(site()), 'zh', '动力电池');
  for (const url of urls(res)) assert.ok(!/hidden|draft/.test(url), url);
  assert.equal((await search(engine(site()), 'zh', '内部说明')).results.length, 0);
});

test('questions in a visitor\'s words find the page that answers them', async () => {
  const hui = engine(site());
  assert.equal((await search(hui, 'zh', '有哪些厂房租金补贴？')).results[0]?.url, 'policies/rent/');
});

test('the example site\'s whole search, script and index, is at most 100 KB per language', () => {
  const out = exampleSite();
  const size = (p) => statSync(p).isDirectory() ? readdirSync(p).reduce((s, f) => s + size(path.join(p, f)), 0) : statSync(p).size;
  const name = readdirSync(path.join(out, 'assets')).find((f) => /^search\.[0-9a-f]{10}\.js$/.test(f));
  assert.ok(name, 'search.js is published under a fingerprinted name');
  const script = statSync(path.join(out, 'assets', name)).size;
  for (const lang of ['zh', 'en']) {
    const total = script + size(path.join(out, 'search', lang));
    assert.ok(total <= 100 * 1024, `${lang}: ${total} bytes`);
  }
  assert.ok(readFileSync(SEARCH_JS, 'utf8').length > script, 'the built script is the compacted one');
});
