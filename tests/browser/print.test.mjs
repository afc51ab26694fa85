// Printing, as the bureau does before a fair: the printed guide and the card
// sheets, printed to PDF by Chromium and read back with poppler's pdfinfo,
// pdftotext and pdftoppm (run.sh installs poppler-utils) and zbarimg.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

const HOME = 'https://invest.fucheng.example.gov.cn/';
const PX_PER_MM = 96 / 25.4;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'latin1', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// Prints the page as its CSS asks (@page size) and returns the PDF's path.
async function printPdf(page, name) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hui-print-')), `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return file;
}

// Every page's size in millimetres, from pdfinfo.
function pageSizes(pdf) {
  const info = run('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)]
    .map((m) => [Number(m[1]) / 72 * 25.4, Number(m[2]) / 72 * 25.4]);
}

function assertA4(sizes) {
  assert.ok(sizes.length > 0);
  for (const [w, h] of sizes) {
    assert.ok(Math.abs(w - 210) < 0.5 && Math.abs(h - 297) < 0.5, `page of ${w} x ${h} mm is not A4`);
  }
}

// Page `n` of the PDF as a greyscale bitmap at `dpi`: { width, height, at(x, y) }.
function bitmap(pdf, n, dpi) {
  const out = path.join(path.dirname(pdf), `p${n}`);
  run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
  const data = readFileSync(`${out}.pgm`);
  // P5 <width> <height> <max>\n<bytes>
  const header = data.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  return { width, height, at: (x, y) => data[start + y * width + x] };
}

// The positions (in mm) of the dark lines crossing a band of the bitmap,
// scanning along x (a row band) or y (a column band).
function linesAcross(img, dpi, { along, from, to }) {
  const mm = (px) => px / dpi * 25.4;
  const px = (v) => Math.round(v / 25.4 * dpi);
  const length = along === 'x' ? img.width : img.height;
  const hits = [];
  for (let i = 0; i < length; i++) {
    let dark = false;
    for (let j = px(from); j <= px(to) && !dark; j++) {
      dark = (along === 'x' ? img.at(i, j) : img.at(j, i)) < 128;
    }
    if (dark) hits.push(i);
  }
  // Runs of neighbouring pixels are one line: its middle.
  const lines = [];
  let run0 = null;
  hits.forEach((h, k) => {
    if (run0 === null) run0 = h;
    if (hits[k + 1] !== h + 1) {
      lines.push(mm((run0 + h) / 2));
      run0 = null;
    }
  });
  return lines;
}

describe('card sheets for the print shop', () => {
  test('A4 pages of ten 90 × 54 mm cards, fronts then mirrored backs', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/card/print/'));
      await page.emulateMedia({ media: 'print' });
      const sheets = await page.locator('.sheet').count();
      assert.ok(sheets >= 2 && sheets % 2 === 0, 'a page of fronts and one of backs');
      const boxes = await page.locator('.sheet-fronts').first().locator('.sheet-card')
        .evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
      assert.equal(boxes.length, 10);
      for (const [w, h] of boxes) {
        assert.ok(Math.abs(w / PX_PER_MM - 90) < 0.1 && Math.abs(h / PX_PER_MM - 54) < 0.1, `${w} x ${h} px`);
      }
      // Backs are the fronts' row by row, each row reversed.
      const names = (side) => page.locator(`.sheet-${side}`).first().locator('.sheet-card')
        .evaluateAll((els) => els.map((e) => e.querySelector('.print-name')?.textContent ?? ''));
      const fronts = await names('fronts');
      const backs = await names('backs');
      const order = await withEnglishNames(page, fronts);
      for (let row = 0; row < 5; row++) {
        assert.deepEqual([backs[2 * row], backs[2 * row + 1]], [order[2 * row + 1], order[2 * row]], `row ${row + 1}`);
      }

      // In the PDF itself: A4 pages, and crop marks 90 mm apart across and
      // 54 mm apart down.
      const pdf = await printPdf(page, 'cards');
      const sizes = pageSizes(pdf);
      assert.equal(sizes.length, sheets);
      assertA4(sizes);
      const dpi = 254;
      const img = bitmap(pdf, 1, dpi);
      const across = linesAcross(img, dpi, { along: 'x', from: 9, to: 12 });
      assert.equal(across.length, 3, `vertical crop marks at ${across}`);
      assert.ok(Math.abs(across[1] - across[0] - 90) < 0.3 && Math.abs(across[2] - across[1] - 90) < 0.3, `${across}`);
      const down = linesAcross(img, dpi, { along: 'y', from: 10.5, to: 13.5 });
      assert.equal(down.length, 6, `horizontal crop marks at ${down}`);
      for (let i = 1; i < down.length; i++) assert.ok(Math.abs(down[i] - down[i - 1] - 54) < 0.3, `${down}`);
    });
  });
});

