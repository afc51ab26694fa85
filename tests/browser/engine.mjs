// Runs the theme's search.js under Node, against a built site's index files,
// without a browser: a pretend document whose <script> elements run the
// index files from disk, as a browser would load them from file://.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEARCH_JS = path.join(REPO, 'themes', 'default', 'static', 'search.js');

/**
 * A context where search.js has run; `site` is a built site's folder.
 * `loaded` collects the files the queries loaded, with their sizes.
 */
export function engine(site = null, loaded = null) {
  const root = site ? pathToFileURL(site + path.sep).href : 'file:///nowhere/';
  const head = {
    appendChild(el) {
      // Scripts load asynchronously in a browser: so here.
      setTimeout(() => {
        const file = fileURLToPath(new URL(el.src, root));
        if (!existsSync(file)) { el.onerror && el.onerror(); return; }
        const text = readFileSync(file, 'utf8');
        if (loaded) loaded.push([file, Buffer.byteLength(text)]);
        vm.runInContext(text, context, { filename: file });
        el.onload && el.onload();
      }, 0);
      return el;
    },
  };
  const document = {
    head,
    documentElement: { getAttribute: () => root, setAttribute() {} },
    createElement: (tag) => (tag === 'a' ? { set href(v) { this._h = new URL(v, root).href; }, get href() { return this._h; } } : {}),
    querySelector: () => null,
    querySelectorAll: () => [],
  };
  const context = vm.createContext({ document, location: { protocol: 'file:', search: '' }, setTimeout, Math, JSON });
  context.window = context;
  vm.runInContext(readFileSync(SEARCH_JS, 'utf8'), context, { filename: SEARCH_JS });
  return context.hui;
}

/** Runs a query; resolves to hui.search's answer. */
export function search(hui, lang, q, opts = {}) {
  return new Promise((resolve) => hui.search(lang, q, opts, resolve));
}
