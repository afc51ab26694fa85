// The officials' directory (/officials/, /en/officials/): a visitor types into
// the filter box to find a contact. The example guide has four officials; the
// page lists all of them, then groups them by industry and by park.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleSite, launch, serve, withPage } from './lib.mjs';

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve(exampleSite());
});
after(async () => {
  await server?.close();
  await browser?.close();
});

const ALL = ['王明', '李娜', '陈杰', '赵磊'];

// What the visitor sees: the names in the list of all contacts, the names in
// the by-industry and by-park groups (headings of groups still shown), and
// whether the "no matches" message is up. `allGroups` counts the groups on
// the page, shown or not.
async function shown(page) {
  return page.evaluate(() => {
    const visible = (el) => el.checkVisibility();
    const names = (sel) => [...document.querySelectorAll(sel)].filter(visible)
      .map((el) => el.textContent.trim().split(' · ')[0]);
    return {
      contacts: names('.js-filterable > li .person-name'),
      groups: names('.contact-group h3'),
      groupedNames: [...new Set(names('.contact-group li a'))],
      allGroups: document.querySelectorAll('.contact-group').length,
      empty: visible(document.querySelector('.filter-empty')),
    };
  });
}

// The search box, found by its label as a screen reader announces it. (The
// by-industry and by-park sections are labelled "Find contacts by …" too.)
const filterBox = (page, dir) => page.getByRole('searchbox', { name: dir.label, exact: true });

// Types as a person does, one key at a time, so each keystroke's input event
// runs the filter on a partial word too.
async function typeInto(filter, text) {
  await filter.click();
  await filter.pressSequentially(text);
}

const directories = [
  {
    lang: 'Chinese', path: '/officials/', label: '查找联络人', names: ALL,
    // [what is typed, who stays]
    searches: [
      ['王', ['王明']],
      ['wang', ['王明']], // the pinyin of a name
      ['新型显示', ['王明', '李娜', '赵磊']], // an industry
      ['东区 新型显示', ['王明', '李娜', '赵磊']], // every word must match
      ['北区 汽车电子', ['王明']],
      ['5G', ['陈杰', '赵磊']], // case does not matter
    ],
    nothing: '张三',
  },
  {
    lang: 'English', path: '/en/officials/', label: 'Find a contact', names: ['Wang Ming', 'Li Na', 'Chen Jie', 'Zhao Lei'],
    searches: [
      ['wang', ['Wang Ming']],
      ['WANG MING', ['Wang Ming']],
      ['王明', ['Wang Ming']], // the Chinese name still finds the English card
      ['deputy', ['Wang Ming']], // a position
      ['5g manufacturing', ['Chen Jie', 'Zhao Lei']],
      ['liandong', ['Li Na', 'Zhao Lei']], // a park
    ],
    nothing: 'nobody-here',
  },
];

for (const dir of directories) {
  describe(`${dir.lang} officials' directory ${dir.path}`, () => {
    const options = () => ({ origin: server.origin });

    test('without JavaScript everyone is listed and there is no filter box', async () => {
      await withPage(browser, { ...options(), javaScriptEnabled: false }, async (page) => {
        await page.goto(server.url(dir.path));
        assert.equal(await filterBox(page, dir).isVisible(), false);
        assert.deepEqual((await shown(page)).contacts, dir.names);
      });
    });

    test('the filter box appears and everyone is listed before typing', async () => {
      await withPage(browser, options(), async (page) => {
        await page.goto(server.url(dir.path));
        await filterBox(page, dir).waitFor({ state: 'visible' });
        const now = await shown(page);
        assert.deepEqual(now.contacts, dir.names);
        assert.ok(now.allGroups > 0, 'no groups by industry or park');
        assert.equal(now.groups.length, now.allGroups);
        assert.equal(now.empty, false);
      });
    });

    for (const [typed, expected] of dir.searches) {
      test(`typing "${typed}" leaves ${expected.join(', ')}`, async () => {
        await withPage(browser, options(), async (page) => {
          await page.goto(server.url(dir.path));
          await typeInto(filterBox(page, dir), typed);
          const now = await shown(page);
          assert.deepEqual(now.contacts, expected);
          // The groups below follow the same filter: only the matching people,
          // and no group left without anyone in it.
          assert.deepEqual(now.groupedNames.sort(), [...expected].sort());
          assert.ok(now.groups.length > 0 && now.groups.length < now.allGroups, `groups shown: ${now.groups}`);
          assert.equal(now.empty, false, 'the "no matches" message is shown');
        });
      });
    }

    test('typing something nobody matches hides everyone and says so', async () => {
      await withPage(browser, options(), async (page) => {
        await page.goto(server.url(dir.path));
        await typeInto(filterBox(page, dir), dir.nothing);
        const now = await shown(page);
        assert.deepEqual(now.contacts, []);
        assert.deepEqual(now.groups, []);
        assert.equal(now.empty, true, 'no "no matches" message');
      });
    });

    test('clearing the filter lists everyone again', async () => {
      await withPage(browser, options(), async (page) => {
        await page.goto(server.url(dir.path));
        const filter = filterBox(page, dir);
        await typeInto(filter, dir.nothing);
        assert.equal((await shown(page)).empty, true);

        // Deleting the text with the keyboard, as a person does.
        await filter.press('ControlOrMeta+a');
        await filter.press('Backspace');
        let now = await shown(page);
        assert.deepEqual(now.contacts, dir.names);
        assert.equal(now.groups.length, now.allGroups);
        assert.equal(now.empty, false);

        // Escape empties a search box in Chromium; that must show everyone too.
        await typeInto(filter, dir.searches[0][0]);
        assert.deepEqual((await shown(page)).contacts, dir.searches[0][1]);
        await filter.press('Escape');
        assert.equal(await filter.inputValue(), '');
        now = await shown(page);
        assert.deepEqual(now.contacts, dir.names);
        assert.equal(now.groups.length, now.allGroups);
      });
    });

    test('a contact found by the filter opens their card', async () => {
      await withPage(browser, options(), async (page) => {
        await page.goto(server.url(dir.path));
        await typeInto(filterBox(page, dir), dir.searches[0][0]);
        const name = dir.searches[0][1][0];
        await page.locator('.js-filterable').getByRole('link', { name, exact: true }).click();
        await page.waitForURL(/\/card\/wang-ming\/$/);
        assert.equal(await page.locator('h1').textContent(), name);
      });
    });
  });
}

describe('officials\' directory, when nobody matches', () => {
  test('no "by industry" or "by park" heading is left over an empty section', async () => {
      await withPage(browser, { origin: server.origin }, async (page) => {
        await page.goto(server.url('/en/officials/'));
        await typeInto(filterBox(page, directories[1]), 'nobody-here');
        const headings = await page.locator('.contact-groups h2').evaluateAll(
          (hs) => hs.filter((h) => h.checkVisibility()).map((h) => h.textContent));
        assert.deepEqual(headings, []);
      });
    });
});