// The English names of the officials whose Chinese names are `fronts`, in
// the same order (the English directory lists them in the same order).
async function withEnglishNames(page, fronts) {
  const zhPage = await page.context().newPage();
  await zhPage.goto(server.url('/officials/'));
  const zh = await zhPage.locator('#main .person-name').allTextContents();
  await zhPage.goto(server.url('/en/officials/'));
  const en = await zhPage.locator('#main .person-name').allTextContents();
  await zhPage.close();
  return fronts.map((name) => (name ? en[zh.map((s) => s.trim()).indexOf(name.trim())] ?? '?' : '').trim());
}

// Titles of a list page's entries.
async function titles(page, list) {
  await page.goto(server.url(list));
  return (await page.locator('#main .entry-card-title').allTextContents()).map((t) => t.trim());
}

const squash = (s) => s.replace(/\s+/g, '');

describe('the printed guide', () => {
  for (const [lang, prefix, home] of [['zh', '/', HOME], ['en', '/en/', `${HOME}en/`]]) {
    test(`${lang}: A4 pages with every industry, park and policy, and the site's QR code on the cover`, async () => {
      await withPage(browser, { origin: server.origin }, async (page) => {
        const expected = [];
        for (const list of ['industries/', 'parks/', 'policies/']) expected.push(...await titles(page, prefix + list));
        assert.ok(expected.length >= 10, `${expected}`);
        await page.goto(server.url(`${prefix}guide/`));
        const pdf = await printPdf(page, `guide-${lang}`);
        const sizes = pageSizes(pdf);
        assertA4(sizes);
        assert.ok(sizes.length >= 8, `${sizes.length} pages`);
        const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;
        for (const title of expected) assert.ok(squash(text).includes(squash(title)), `"${title}" is in the PDF's text`);
        // No site navigation or buttons in print.
        const bar = await page.locator('.guide-bar p').first().textContent();
        assert.ok(!squash(text).includes(squash(bar)), 'the on-screen bar is not printed');
        const search = await page.locator('.site-search button').textContent();
        assert.ok(!text.includes(`${search}\n`), 'the search box is not printed');
        // Page numbers in the bottom margin.
        assert.match(text, new RegExp(`\\b2 / ${sizes.length}\\b`));
        // The cover's QR code leads to this language's home page.
        const img = path.join(path.dirname(pdf), 'cover');
        run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, img]);
        const decoded = spawnSync('zbarimg', ['--quiet', '--raw', `${img}.png`], { encoding: 'utf8' }).stdout.trim();
        assert.equal(decoded, home);
      });
    });
  }

  test('the home page links to it, and it prints the same from file://', async () => {
    let overHttp;
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.goto(server.url('/'));
      await page.getByRole('link', { name: '打印版' }).click();
      await page.waitForURL(/\/guide\/$/);
      overHttp = pageSizes(await printPdf(page, 'guide-http')).length;
    });
    await withPage(browser, {}, async (page) => {
      await page.goto(fileUrl(site, 'guide/'));
      assert.equal(pageSizes(await printPdf(page, 'guide-file')).length, overHttp);
    });
  });

  test('the print button prints', async () => {
    await withPage(browser, { origin: server.origin }, async (page) => {
      await page.addInitScript(() => { window.print = () => { window.__printed = true; }; });
      await page.goto(server.url('/en/guide/'));
      await page.getByRole('button', { name: 'Print' }).click();
      assert.equal(await page.evaluate(() => window.__printed), true);
    });
  });
});
