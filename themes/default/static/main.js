// hui default theme. Enhancements only: every page works without this file.
(function () {
  "use strict";
  var d = document, weChat = /MicroMessenger/i.test(navigator.userAgent);
  // An old card address: go on to the card, keeping ?query and #fragment
  // (the page's meta refresh would drop them).
  var moved = d.documentElement.getAttribute("data-redirect");
  if (moved) return location.replace(moved + location.search + location.hash);
  d.documentElement.classList.add("js");
  function each(sel, fn, root) { Array.prototype.forEach.call((root || d).querySelectorAll(sel), fn); }

  // The label is kept once: a second tap within two seconds must not make
  // "copied" the label.
  function done(btn) {
    if (!btn.label) btn.label = btn.textContent;
    btn.textContent = btn.getAttribute("data-copied");
    clearTimeout(btn.timer);
    btn.timer = setTimeout(function () { btn.textContent = btn.label; }, 2000);
  }
  // The async clipboard needs HTTPS; older in-app browsers only have execCommand.
  function copy(text, btn) {
    function legacy() {
      var a = d.createElement("textarea");
      a.value = text;
      a.style.cssText = "position:fixed;opacity:0";
      d.body.appendChild(a);
      a.select();
      try { if (d.execCommand("copy")) done(btn); } catch (e) { /* the text stays visible */ }
      a.remove();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(btn); }, legacy);
    } else legacy();
  }
  function enhance(sel, onClick) {
    each(sel, function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () { onClick(btn); });
    });
  }
  enhance(".js-copy", function (btn) { copy(btn.getAttribute("data-copy"), btn); });
  enhance(".js-print", function () { window.print(); });
  // Web Share where the browser has it (WeChat's does not), else copy the link.
  enhance(".js-share", function (btn) {
    var url = new URL(btn.getAttribute("data-url"), location.href).href;
    if (navigator.share && !weChat) navigator.share({ title: btn.getAttribute("data-title"), url: url }).catch(function () {});
    else copy(url, btn);
  });

  // A card opened from a campaign link (?src=fair-2026) hands the word on
  // with its link, so the bureau's own server logs show which fair or
  // brochure brought the visitor. Nothing is sent anywhere.
  var src = /[?&]src=([\w-]{1,40})(&|$)/.exec(location.search);
  if (src) each(".js-src", function (el) {
    ["data-url", "data-copy", "href"].forEach(function (k) {
      var v = el.getAttribute(k);
      if (v) el.setAttribute(k, v + "?src=" + src[1]);
    });
    if (el.tagName === "A") el.textContent = el.href;
  });

  // WeChat cannot save a .vcf: show how to open the system browser, and the
  // QR as an image, which long-press recognises.
  if (weChat) {
    each(".wechat-hint,.qr-image", function (el) { el.hidden = false; });
    each("svg.qr", function (el) { el.style.display = "none"; });
  }

  // The poster and the e-mail signature: share.js loads when asked for.
  each(".share-tools", function (box) {
    box.hidden = false;
    box.addEventListener("click", function (e) {
      var b = e.target.closest("button[value]");
      if (!b) return;
      if (window.huiShare) return window.huiShare(b.value);
      box.pending = b.value;
      if (!box.s) box.s = d.head.appendChild(d.createElement("script")), box.s.src = box.getAttribute("data-script");
    });
  });

  // "/" focuses the search field, unless the visitor is typing.
  d.addEventListener("keydown", function (e) {
    var f = d.getElementById("search-q") || d.getElementById("site-q");
    if (e.key === "/" && f && !/^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) && !e.target.isContentEditable) {
      e.preventDefault();
      f.focus();
    }
  });
  // "Ask me": the search script and index load only when asked. Its
  // suggested questions need them, so they show only with JavaScript.
  each(".ask-box", function (box) {
    each("[hidden]", function (el) { el.hidden = false; }, box);
    function start(e, q) {
      if (box.getAttribute("data-state")) return;
      if (e) e.preventDefault();
      if (q) box.setAttribute("data-pending", q);
      if (!box.s) box.s = d.head.appendChild(d.createElement("script")), box.s.src = box.getAttribute("data-script");
    }
    var f = box.querySelector("form");
    f.q.onfocus = function () { start(); };
    box.addEventListener("submit", function (e) { start(e, f.q.value); });
    box.addEventListener("click", function (e) { if (e.target.closest(".ask-suggestions button")) start(e, e.target.textContent); });
  });

})();
