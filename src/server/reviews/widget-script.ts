// The reviews component a merchant pastes into their store theme:
//   <script src="https://…/widget/reviews.js" data-store="slug" async></script>
// It renders inside a shadow root (the theme's CSS cannot reach in, ours cannot leak out), in the store's
// language and direction, from the public reviews API. Every text goes in as text, never as HTML.
export const WIDGET_SCRIPT = `(function () {
  var me = document.currentScript;
  if (!me) return;
  var slug = me.getAttribute("data-store");
  var origin = new URL(me.src).origin;
  var host = document.createElement("div");
  host.className = "tajer-reviews";
  me.parentNode.insertBefore(host, me.nextSibling);
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var css = ":host{all:initial;display:block;font-family:system-ui,-apple-system,'Segoe UI','IBM Plex Sans Arabic',Tahoma,sans-serif;color:#0f172a}" +
    ".w{display:block}.h{font-size:18px;font-weight:600;margin:0 0 12px}.list{display:flex;gap:12px;overflow-x:auto;scroll-snap-type:x mandatory;padding-bottom:8px}" +
    ".card{flex:0 0 min(300px,85%);scroll-snap-align:start;box-sizing:border-box;border:1px solid #e2e8f0;border-radius:12px;padding:12px;background:#fff;font-size:14px;line-height:1.5}" +
    ".stars{color:#f59e0b;letter-spacing:2px;font-size:16px}.p{font-weight:600;margin:4px 0}.t{margin:4px 0;white-space:pre-line;overflow-wrap:anywhere}" +
    ".m{color:#64748b;font-size:12px}.ph{display:flex;gap:6px;margin-top:8px}.ph img{width:72px;height:72px;object-fit:cover;border-radius:8px}" +
    ".r{margin-top:8px;padding:8px;border-radius:8px;background:#f1f5f9;font-size:13px}.more{margin-top:8px;min-height:44px;padding:0 16px;border:1px solid #cbd5e1;border-radius:8px;background:#fff;font:inherit;cursor:pointer}" +
    ".empty{color:#64748b;font-size:14px}";
  var style = document.createElement("style");
  style.textContent = css;
  root.appendChild(style);
  var wrap = document.createElement("div");
  wrap.className = "w";
  root.appendChild(wrap);
  var words = {
    ar: { title: "آراء عملائنا", more: "المزيد", reply: "رد المتجر: ", empty: "لا توجد تقييمات بعد.", experience: "تجربة الطلب" },
    en: { title: "What our customers say", more: "More reviews", reply: "The store replied: ", empty: "No reviews yet.", experience: "The order experience" }
  };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  var list, more, locale, cursor = null;
  function card(r) {
    var c = el("article", "card");
    var s = el("div", "stars", "★★★★★".slice(0, r.rating) + "☆☆☆☆☆".slice(0, 5 - r.rating));
    s.setAttribute("aria-label", r.rating + "/5");
    c.appendChild(s);
    c.appendChild(el("div", "p", r.product || words[locale].experience));
    if (r.text) c.appendChild(el("p", "t", r.text));
    var when = new Date(r.date);
    c.appendChild(el("div", "m", r.author + " · " + new Intl.DateTimeFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en-GB", { dateStyle: "medium" }).format(when)));
    if (r.photos.length) {
      var ph = el("div", "ph");
      r.photos.forEach(function (p) {
        var img = el("img");
        img.src = p.url;
        img.alt = r.product || "";
        img.loading = "lazy";
        img.width = 72;
        img.height = 72;
        ph.appendChild(img);
      });
      c.appendChild(ph);
    }
    if (r.reply) c.appendChild(el("div", "r", words[locale].reply + r.reply));
    return c;
  }
  function load() {
    var url = origin + "/api/public/stores/" + encodeURIComponent(slug) + "/reviews?limit=12" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
    fetch(url).then(function (res) { return res.json(); }).then(function (body) {
      if (!body.data) return;
      if (!list) {
        locale = body.store.locale;
        wrap.setAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        wrap.setAttribute("lang", locale);
        wrap.appendChild(el("h2", "h", words[locale].title));
        list = el("div", "list");
        list.setAttribute("role", "list");
        wrap.appendChild(list);
        more = el("button", "more", words[locale].more);
        more.type = "button";
        more.onclick = load;
        wrap.appendChild(more);
        if (!body.data.length) wrap.appendChild(el("p", "empty", words[locale].empty));
      }
      body.data.forEach(function (r) { var c = card(r); c.setAttribute("role", "listitem"); list.appendChild(c); });
      cursor = body.nextCursor;
      more.style.display = cursor ? "" : "none";
    }).catch(function () {});
  }
  load();
})();
`;
