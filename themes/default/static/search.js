// hui search: the search page and the card's "ask me" box.
//
// The index is a set of scripts under search/<lang>/ that hui writes at
// build time; each calls hui.index(…) with its part. Scripts load from
// file://, in WeChat's browser and on any host, where fetch and WebAssembly
// may not. Only the shards of the query's terms are loaded, and the pages'
// texts only for the results shown. The tokenizer below follows the rules of
// hui's src/search/tokenize.rs term for term: change both or neither.
// Written for old mobile browsers: ES5, no build step, no dependencies.
(function () {
  "use strict";
  var w = window, d = document;
  var hui = w.hui = w.hui || {};
  var store = {};

  // ---- Loading ----------------------------------------------------------

  // The site's root, absolute, from the page's data-root (page-relative).
  function rootUrl() {
    var a = d.createElement("a");
    a.href = d.documentElement.getAttribute("data-root") || "./";
    return a.href;
  }

  function langStore(lang) {
    return store[lang] || (store[lang] = { m: null, t: {}, d: {}, cache: {} });
  }

  hui.index = function (lang, kind, n, value) {
    var s = langStore(lang);
    if (kind === "m") s.m = value;
    else s[kind][n] = value;
  };

  var pending = {};
  // Loads each script once; calls back when all have run (ok false if any
  // failed to load).
  function load(urls, done) {
    var left = urls.length, ok = true;
    if (!left) { done(true); return; }
    function one(success) {
      ok = ok && success;
      if (--left === 0) done(ok);
    }
    for (var i = 0; i < urls.length; i++) {
      var url = urls[i], p = pending[url];
      if (p === true) { one(true); continue; }
      if (p) { p.push(one); continue; }
      pending[url] = [one];
      (function (url) {
        var el = d.createElement("script");
        el.src = url;
        el.async = true;
        function finish(success) {
          var waiting = pending[url];
          pending[url] = success ? true : undefined;
          el.onload = el.onerror = null;
          for (var k = 0; k < waiting.length; k++) waiting[k](success);
        }
        el.onload = function () { finish(true); };
        el.onerror = function () { finish(false); };
        d.head.appendChild(el);
      })(url);
    }
  }

  function base(lang) { return rootUrl() + "search/" + lang + "/"; }

  function manifest(lang, done) {
    var s = langStore(lang);
    if (s.m) { done(s.m); return; }
    load([base(lang) + "index.js"], function () { done(s.m); });
  }

  // ---- Tokenizer (as src/search/tokenize.rs) -----------------------------

  function codePoints(str) {
    var out = [], i = 0, c, n;
    while (i < str.length) {
      c = str.charCodeAt(i++);
      if (c >= 0xD800 && c <= 0xDBFF && i < str.length) {
        n = str.charCodeAt(i);
        if (n >= 0xDC00 && n <= 0xDFFF) { c = (c - 0xD800) * 0x400 + n - 0xDC00 + 0x10000; i++; }
      }
      out.push(c);
    }
    return out;
  }
  function fromCp(c) {
    if (c < 0x10000) return String.fromCharCode(c);
    c -= 0x10000;
    return String.fromCharCode(0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
  }
  function inRanges(c, r) {
    for (var i = 0; i < r.length; i += 2) if (c >= r[i] && c <= r[i + 1]) return true;
    return false;
  }
  var CJK = [0x1100, 0x11FF, 0x3005, 0x3007, 0x3040, 0x30FF, 0x3130, 0x318F, 0x31F0, 0x31FF,
    0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xAC00, 0xD7AF, 0xF900, 0xFAFF, 0x20000, 0x2FA1F];
  var WORD = [0x30, 0x39, 0x41, 0x5A, 0x61, 0x7A, 0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0x24F,
    0x300, 0x36F, 0x370, 0x3FF, 0x400, 0x52F, 0x1E00, 0x1EFF];
  function isCjk(c) { return inRanges(c, CJK); }
  function isWordChar(c) { return c >= 0 && inRanges(c, WORD); }
  function isDigit(c) { return c >= 0x30 && c <= 0x39; }
  function isLetter(c) { return isWordChar(c) && !isDigit(c) && !(c >= 0x300 && c <= 0x36F); }
  function normCp(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c === 0x3000) return 32;
    if (c < 0x80) return c >= 0x41 && c <= 0x5A ? c + 32 : c;
    var s = fromCp(c), l = codePoints(s.toLowerCase());
    return l.length === 1 ? l[0] : c;
  }
  function normalize(str) {
    var cps = codePoints(str);
    for (var i = 0; i < cps.length; i++) cps[i] = normCp(cps[i]);
    return cps;
  }
  function endsWith(s, end) { return s.length >= end.length && s.slice(s.length - end.length) === end; }

  function stem(word) {
    var cps = codePoints(word), i;
    if (cps.length <= 3 || !endsWith(word, "s")) return word;
    for (i = 0; i < cps.length; i++) if (!isLetter(cps[i])) return word;
    var keep = ["us", "ss", "is"];
    for (i = 0; i < keep.length; i++) if (endsWith(word, keep[i])) return word;
    if (endsWith(word, "ies")) {
      var b = word.slice(0, -3);
      if (!endsWith(b, "a") && !endsWith(b, "e")) return b + "y";
    }
    var es = ["sses", "xes", "ches", "shes", "zzes"];
    for (i = 0; i < es.length; i++) if (endsWith(word, es[i])) return word.slice(0, -2);
    return word.slice(0, -1);
  }

  // Words (normalised strings) and CJK runs (arrays of code points).
  function pieces(str) {
    var c = normalize(str), out = [], i = 0, n = c.length;
    while (i < n) {
      var ch = c[i];
      if (isCjk(ch)) {
        var start = i;
        while (i < n && isCjk(c[i])) i++;
        out.push({ cjk: c.slice(start, i) });
      } else if (isWordChar(ch)) {
        var word = "";
        while (i < n) {
          var x = c[i], next = i + 1 < n ? c[i + 1] : -1;
          if (isWordChar(x)) word += fromCp(x);
          else if ((x === 0x2E || x === 0x2C) && word.length && isDigit(word.charCodeAt(word.length - 1)) && isDigit(next)) {
            if (x === 0x2E) word += ".";
          } else if ((x === 0x27 || x === 0x2019) && isWordChar(next)) {
            if (next === 0x73 && !isWordChar(i + 2 < n ? c[i + 2] : -1)) { i += 2; break; }
          } else if ((x === 0x2D || x === 0x2010 || x === 0x2011) && isWordChar(next)) word += "-";
          else break;
          i++;
        }
        out.push({ word: word });
      } else i++;
    }
    return out;
  }

  function wordTerms(word) {
    if (word.indexOf("-") < 0) return [stem(word)];
    var out = [word, word.split("-").join("")], parts = word.split("-");
    for (var i = 0; i < parts.length; i++) if (parts[i]) out.push(stem(parts[i]));
    return out;
  }

  function gramTerms(run) {
    if (run.length === 1) return [fromCp(run[0])];
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push(fromCp(run[i]) + fromCp(run[i + 1]));
    return out;
  }

  // The terms of a query without dictionary lookups: what the Rust side's
  // query_terms() gives (the shared test table checks both).
  function queryTerms(str) {
    var p = pieces(str), out = [];
    for (var i = 0; i < p.length; i++) out = out.concat(p[i].word !== undefined ? wordTerms(p[i].word) : gramTerms(p[i].cjk));
    return out;
  }

  function codeTerm(str) {
    var c = normalize(str), out = "", open = "〔【[({〖［", close = "〕】])}〗］";
    for (var i = 0; i < c.length; i++) {
      var ch = fromCp(c[i]);
      if (/\s/.test(ch)) continue;
      if (open.indexOf(ch) >= 0) ch = "(";
      else if (close.indexOf(ch) >= 0) ch = ")";
      out += ch;
    }
    return out;
  }

  function shardOf(term, shards) {
    var first = codePoints(term)[0], units;
    if (isCjk(first)) units = fromCp(first);
    else units = term.slice(0, 2);
    var h = 0x811c9dc5;
    for (var i = 0; i < units.length; i++) {
      h ^= units.charCodeAt(i);
      h = Math.imul ? Math.imul(h, 0x01000193) : mul32(h, 0x01000193);
    }
    return (h >>> 0) % Math.max(1, shards);
  }
  function mul32(a, b) {
    var ah = (a >>> 16) & 0xffff, al = a & 0xffff;
    return ((al * b) + (((ah * b) & 0xffff) << 16)) | 0;
  }

  // ---- Queries ------------------------------------------------------------

  // Question words that carry no topic: left out of a question, unless
  // nothing else is left.
  var CJK_STOPS = ["有哪些", "有什么", "有没有", "是什么", "有多少", "还有", "还是", "怎么样", "怎么办", "为什么", "哪些", "什么", "怎么", "如何", "是否", "请问", "多少", "哪里", "可以", "能否", "需要", "我们", "我想", "我要", "一下", "吗", "呢", "吧", "啊", "的", "了", "和", "与", "及"];
  var EN_STOPS = " a an and are at be can do does for from have how i in is it me my of on or our the there to we what when where which who why with you your ";

  function withoutStops(q) {
    var out = q;
    for (var i = 0; i < CJK_STOPS.length; i++) out = out.split(CJK_STOPS[i]).join(" ");
    return /[^\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f?!.,]/.test(out) ? out : q;
  }

  // A query as units: each unit is a word or bigram the page should have,
  // with alternatives (a typed word's completions); bonus terms (dictionary
  // words, the whole query as a code) add to the score but are not needed.
  function analyze(q) {
    var units = [], bonus = [], phrases = [], p = pieces(withoutStops(q)), i, k;
    var trailing = !/\s$/.test(q);
    var words = [];
    for (i = 0; i < p.length; i++) if (p[i].word !== undefined) words.push(p[i].word);
    var content = words.filter(function (x) { return EN_STOPS.indexOf(" " + x + " ") < 0; });
    for (i = 0; i < p.length; i++) {
      var piece = p[i];
      if (piece.word !== undefined) {
        if (content.length && EN_STOPS.indexOf(" " + piece.word + " ") >= 0) continue;
        var terms = wordTerms(piece.word), last = trailing && i === p.length - 1;
        // "tape-out": the whole and joined forms are a bonus, the parts needed.
        if (terms.length > 1) bonus.push(terms[0], terms[1]);
        for (k = terms.length > 1 ? 2 : 0; k < terms.length; k++) {
          units.push({ term: terms[k], prefix: last && k === terms.length - 1 && terms[k].length >= 2 ? piece.word.split("-").pop() : null });
        }
      } else {
        var run = piece.cjk, grams = gramTerms(run);
        for (k = 0; k < grams.length; k++) units.push({ term: grams[k], prefix: run.length === 1 ? grams[k] : null });
        for (var a = 0; a + 3 <= run.length; a++) {
          for (var len = 3; len <= 8 && a + len <= run.length; len++) {
            var s = "";
            for (var j = a; j < a + len; j++) s += fromCp(run[j]);
            phrases.push(s);
          }
        }
      }
    }
    var code = codeTerm(q);
    if (code.length >= 2) bonus.push(code);
    return { units: units, bonus: bonus, phrases: phrases, text: q.toLowerCase(), whole: codeTerm(q.replace(/[?？!！。.,，]+$/, "")).toLowerCase() };
  }

  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", VAL = {};
  for (var di = 0; di < 64; di++) VAL[DIGITS.charAt(di)] = di;

  // A term's postings: [page, impact, parts, page, impact, parts, …].
  function postings(s, term) {
    if (s.cache[term]) return s.cache[term];
    var shard = s.t[shardOf(term, s.m.shards)], str = shard && shard[term], out = [];
    if (str) {
      var n = 0, shift = 0, field = 0, page = 0;
      for (var i = 0; i < str.length; i++) {
        var v = VAL[str.charAt(i)];
        n += (v & 31) * Math.pow(2, shift);
        if (v >= 32) { shift += 5; continue; }
        if (field === 0) { page += n; out.push(page); } else out.push(n);
        field = (field + 1) % 3;
        n = 0; shift = 0;
      }
    }
    s.cache[term] = out;
    return out;
  }

  // Terms of the loaded shard that start with "prefix": a typed word's
  // completions (the dozen shortest), or every pair that starts with a
  // single Chinese character (a surname finds every name).
  function completions(s, prefix) {
    var shard = s.t[shardOf(prefix, s.m.shards)] || {}, out = [];
    for (var t in shard) if (t.length > prefix.length && t.indexOf(prefix) === 0) out.push(t);
    out.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    return isCjk(prefix.charCodeAt(0)) ? out : out.slice(0, 12);
  }

  function shardsFor(a, m) {
    var need = {}, list = [], i;
    function add(t) { need[shardOf(t, m.shards)] = true; }
    for (i = 0; i < a.units.length; i++) add(a.units[i].prefix || a.units[i].term);
    for (i = 0; i < a.bonus.length; i++) add(a.bonus[i]);
    for (var k in need) list.push(+k);
    return list;
  }

  // Scores every page that has a unit's term. Returns pages ranked, each
  // { page, score, matched, parts: {bit: weight} }.
  function rank(s, a, opts) {
    var pages = {}, n = a.units.length, i, j;
    function hit(id) {
      return pages[id] || (pages[id] = { page: id, score: 0, matched: 0, title: 0, parts: {}, seen: -1 });
    }
    function add(list, weight, unit) {
      for (var k = 0; k < list.length; k += 3) {
        var r = hit(list[k]), v = list[k + 1] * weight;
        if (unit >= 0) {
          if (r.seen === unit) {
            if (v <= r.last) continue;
            r.score -= r.last;
          } else {
            r.matched++;
            if (list[k + 2] & 1) r.title++;
          }
          r.seen = unit; r.last = v;
        }
        r.score += v;
        for (var bit = 0, mask = list[k + 2]; mask; bit++, mask = Math.floor(mask / 2)) {
          if (mask & 1) r.parts[bit] = (r.parts[bit] || 0) + v;
        }
      }
    }
    for (i = 0; i < n; i++) {
      var u = a.units[i];
      add(postings(s, u.term), 1, i);
      if (u.prefix) {
        var more = completions(s, u.prefix);
        for (j = 0; j < more.length; j++) add(postings(s, more[j]), u.prefix.length === 1 ? 0.8 : 0.6, i);
      }
    }
    for (i = 0; i < a.bonus.length; i++) add(postings(s, a.bonus[i]), 1, -1);
    for (i = 0; i < a.phrases.length; i++) {
      if (s.t[shardOf(a.phrases[i], s.m.shards)] && s.t[shardOf(a.phrases[i], s.m.shards)][a.phrases[i]]) {
        add(postings(s, a.phrases[i]), 1.5, -1);
      }
    }
    // A page must have most of the query's words, or half of them in its
    // title ("east zone land" finds the East Zone); the more it has, the
    // higher it ranks.
    var out = [], need = opts.loose ? 1 : Math.max(1, Math.ceil(n * 0.6)), named = Math.max(1, Math.ceil(n / 2)), partial = [];
    var intent = intentOf(a), kinds = s.m.kinds, collections = s.m.collections;
    for (var id in pages) {
      var r = pages[id];
      var coord = n ? r.matched / n : 1;
      // Pages with too few of the words are kept aside: they are shown
      // only when no page has enough.
      var target = n && r.matched < need && r.title < named ? partial : out;
      r.score *= Math.pow(coord, 1.5);
      if (intent && intent.indexOf(collections[kinds.charCodeAt(+id) - 97]) >= 0) r.score *= 1.3;
      if (opts.prefer && opts.prefer[id]) r.score *= 1.6;
      if (opts.exclude === +id) continue;
      target.push(r);
    }
    if (!out.length) out = partial;
    out.sort(byScore);
    return out;
  }
  // What a question asks for, when it says so ("…有哪些政策", "what land…"):
  // pages of that collection rank a little higher.
  var INTENTS = [
    [/政策|扶持|补贴|补助|资助|奖励|优惠|减免|polic|incentive|subsid|grant|support|tax/, ["policies"]],
    [/园区|土地|厂房|用地|载体|选址|park|zone|land|plot|factor|site/, ["carriers", "parks"]],
    [/项目|签约|合资|合作方|project|partner|joint/, ["projects"]],
    [/活动|推介|展会|论坛|会议|动态|event|fair|forum|roadshow|news/, ["events"]],
    [/联系|电话|找谁|负责人|contact|phone|call|who/, ["officials"]]
  ];
  function intentOf(a) {
    if (a.units.length < 2) return null;
    for (var i = 0; i < INTENTS.length; i++) if (INTENTS[i][0].test(a.text)) return INTENTS[i][1];
    return null;
  }

  function byScore(x, y) { return y.score - x.score || x.page - y.page; }

  function squash(str) { return codeTerm(str).toLowerCase(); }

  // After the texts of the first results are loaded: a page whose title or
  // text has the query as written ranks above one that has its words apart.
  function phraseBonus(s, list, a) {
    var q = a.whole;
    if (q.length < 2) return;
    for (var i = 0; i < list.length; i++) {
      var doc = docOf(s, list[i].page);
      if (!doc) continue;
      var title = squash(doc[1]);
      if (title === q) list[i].score *= 2.2;
      else if (title.indexOf(q) >= 0) list[i].score *= 1.6;
      else if (title.length >= 2 && q.indexOf(title) >= 0) list[i].score *= 1.8;
      else {
        for (var k = 0; k < doc[3].length; k++) {
          if (squash(doc[3][k][1] + doc[3][k][2]).indexOf(q) >= 0) { list[i].score *= 1.25; break; }
        }
      }
    }
    // Within each page of ten: asking for more results must not reorder
    // the ones already shown.
    for (var p = 0; p < list.length; p += 10) {
      var part = list.slice(p, p + 10).sort(byScore);
      for (var j = 0; j < part.length; j++) list[p + j] = part[j];
    }
  }

  function docOf(s, page) {
    var shard = s.d[Math.floor(page / s.m.per_doc)];
    return shard ? shard[page % s.m.per_doc] : null;
  }

  function loadDocs(lang, s, list, done) {
    var need = {}, urls = [];
    for (var i = 0; i < list.length; i++) need[Math.floor(list[i].page / s.m.per_doc)] = true;
    for (var k in need) if (!s.d[k]) urls.push(base(lang) + s.m.version + "/d" + k + ".js");
    load(urls, function () { done(); });
  }

  // The best part of a page for this query, as its index in the stored
  // page: a section (bit 2 on, with its anchor) or the page's title and
  // fields (bits 0 and 1: part 0).
  function bestPart(r) {
    var best = 0, score = (r.parts[0] || 0) + (r.parts[1] || 0);
    for (var bit in r.parts) if (+bit > 1 && r.parts[bit] > score) { best = bit - 1; score = r.parts[bit]; }
    return best;
  }

  // Runs a query: calls back with { total, counts (per collection), results:
  // [{ url, title, collection, heading, anchor, text }] } or null when the
  // index cannot be loaded.
  hui.search = function (lang, q, opts, done) {
    opts = opts || {};
    manifest(lang, function (m) {
      if (!m) { done(null); return; }
      var s = langStore(lang), a = analyze(q), i;
      var urls = shardsFor(a, m).map(function (k) { return base(lang) + m.version + "/t" + k + ".js"; });
      load(urls, function (ok) {
        if (!ok) { done(null); return; }
        var list = rank(s, a, { loose: opts.loose, prefer: opts.prefer, exclude: opts.exclude });
        var counts = {};
        for (i = 0; i < list.length; i++) {
          var c = m.collections[m.kinds.charCodeAt(list[i].page) - 97];
          counts[c] = (counts[c] || 0) + 1;
        }
        if (opts.collection) {
          list = list.filter(function (r) { return m.collections[m.kinds.charCodeAt(r.page) - 97] === opts.collection; });
        }
        // The texts of the results shown are loaded anyway: the phrase
        // bonus re-ranks among them, so that a query loads little more.
        var head = list.slice(0, Math.max(10, (opts.limit || 10)));
        loadDocs(lang, s, head, function () {
          phraseBonus(s, head, a);
          list = head.concat(list.slice(head.length));
          var shown = list.slice(0, opts.limit || 10);
          loadDocs(lang, s, shown, function () {
            done({ total: list.length, counts: counts, results: shown.map(function (r) { return result(s, r, q); }).filter(Boolean), ui: m.ui, order: m.collections });
          });
        });
      });
    });
  };

  function result(s, r, q) {
    var doc = docOf(s, r.page);
    if (!doc) return null;
    var parts = doc[3], bit = bestPart(r), part = parts[Math.min(bit, parts.length - 1)] || ["", "", ""];
    return { page: r.page, url: doc[0], title: doc[1], collection: s.m.collections[doc[2]], anchor: bit ? part[0] : "", heading: bit ? part[1] : "", text: snippetText(parts, part, q) };
  }

  // The text to show: the matching part's, when what is kept of it has the
  // query's words; else another part that has them; else the first text
  // the page has. Pages keep only the start of long sections.
  function snippetText(parts, part, q) {
    var list = needles(q), i;
    function has(text) {
      var lower = text.toLowerCase();
      for (var k = 0; k < list.length; k++) if (list[k] && lower.indexOf(list[k]) >= 0) return true;
      return false;
    }
    if (part[2] && has(part[2])) return part[2];
    for (i = 0; i < parts.length; i++) if (parts[i][2] && has(parts[i][2])) return parts[i][2];
    if (part[2]) return part[2];
    for (i = 0; i < parts.length; i++) if (parts[i][2]) return parts[i][2];
    return "";
  }

  // ---- Snippets -----------------------------------------------------------

  // The strings to mark in a text: the query's words (and their stems, cut
  // to what plural and singular share) and its CJK bigrams, without the
  // question words.
  function needles(q) {
    var p = pieces(withoutStops(q)), out = [], i;
    for (i = 0; i < p.length; i++) {
      if (p[i].word !== undefined) {
        if (p.length > 1 && EN_STOPS.indexOf(" " + p[i].word + " ") >= 0) continue;
        var t = wordTerms(p[i].word);
        for (var k = 0; k < t.length; k++) {
          var x = t[k];
          if (x.length > 4 && /[ye]$/.test(x)) x = x.slice(0, -1);
          if (x.length >= 2 || t.length === 1) out.push(x);
        }
      } else out = out.concat(gramTerms(p[i].cjk));
    }
    return out;
  }

  function inWord(c) { return /[a-z0-9\u00c0-\u024f]/.test(c); }

  // Appends "text" to "el" with the needles in <mark>, around the first match,
  // as text nodes only: nothing from the index becomes markup.
  function snippet(el, text, q, size) {
    var lower = text.toLowerCase(), marks = [], list = needles(q), i;
    if (lower.length !== text.length) lower = text;
    for (i = 0; i < list.length; i++) {
      if (!list[i]) continue;
      var at = lower.indexOf(list[i]), latin = /[a-z0-9]/.test(list[i]);
      while (at >= 0) {
        var end = at + list[i].length;
        // Latin words match from their start ("land", not "is-land-"), and
        // only a stem or prefix of four letters or more runs on to the end
        // of its word ("batter" marks "battery"; "li" does not mark "Liandong").
        if (latin && ((at > 0 && inWord(lower.charAt(at - 1))) || (list[i].length < 4 && inWord(lower.charAt(end))))) {
          at = lower.indexOf(list[i], at + 1);
          continue;
        }
        if (latin) while (end < lower.length && inWord(lower.charAt(end))) end++;
        marks.push([at, end]);
        at = lower.indexOf(list[i], end);
      }
    }
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var merged = [];
    for (i = 0; i < marks.length; i++) {
      var last = merged[merged.length - 1];
      if (last && marks[i][0] <= last[1]) last[1] = Math.max(last[1], marks[i][1]);
      else merged.push([marks[i][0], marks[i][1]]);
    }
    var from = merged.length ? Math.max(0, merged[0][0] - Math.floor(size / 4)) : 0;
    // Start at a word, not inside one ("…uring hosted" → "…hosted").
    var space = text.slice(from, merged.length ? merged[0][0] : from + 20).search(/\s/);
    if (from > 0 && inWord(lower.charAt(from - 1)) && space >= 0) from += space + 1;
    var to = Math.min(text.length, from + size);
    if (from > 0) el.appendChild(d.createTextNode("…"));
    var pos = from;
    for (i = 0; i < merged.length; i++) {
      var a = Math.max(merged[i][0], pos), b = Math.min(merged[i][1], to);
      if (a >= b) continue;
      el.appendChild(d.createTextNode(text.slice(pos, a)));
      var mark = d.createElement("mark");
      mark.appendChild(d.createTextNode(text.slice(a, b)));
      el.appendChild(mark);
      pos = b;
    }
    el.appendChild(d.createTextNode(text.slice(pos, to)));
    if (to < text.length && !/…$/.test(text.slice(pos, to))) el.appendChild(d.createTextNode("…"));
  }

  // The result's address: page-relative from the root, and on file://,
  // where a folder does not open its index.html, with index.html.
  function href(r) {
    var url = rootUrl() + r.url;
    if (location.protocol === "file:" && /\/$/.test(url)) url += "index.html";
    return url + (r.anchor ? "#" + encodeURIComponent(r.anchor) : "");
  }

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.appendChild(d.createTextNode(text));
    return e;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : values[k]; });
  }

  function resultItem(r, q, labels, size) {
    var li = el("li", "search-result"), a = el("a", "search-result-link");
    a.href = href(r);
    a.appendChild(el("span", "search-result-title", r.title));
    if (r.heading && r.heading !== r.title) a.appendChild(el("span", "search-result-section", r.heading));
    li.appendChild(a);
    li.appendChild(el("span", "search-result-kind", labels[r.collection] || r.collection));
    var p = el("p", "search-result-snippet");
    snippet(p, r.text, q, size);
    li.appendChild(p);
    return li;
  }

  // ---- The search page ------------------------------------------------------

  function searchPage(root) {
    var lang = root.getAttribute("data-lang"), text = {}, labels = {};
    var form = root.querySelector("form"), input = root.querySelector("input[name=q]");
    var status = root.querySelector(".search-status"), list = root.querySelector(".search-results");
    var chips = root.querySelector(".search-chips"), empty = root.querySelector(".search-empty");
    var failed = root.querySelector(".search-failed");
    var more = root.querySelector(".search-more"), limit = 10, collection = "", query = "";

    function param(name) {
      var m = new RegExp("[?&]" + name + "=([^&#]*)").exec(location.search);
      if (!m) return "";
      try { return decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { return ""; }
    }

    function chip(name, label, count) {
      var b = el("button", "chip-button", label + " " + count);
      b.type = "button";
      b.setAttribute("data-collection", name);
      b.setAttribute("aria-pressed", collection === name ? "true" : "false");
      b.onclick = function () { collection = name; limit = 10; run(); };
      return b;
    }

    function run() {
      d.documentElement.setAttribute("data-search", "loading");
      if (!query) {
        status.textContent = "";
        list.innerHTML = "";
        chips.hidden = empty.hidden = more.hidden = true;
        d.documentElement.setAttribute("data-search", "done");
        return;
      }
      hui.search(lang, query, { collection: collection, limit: limit }, function (res) {
        failed.hidden = !!res;
        list.innerHTML = "";
        chips.innerHTML = "";
        if (!res) {
          status.textContent = "";
          d.documentElement.setAttribute("data-search", "done");
          return;
        }
        text = res.ui.text;
        labels = res.ui.labels;
        var all = 0, name;
        for (name in res.counts) all += res.counts[name];
        status.textContent = format(all ? (all === 1 ? text.one : text.many) : text.none, { count: all, query: query });
        if (all) {
          chips.appendChild(chip("", text.all, all));
          for (var i = 0; i < res.order.length; i++) {
            name = res.order[i];
            if (res.counts[name]) chips.appendChild(chip(name, labels[name] || name, res.counts[name]));
          }
        }
        chips.hidden = !all;
        empty.hidden = all > 0;
        for (var k = 0; k < res.results.length; k++) list.appendChild(resultItem(res.results[k], query, labels, 140));
        more.hidden = res.total <= res.results.length;
        d.title = query + " · " + text.title;
        d.documentElement.setAttribute("data-search", "done");
      });
    }

    more.onclick = function () { limit += 10; run(); };
    form.onsubmit = function (e) {
      e.preventDefault();
      query = input.value.replace(/^\s+|\s+$/g, "");
      collection = "";
      limit = 10;
      if (w.history && history.replaceState) {
        history.replaceState(null, "", location.pathname + (query ? "?q=" + encodeURIComponent(query) : ""));
      }
      run();
    };
    query = param("q").replace(/^\s+|\s+$/g, "");
    input.value = query;
    run();
  }

  // ---- Ask the card -----------------------------------------------------------

  function askBox(box) {
    var lang = box.getAttribute("data-lang");
    // The pages this official covers, by their number in the index (the
    // build knows them), and the card itself, which is no answer.
    var prefer = {}, own = box.getAttribute("data-self"), ids = (box.getAttribute("data-prefer") || "").split(" ");
    for (var p = 0; p < ids.length; p++) if (ids[p]) prefer[+ids[p]] = true;
    own = own === null ? -1 : +own;
    var form = box.querySelector("form"), input = box.querySelector("input[name=q]");
    var answers = box.querySelector(".ask-answers"), contact = null;

    function ask(q) {
      q = q.replace(/^\s+|\s+$/g, "");
      if (!q) return;
      input.value = q;
      box.setAttribute("data-state", "loading");
      answers.innerHTML = "";
      hui.search(lang, q, { loose: true, limit: 3, prefer: prefer, exclude: own }, function (res) {
          var text = res ? res.ui.text : {};
          answers.innerHTML = "";
          if (!res || !res.results.length) answers.appendChild(el("p", "ask-status", text.ask_none || ""));
          else {
            answers.appendChild(el("p", "ask-status", text.ask_found));
            var ol = el("ol", "search-results ask-results");
            for (var i = 0; i < res.results.length; i++) ol.appendChild(resultItem(res.results[i], q, res.ui.labels, 180));
            answers.appendChild(ol);
          }
          if (!contact) contact = contactBlock(text.ask_contact);
          answers.parentNode.appendChild(contact);
          box.setAttribute("data-state", "done");
      });
    }

    form.onsubmit = function (e) { e.preventDefault(); ask(input.value); };
    var suggestions = box.querySelectorAll(".ask-suggestions button");
    for (var i = 0; i < suggestions.length; i++) {
      suggestions[i].onclick = function (e) {
        e.preventDefault();
        ask(this.textContent);
      };
    }
    var css = d.createElement("link");
    css.rel = "stylesheet";
    css.href = box.getAttribute("data-style");
    d.head.appendChild(css);
    box.setAttribute("data-state", "ready");
    if (box.getAttribute("data-pending")) ask(box.getAttribute("data-pending"));
  }

  // "Still a question? Contact me": the card's own call and e-mail links
  // and its WeChat copy button, repeated under the answers.
  function contactBlock(label) {
    var div = el("div", "ask-contact"), p = el("p", "ask-contact-actions");
    div.appendChild(el("p", "", label));
    var links = d.querySelectorAll(".bizcard-actions a[href^='tel:'], .bizcard-actions a[href^='mailto:']");
    for (var i = 0; i < links.length; i++) p.appendChild(links[i].cloneNode(true));
    var wechat = d.querySelector(".bizcard-facts .js-copy");
    if (wechat) {
      var b = el("button", "button", wechat.parentNode.textContent.replace(wechat.textContent, "").replace(/\s+/g, " "));
      b.type = "button";
      b.insertBefore(d.createTextNode(wechat.closest ? (wechat.closest("div").querySelector("dt") || {}).textContent + " " : ""), b.firstChild);
      b.onclick = function () { wechat.click(); };
      p.appendChild(b);
    }
    div.appendChild(p);
    return div;
  }

  // For the tests that hold this tokenizer to the build's.
  hui.terms = { query: queryTerms, shard: shardOf, code: codeTerm };

  var page = d.querySelector(".search-page");
  if (page) searchPage(page);
  var boxes = d.querySelectorAll(".ask-box");
  for (var b = 0; b < boxes.length; b++) askBox(boxes[b]);
})();
