// hui default theme (share.js): a card's share poster and e-mail signature.
// It loads only when a visitor asks for one, so the card page stays light;
// the poster's QR code comes from qrcode.js, loaded with the first poster.
// Nothing is fetched from another host: the poster is drawn on a canvas with
// the system's fonts and the photo already on the page.
(function () {
  "use strict";
  var d = document, tools = d.querySelector(".share-tools");
  if (!tools || window.huiShare) return;
  var panel = tools.querySelector(".share-panel");
  var FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","Noto Sans",sans-serif';
  function text(sel) { var el = d.querySelector(sel); return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }
  function data(k) { return tools.getAttribute("data-" + k) || ""; }
  function el(tag, css, content) {
    var e = d.createElement(tag);
    if (css) e.style.cssText = css; // CSSOM, which the page's CSP allows
    if (content) e.textContent = content;
    return e;
  }
  // The card's address as shared: absolute, with ?src= when the page was
  // opened from a campaign link (main.js put it on the share button).
  function shareUrl() { return new URL(d.querySelector(".js-share").getAttribute("data-url"), location.href).href; }
  function cardUrl() { return shareUrl().split("?")[0]; }
  function show(nodes) {
    panel.textContent = "";
    nodes.forEach(function (n) { panel.appendChild(n); });
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  }

  // Lines of `words` that fit `width` at the canvas's current font; Chinese
  // has no spaces, so a line may break between any two characters.
  function lines(g, words, width, max) {
    var out = [], line = "";
    for (var i = 0; i < words.length; i++) {
      var next = line + words[i];
      if (line && g.measureText(next).width > width) { out.push(line); line = words[i].replace(/^ /, ""); } else line = next;
    }
    if (line) out.push(line);
    if (out.length > max) { out = out.slice(0, max); out[max - 1] = out[max - 1].replace(/.$/, "…"); }
    return out;
  }
  function tokens(s) { return s.match(/[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]| ?[^\s\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]+/g) || []; }
  function write(g, s, y, size, weight, color, max) {
    g.font = weight + " " + size + "px " + FONT;
    g.fillStyle = color;
    var ls = lines(g, tokens(s), 920, max || 2);
    for (var i = 0; i < ls.length; i++) g.fillText(ls[i], 540, y + i * size * 1.3);
    return y + ls.length * size * 1.3;
  }

  function drawPoster(withPhoto) {
    var W = 1080, H = 1620, c = el("canvas"), g = c.getContext("2d");
    c.width = W; c.height = H;
    g.fillStyle = "#fff"; g.fillRect(0, 0, W, H);
    g.fillStyle = "#9f1c20"; g.fillRect(0, 0, W, 400);
    g.textAlign = "center"; g.textBaseline = "alphabetic";
    write(g, text(".brand-title"), 150, 58, "bold", "#fff", 2);
    // The photo already on the page (or the initials), in a ringed circle.
    var photo = withPhoto && d.querySelector(".bizcard-head img.avatar-photo");
    g.beginPath(); g.arc(540, 400, 160, 0, 2 * Math.PI); g.fillStyle = "#fff"; g.fill();
    g.save(); g.beginPath(); g.arc(540, 400, 148, 0, 2 * Math.PI); g.clip();
    if (photo && photo.complete && photo.naturalWidth) g.drawImage(photo, 392, 252, 296, 296);
    else {
      g.fillStyle = "#fbeceb"; g.fillRect(392, 252, 296, 296);
      g.fillStyle = "#9f1c20"; g.font = "bold 120px " + FONT; g.textBaseline = "middle";
      g.fillText(text(".bizcard-head .avatar") || text(".bizcard h1").charAt(0), 540, 405);
      g.textBaseline = "alphabetic";
    }
    g.restore();
    var y = write(g, text(".bizcard h1"), 680, 84, "bold", "#1f2933", 1);
    y = write(g, text(".bizcard-position"), y + 10, 44, "normal", "#1f2933", 2);
    write(g, text(".bizcard-org"), y + 4, 38, "normal", "#52606d", 2);
    // The QR code of the card's address, campaign word included.
    var qr = window.qrcode(0, "M");
    qr.addData(shareUrl()); qr.make();
    var n = qr.getModuleCount(), size = 500, cell = Math.floor(size / (n + 8)), side = cell * (n + 8);
    var x0 = Math.round((W - side) / 2), y0 = 960;
    g.fillStyle = "#fff"; g.fillRect(x0, y0, side, side);
    g.fillStyle = "#000";
    for (var r = 0; r < n; r++) for (var k = 0; k < n; k++) if (qr.isDark(r, k)) g.fillRect(x0 + (k + 4) * cell, y0 + (r + 4) * cell, cell, cell);
    write(g, data("caption"), y0 + side + 70, 36, "normal", "#52606d", 1);
    return c;
  }

  function poster() {
    if (!window.qrcode) {
      var s = d.head.appendChild(el("script"));
      s.onload = poster;
      s.src = data("qrcode");
      return;
    }
    var url;
    try { url = drawPoster(true).toDataURL("image/png"); }
    // A photo read from file:// taints the canvas: draw the initials instead.
    catch (e) { url = drawPoster(false).toDataURL("image/png"); }
    var img = el("img", "display:block;width:100%;max-width:360px;height:auto;margin:12px 0;border:1px solid #e4dfd8;border-radius:8px");
    img.className = "poster-image"; img.src = url; img.alt = tools.querySelector("button").textContent;
    var save = el("a", "display:inline-block;margin-top:4px", data("poster-save"));
    save.className = "button button-primary"; save.href = url;
    save.download = (cardUrl().split("/").filter(Boolean).pop() || "card") + "-poster.png";
    show([img, el("p", "", data("poster-hint")), save]);
  }

  // An e-mail signature as mail programs keep it: a table with inline
  // styles, the QR code as an image by its absolute address.
  function signature() {
    var url = cardUrl(), t = el("table", "border-collapse:collapse;font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#1f2933");
    t.setAttribute("cellpadding", "0"); t.setAttribute("cellspacing", "0");
    var row = t.insertRow(), left = row.insertCell(), right = row.insertCell();
    left.style.cssText = "padding:0 14px 0 0;vertical-align:top";
    right.style.cssText = "vertical-align:top";
    var link = el("a"); link.href = url;
    // The preview shows the QR file beside this page; the copied signature
    // names it by its address on the site, which mail programs fetch.
    var qr = el("img", "display:block;border:0"); qr.src = "qr.png"; qr.width = qr.height = 72; qr.alt = "QR";
    link.appendChild(qr); left.appendChild(link);
    right.appendChild(el("strong", "font-size:16px;color:#9f1c20", text(".bizcard h1")));
    // Phones and e-mail as the card's contact list shows them.
    var reach = [].map.call(d.querySelectorAll('.bizcard-facts a[href^="tel:"], .bizcard-facts a[href^="mailto:"]'), function (a) { return a.textContent.trim(); });
    [text(".bizcard-position"), text(".bizcard-org")].concat(reach).forEach(function (line) {
      if (!line) return;
      right.appendChild(el("br")); right.appendChild(d.createTextNode(line));
    });
    right.appendChild(el("br"));
    var a = el("a", "color:#9f1c20", url); a.href = url; right.appendChild(a);
    var box = el("div", "margin:12px 0;padding:14px;overflow:auto;border:1px dashed #b8b1a7;border-radius:6px;background:#fff");
    box.className = "signature-preview"; box.appendChild(t);
    var copy = el("button", "", data("signature-copy"));
    copy.type = "button"; copy.className = "button button-primary";
    copy.onclick = function () {
      // Replaced in the text: an image element, even a detached copy,
      // would be fetched.
      var html = t.outerHTML.replace('src="qr.png"', 'src="' + new URL("qr.png", url).href + '"'), plain = box.innerText;
      function done() { copy.textContent = d.querySelector("[data-copied]").getAttribute("data-copied"); }
      function legacy() {
        var range = d.createRange(), sel = window.getSelection();
        range.selectNode(box); sel.removeAllRanges(); sel.addRange(range);
        try { if (d.execCommand("copy")) done(); } catch (e) { /* the preview stays selectable */ }
        sel.removeAllRanges();
      }
      if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write && window.isSecureContext) {
        navigator.clipboard.write([new window.ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([plain], { type: "text/plain" })
        })]).then(done, legacy);
      } else legacy();
    };
    show([box, el("p", "", data("signature-hint")), copy]);
  }

  window.huiShare = function (what) { if (what === "poster") poster(); else signature(); };
  if (tools.pending) window.huiShare(tools.pending);
})();
