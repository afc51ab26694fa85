// hui default theme (filters.js): the filters of the list pages (policies, projects,
// carriers, events) and of the officials' directory. Loaded only there; without it the page shows the same
// cards, grouped. The page loads it right after the filter form, without
// defer, so that the form is shown before the page is first drawn (showing
// it later would push the list down); the cards are filtered once parsed.
(function () {
  "use strict";
  var d = document;
  function each(sel, fn, root) { Array.prototype.forEach.call((root || d).querySelectorAll(sel), fn); }
  // A card stays when every choice is among its data-* words and it
  // reaches every minimum.
  each("form.list-filter", function (form) {
    var out = form.querySelector(".list-count"), cards;
    form.hidden = false;
    function apply() {
      cards = cards || d.querySelectorAll(".list-group li.entry-card");
      var shown = 0;
      Array.prototype.forEach.call(cards, function (li) {
        var keep = true;
        Array.prototype.forEach.call(form.elements, function (el) {
          var v = el.value, have = li.getAttribute("data-" + el.name);
          if (!el.name || v === "") return;
          if (el.hasAttribute("data-minimum")) keep = keep && parseFloat(have) >= parseFloat(v);
          else keep = keep && have !== null && (" " + have + " ").indexOf(" " + v + " ") >= 0;
        });
        li.hidden = !keep;
        if (keep) shown++;
      });
      each(".list-group", function (g) { g.hidden = !g.querySelector("li:not([hidden])"); });
      each(".filter-empty", function (p) { p.hidden = shown > 0; });
      out.textContent = out.getAttribute("data-template").replace("{shown}", shown).replace("{total}", cards.length);
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", apply);
    else apply();
  });

  // Directory filter: every word typed must occur in a contact's keywords.
  (function () {
  var input = d.getElementById("contact-filter");
  if (!input) return;
  input.parentNode.hidden = false;
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    function show(li) {
      var k = li.getAttribute("data-keywords");
      li.hidden = !words.every(function (w) { return k.indexOf(w) >= 0; });
      return !li.hidden;
    }
    each(".js-filterable>li", function (li) { if (show(li)) shown++; });
    each(".filter-empty", function (p) { p.hidden = shown > 0; });
    each(".contact-group", function (g) {
      var any = false;
      each("li[data-keywords]", function (li) { any = show(li) || any; }, g);
      g.hidden = !any;
    });
    each(".contact-groups", function (sec) { sec.hidden = !sec.querySelector(".contact-group:not([hidden])"); });
  });
  })();
})();
