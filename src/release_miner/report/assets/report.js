// release-miner review report: search and filters, offline. Page data comes only from
// data- attributes and text content; nothing here builds HTML from strings.
(function () {
  "use strict";
  var form = document.getElementById("controls");
  var box = document.getElementById("q");
  var selects = ["category", "city", "month"].map(function (id) { return document.getElementById(id); });
  var reviewOnly = document.getElementById("review");
  var shown = document.getElementById("shown");
  var releases = Array.prototype.slice.call(document.querySelectorAll("article.release"));
  var queueRows = Array.prototype.slice.call(document.querySelectorAll("#queue tr[data-release], #queue tr[data-releases]"));
  var haystack = new Map();

  function words(s) { return s.toLowerCase().split(/\s+/).filter(Boolean); }
  function textOf(el) {
    if (!haystack.has(el)) { haystack.set(el, el.textContent.toLowerCase().replace(/\s+/g, " ")); }
    return haystack.get(el);
  }

  function apply() {
    var terms = words(box.value);
    var category = selects[0].value, city = selects[1].value, month = selects[2].value;
    var visible = new Set();
    releases.forEach(function (el) {
      var ok = (!category || (" " + el.dataset.categories + " ").indexOf(" " + category + " ") >= 0)
        && (!city || el.dataset.city === city)
        && (!month || el.dataset.month === month)
        && (!reviewOnly.checked || el.dataset.review === "1")
        && terms.every(function (t) { return textOf(el).indexOf(t) >= 0; });
      el.hidden = !ok;
      if (ok) { visible.add(el.id.slice(1)); }
    });
    var filtering = terms.length || category || city || month || reviewOnly.checked;
    queueRows.forEach(function (tr) {
      var ids = (tr.dataset.release || tr.dataset.releases || "").split(" ");
      tr.hidden = filtering && !ids.some(function (id) { return visible.has(id); });
    });
    shown.textContent = visible.size + " of " + releases.length + " releases shown";
    document.body.dataset.shown = String(visible.size);
    var state = new URLSearchParams();
    if (box.value) { state.set("q", box.value); }
    selects.forEach(function (s) { if (s.value) { state.set(s.id, s.value); } });
    if (reviewOnly.checked) { state.set("review", "1"); }
    // Keep the filters in the fragment, unless it points at a mention (#r3-policy-0): a jump
    // there must not be undone by the change event that fires when the search box loses focus.
    var hash = state.toString(), current = location.hash.slice(1);
    if (hash && (!current || current.indexOf("=") >= 0)) {
      try { history.replaceState(null, "", "#" + hash); } catch (e) { /* some file: views refuse */ }
    }
  }

  // Initial filters from the URL fragment (#q=harbour&category=shock_response&review=1),
  // so a filtered view can be bookmarked or shared; a plain #anchor is left alone.
  function fromHash() {
    var raw = location.hash.slice(1);
    if (raw.indexOf("=") < 0) { return; }
    var params = new URLSearchParams(raw);
    box.value = params.get("q") || "";
    selects.forEach(function (s) { s.value = params.get(s.id) || ""; });
    reviewOnly.checked = params.get("review") === "1";
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // A link to a mention inside a release the filters hide: clear the filters so it shows.
  function reveal() {
    var id = location.hash.slice(1);
    if (!id || id.indexOf("=") >= 0) { return; }
    var target = document.getElementById(decodeURIComponent(id));
    var article = target && target.closest("article.release");
    if (article && article.hidden) { form.reset(); apply(); target.scrollIntoView(); }
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  window.addEventListener("hashchange", function () { fromHash(); reveal(); });

  document.querySelectorAll("#legend input[data-kind]").forEach(function (cb) {
    cb.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + cb.dataset.kind, !cb.checked);
    });
  });

  // Printing shows every table, even the collapsed ones.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  document.body.dataset.ready = "1";
  fromHash();
})();
