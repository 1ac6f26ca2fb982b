// release-miner review report, offline. Everything shown is built here from the page's embedded
// JSON (a <template>, inert), with createElement and textContent only: no string becomes markup.
// The overview, the review queue and the release list follow the filters; releases render a
// page at a time, so a dataset of any size opens with its overview first.
(function () {
  "use strict";
  performance.mark("rm-script");
  var D = JSON.parse(document.getElementById("report-data").content.textContent);
  performance.mark("rm-parsed");
  var R = D.releases, PAGE = D.page_size || 10, QUEUE_ROWS = 20;
  var KINDS = Object.keys(D.kinds), OUTCOMES = D.outcomes, UNATTRIBUTED = "unattributed";
  var RECORDS = { figure: "figures", date: "dates", person: "people", org: "orgs", policy: "policies" };
  R.forEach(inflate);
  performance.mark("rm-inflated");

  // Records travel as arrays (see render.COLUMNS); spans as flat (start, end, kind, record) quadruples.
  function inflate(r) {
    Object.keys(D.columns).forEach(function (name) {
      var cols = D.columns[name];
      r[name] = r[name].map(function (row) {
        var o = {};
        for (var i = 0; i < cols.length; i++) { o[cols[i]] = row[i]; }
        if (o.text === null) { o.text = r.text.slice(o.start, o.end); }
        return o;
      });
    });
    r.money.forEach(function (m) { var f = r.figures[m.figure]; m.value = f.value; m.currency = f.unit || "unknown"; });
    r.categories = Array.from(new Set(r.policies.filter(function (p) { return !p.rejected; })
      .map(function (p) { return p.category; }))).sort();
    r.org_keys = r.orgs.map(function (o) { return o.name.toLowerCase().split(/\s+/).join(" "); });
  }
  // Spans are only needed to draw a release's text: unpacked when its section is first drawn,
  // which keeps the work before the overview's first frame to what the overview shows.
  function spansOf(r) {
    if (r.spansReady) { return r.spans; }
    var flat = r.spans, seen = new Set(), out = [];
    for (var i = 0; i + 3 < flat.length; i += 4) {
      var kind = KINDS[flat[i + 2]], index = flat[i + 3], anchor = kind + "-" + index;
      out.push([flat[i], flat[i + 1], kind, index, seen.has(anchor) ? null : "r" + r.id + "-" + anchor]);
      seen.add(anchor);
    }
    r.spans = out;
    r.spansReady = true;
    return out;
  }
  function spanLabel(kind, x) {
    if (kind === "figure") { return x.kind + ": " + (x.value === null ? "no value" : (exact(x.value) + " " + (x.unit || "")).trim()); }
    if (kind === "date") { return x.kind + ": " + (x.value || "no value"); }
    if (kind === "person") {
      var about = [x.title, x.affiliation].filter(Boolean).join(", ");
      return "person: " + x.name + (about ? " (" + about + ")" : "");
    }
    if (kind === "org") { return "organization: " + x.name; }
    return "policy: " + x.category + " (confidence " + conf(x.confidence) + (x.needs_review ? ", needs review" : "") + ")";
  }
  var SVGNS = "http://www.w3.org/2000/svg";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("controls"), box = $("q"), reviewOnly = $("review");
  var selects = ["category", "city", "month"].map($);
  var byId = new Map(R.map(function (r, i) { return [r.id, i]; }));
  var visible = [], shownCount = 0, queueLimit = {}, timer = null;

  // ---- small helpers --------------------------------------------------------------------
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) { continue; }
      if (k === "text") { e.textContent = attrs[k]; } else if (k === "cls") { e.className = attrs[k]; }
      else if (k === "on") { for (var ev in attrs.on) { e.addEventListener(ev, attrs.on[ev]); } }
      else { e.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
    }
    (kids || []).forEach(function (c) { if (c !== null && c !== undefined) { e.append(c); } });
    return e;
  }
  function sv(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  var NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });  // one formatter: toLocaleString is slow
  function exact(v) { return v === null || v === undefined ? "—" : NUMBER.format(v); }
  function compact(v) {
    if (v === null || v === undefined) { return "—"; }
    var scales = [[1e12, "tn"], [1e9, "bn"], [1e6, "m"]];
    for (var i = 0; i < scales.length; i++) {
      if (Math.abs(v) >= scales[i][0]) {
        var x = v / scales[i][0];
        return (Math.abs(x) >= 100 ? NUMBER.format(Math.round(x)) : Number(x.toPrecision(3)).toString())
          + " " + scales[i][1];
      }
    }
    return exact(Number.isInteger(v) ? v : Number(v.toPrecision(4)));
  }
  function plural(n, one, many) { return exact(n) + " " + (n === 1 ? one : (many || one + "s")); }
  function label(s) { return String(s).replace(/_/g, " "); }
  function conf(v) { return v === null || v === undefined ? "—" : v.toFixed(2); }
  function catBadge(c) { return el("span", { cls: "cat c-" + c, text: label(c) }); }
  function words(s) { return s.toLowerCase().split(/\s+/).filter(Boolean); }

  // ---- reviewers' decisions (kept in this browser, downloaded as corrections.jsonl) --------
  var STORE_KEY = "release-miner:corrections:" + D.dataset.key;
  var decisions = {};
  try { decisions = JSON.parse(localStorage.getItem(STORE_KEY) || "{}") || {}; } catch (e) { decisions = {}; }
  function saveDecisions() {
    try { localStorage.setItem(STORE_KEY, JSON.stringify(decisions)); } catch (e) { /* private mode: kept in memory */ }
    var n = Object.keys(decisions).length;
    $("decisions-count").textContent = plural(n, "decision");
    $("download").disabled = n === 0;
    $("clear-decisions").disabled = n === 0;
  }
  function decide(key, record) {
    record.when = new Date().toISOString();
    decisions[key] = record;
    saveDecisions();
  }
  function mentionKey(r, field, start, end) { return [r.key, field, start, end].join("|"); }
  function policyDecision(r, p, after) {
    decide(mentionKey(r, "policy", p.start, p.end), {
      release: r.doc, release_key: r.key, field: "policy", start: p.start, end: p.end, text: p.text,
      before: { category: p.category, confidence: p.confidence }, after: after });
  }
  function figureDecision(r, f, value) {
    decide(mentionKey(r, "figure", f.start, f.end), {
      release: r.doc, release_key: r.key, field: "figure", start: f.start, end: f.end, text: f.text,
      before: { value: f.value, unit: f.unit }, after: { value: value } });
  }
  function mergeDecision(m, status) {
    decide("merge|" + m.id, {
      release: null, release_key: null, field: "person_merge", start: null, end: null, suggestion: m.id,
      text: m.person.name + " ~ " + m.other.name,
      before: { person: m.person.name, other: m.other.name, status: m.status }, after: { status: status } });
  }
  function download() {
    var lines = Object.keys(decisions).map(function (k) { return decisions[k]; })
      .sort(function (a, b) { return a.when < b.when ? -1 : a.when > b.when ? 1 : 0; })
      .map(function (d) { return JSON.stringify(d); });
    var url = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "application/x-ndjson" }));
    var a = el("a", { href: url, download: "corrections.jsonl", hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  function decidedNote(key) {
    var d = decisions[key];
    if (!d) { return null; }
    var a = d.after, what = a.value !== undefined ? "value " + exact(a.value)
      : a.status === "rejected" ? "rejected" : a.category ? label(a.category) : a.status;
    return el("span", { cls: "decided", text: "your decision: " + what });
  }
  function policyControls(r, p, refresh) {
    var key = mentionKey(r, "policy", p.start, p.end);
    var pick = el("select", { "aria-label": "category", cls: "recat" },
      D.categories.map(function (c) { return el("option", { value: c, text: label(c), selected: c === p.category }); }));
    pick.addEventListener("change", function () {
      policyDecision(r, p, { status: "accepted", category: pick.value }); refresh(); });
    return el("span", { cls: "review-actions" }, [
      el("button", { type: "button", cls: "accept", text: "accept", on: { click: function () {
        policyDecision(r, p, { status: "accepted", category: p.category }); refresh(); } } }),
      el("button", { type: "button", cls: "reject", text: "reject", on: { click: function () {
        policyDecision(r, p, { status: "rejected" }); refresh(); } } }),
      pick, decidedNote(key)]);
  }
  function figureControls(r, f, refresh) {
    var key = mentionKey(r, "figure", f.start, f.end);
    var input = el("input", { type: "number", step: "any", cls: "fix-value", "aria-label": "correct value",
                              value: f.value === null ? "" : String(f.value) });
    return el("span", { cls: "review-actions" }, [input,
      el("button", { type: "button", cls: "fix", text: "fix value", on: { click: function () {
        if (input.value === "" || isNaN(Number(input.value))) { input.setCustomValidity("a number"); return; }
        figureDecision(r, f, Number(input.value)); refresh(); } } }), decidedNote(key)]);
  }

  // ---- filtering --------------------------------------------------------------------------
  var haystacks = new Array(R.length);
  function haystack(i) {
    if (haystacks[i] === undefined) {
      var r = R[i], parts = [r.title || "", r.text, r.doc, r.city || ""];
      r.policies.forEach(function (p) { parts.push(p.text, p.category); });
      r.people.forEach(function (p) { parts.push(p.name, p.title || "", p.affiliation || ""); });
      r.orgs.forEach(function (o) { parts.push(o.name); });
      r.figures.forEach(function (f) { parts.push(f.text); });
      haystacks[i] = parts.join(" \n ").toLowerCase().replace(/\s+/g, " ");
    }
    return haystacks[i];
  }
  function matches(i, terms, category, city, month) {
    var r = R[i];
    return (!category || r.categories.indexOf(category) >= 0) && (!city || r.city === city)
      && (!month || r.month === month) && (!reviewOnly.checked || r.review)
      && terms.every(function (t) { return haystack(i).indexOf(t) >= 0; });
  }
  function filtering() { return !!(box.value.trim() || selects.some(function (s) { return s.value; }) || reviewOnly.checked); }

  function apply(later) {
    var terms = words(box.value);
    var category = selects[0].value, city = selects[1].value, month = selects[2].value;
    visible = [];
    for (var i = 0; i < R.length; i++) { if (matches(i, terms, category, city, month)) { visible.push(i); } }
    $("shown").textContent = visible.length + " of " + R.length + " releases shown";
    document.body.dataset.shown = String(visible.length);
    renderOverview();
    renderQueue();
    shownCount = 0;
    $("release-list").replaceChildren();
    if (later !== true) { more(); }
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
  // Large datasets wait for a pause in typing; small ones follow every key at once.
  function applySoon() {
    clearTimeout(timer);
    if (R.length > 2000) { timer = setTimeout(apply, 200); } else { apply(); }
  }

  // ---- overview ---------------------------------------------------------------------------
  function niceMax(v) {
    if (v <= 0) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * p >= v) { return steps[i] * p; } }
    return 10 * p;
  }
  function ticks(vmax, integer) {
    if (integer && vmax <= 5) { var t = []; for (var i = 0; i <= vmax; i++) { t.push(i); } return t; }
    var half = vmax / 2;
    return integer && !Number.isInteger(half) ? [0, vmax] : [0, half, vmax];
  }
  function chartRoot(w, h, aria) {
    return sv("svg", { "class": "chart", role: "img", viewBox: "0 0 " + w + " " + h, width: w, height: h,
                       "aria-label": aria });
  }
  function empty() { return el("p", { cls: "empty", text: "No data for this selection." }); }
  function columnChart(items, aria, colour, integer) {
    if (!items.length || !items.some(function (x) { return x[1]; })) { return empty(); }
    var width = 560, height = 220, left = 56, bottom = 54, top = 16, plotW = width - left - 8, plotH = height - bottom - top;
    var vmax = Math.max.apply(null, items.map(function (x) { return x[1]; }));
    vmax = integer && vmax <= 5 ? Math.max(1, Math.ceil(vmax)) : niceMax(vmax);
    var svg = chartRoot(width, height, aria), slot = plotW / items.length, barW = Math.max(2, Math.min(48, slot * 0.7));
    ticks(vmax, integer).forEach(function (v) {
      var y = top + plotH * (1 - v / vmax);
      svg.append(sv("line", { x1: left, x2: width - 8, y1: y, y2: y, stroke: "#dde1e6" }),
                 sv("text", { x: left - 6, y: y + 4, "text-anchor": "end", fill: "#555" }, integer ? exact(v) : compact(v)));
    });
    var step = Math.max(1, Math.ceil(items.length / 12)), rotate = items.length / step > 8;
    items.forEach(function (item, i) {
      var x = left + slot * i + (slot - barW) / 2, h = plotH * item[1] / vmax, y = top + plotH - h;
      var bar = sv("rect", { x: x, y: y, width: barW, height: h, fill: colour, rx: 2 });
      bar.append(sv("title", {}, item[0] + ": " + exact(item[1])));
      svg.append(bar);
      if (i % step) { return; }
      var cx = x + barW / 2, ly = top + plotH + 14;
      svg.append(sv("text", rotate ? { x: cx, y: ly, "text-anchor": "end", fill: "#333", transform: "rotate(-45 " + cx + " " + ly + ")" }
                                   : { x: cx, y: ly, "text-anchor": "middle", fill: "#333" }, item[0]));
    });
    return svg;
  }
  function barChart(items, aria) {
    if (!items.length || !items.some(function (x) { return x[1]; })) { return empty(); }
    var row = 26, left = 150, right = 80, width = 420, height = row * items.length + 8, plotW = width - left - right;
    var vmax = Math.max.apply(null, items.map(function (x) { return x[1]; })) || 1, svg = chartRoot(width, height, aria);
    items.forEach(function (item, i) {
      var y = 4 + i * row, w = item[1] ? Math.max(1, plotW * item[1] / vmax) : 0;
      var bar = sv("rect", { x: left, y: y + 3, width: w, height: row - 8, fill: D.palette[item[0]] || "#4c6ef5", rx: 2 });
      bar.append(sv("title", {}, label(item[0]) + ": " + exact(item[1])));
      svg.append(sv("text", { x: left - 8, y: y + 16, "text-anchor": "end", fill: "#333" }, label(item[0])), bar,
                 sv("text", { x: left + w + 6, y: y + 16, fill: "#333" }, compact(item[1])));
    });
    return svg;
  }
  function donutChart(items, aria) {
    var total = items.reduce(function (s, x) { return s + x[1]; }, 0);
    if (total <= 0) { return empty(); }
    var size = 180, r = size / 2 - 18, stroke = 28, circ = 2 * Math.PI * r, c = size / 2, lx = size + 16;
    var svg = chartRoot(lx + 240, Math.max(size, 24 * items.length + 8), aria), offset = 0;
    svg.append(sv("circle", { cx: c, cy: c, r: r, fill: "none", stroke: "#eef0f3", "stroke-width": stroke }));
    items.forEach(function (item, i) {
      var share = item[1] / total, colour = D.palette[item[0]] || "#4c6ef5";
      if (item[1]) {
        var arc = circ * share;
        var ring = sv("circle", { cx: c, cy: c, r: r, fill: "none", stroke: colour, "stroke-width": stroke,
          "stroke-dasharray": arc + " " + (circ - arc), "stroke-dashoffset": -offset, transform: "rotate(-90 " + c + " " + c + ")" });
        ring.append(sv("title", {}, label(item[0]) + ": " + exact(item[1]) + " (" + Math.round(share * 100) + "%)"));
        svg.append(ring);
        offset += arc;
      }
      var y = 8 + i * 24;
      svg.append(sv("rect", { x: lx, y: y, width: 14, height: 14, fill: colour, rx: 2 }),
                 sv("text", { x: lx + 20, y: y + 12, fill: "#333" }, label(item[0]) + ": " + exact(item[1]) + " (" + Math.round(share * 100) + "%)"));
    });
    svg.append(sv("text", { x: c, y: c + 7, "text-anchor": "middle", "font-size": 20, "font-weight": 600, fill: "#222" }, exact(total)));
    return svg;
  }
  function monthRange(months) {
    var dated = months.filter(function (m) { return m !== "undated"; }).sort(), out = [];
    if (dated.length) {
      var y = +dated[0].slice(0, 4), mo = +dated[0].slice(5, 7), end = dated[dated.length - 1];
      while (out.length < 600) {
        var key = y + "-" + (mo < 10 ? "0" : "") + mo;
        if (key > end) { break; }
        out.push(key);
        if (mo === 12) { y += 1; mo = 1; } else { mo += 1; }
      }
    }
    if (months.indexOf("undated") >= 0) { out.push("undated"); }
    return out;
  }
  function byPeriod(series, months) {
    var yearly = months.filter(function (m) { return m !== "undated"; }).length > D.max_months;
    var out = [], index = {};
    months.forEach(function (m) {
      var key = yearly && m !== "undated" ? m.slice(0, 4) : m;
      if (!(key in index)) { index[key] = out.length; out.push([key, 0]); }
      out[index[key]][1] += series[m] || 0;
    });
    return { items: out, period: yearly ? "year" : "month" };
  }
  function renderOverview() {
    var people = new Set(), orgs = new Set(), counts = { figures: 0, dates: 0, policies: 0 };
    var cats = {}, byMonth = {}, money = {}, left = {}, unvalued = 0;
    D.categories.forEach(function (c) { cats[c] = 0; });
    visible.forEach(function (i) {
      var r = R[i];
      r.persons.forEach(function (p) { people.add(p); });
      r.org_keys.forEach(function (o) { orgs.add(o); });
      counts.figures += r.figures.length; counts.dates += r.dates.length;
      r.policies.forEach(function (p) { if (!p.rejected) { counts.policies += 1; cats[p.category] += 1; } });
      byMonth[r.month] = (byMonth[r.month] || 0) + 1;
      r.money.forEach(function (m) {
        if (m.status === "unvalued") { unvalued += 1; return; }
        var cur = m.currency;
        if (!money[cur]) { money[cur] = { total: 0, n: 0, cats: {}, months: {}, left: {} }; }
        var row = money[cur];
        if (m.status !== "counted") { row.left[m.status] = (row.left[m.status] || 0) + 1; left[m.status] = (left[m.status] || 0) + 1; return; }
        row.total += m.value; row.n += 1;
        row.cats[m.category] = (row.cats[m.category] || 0) + m.value;
        row.months[r.month] = (row.months[r.month] || 0) + m.value;
      });
    });
    var tiles = { releases: visible.length, figures: counts.figures, dates: counts.dates, people: people.size,
                  organizations: orgs.size, policies: counts.policies };
    document.querySelectorAll("#cards .card").forEach(function (card) {
      var name = card.dataset.count;
      card.querySelector(".n").textContent = exact(tiles[name]);
      card.querySelector(".what").textContent = tiles[name] === 1 ? card.dataset.one : name;
    });
    $("chart-categories").replaceChildren(donutChart(OUTCOMES.map(function (c) { return [c, cats[c]]; }),
                                                     "share of policies by outcome category"));
    $("none-policies").textContent = cats.none ? plural(cats.none, "policy", "policies") + " classified as none " +
      (cats.none === 1 ? "is" : "are") + " not counted." : "";
    var months = monthRange(Object.keys(byMonth)), releases = byPeriod(byMonth, months);
    $("period").textContent = releases.period;
    $("chart-months").replaceChildren(columnChart(releases.items, "releases by " + releases.period, "#4c6ef5", true));
    var currencies = Object.keys(money).sort(function (a, b) { return money[b].n - money[a].n || (a < b ? -1 : 1); });
    var body = $("money-rows");
    body.replaceChildren();
    currencies.forEach(function (cur) {
      var row = money[cur], why = Object.keys(row.left).map(function (k) { return plural(row.left[k], D.left_out_one[k], D.left_out[k]); });
      body.append(el("tr", { "data-currency": cur, title: why.length ? "left out: " + why.join("; ") : "nothing left out" }, [
        el("td", { text: cur }), el("td", { cls: "num", text: exact(row.n) }),
        el("td", { cls: "num", text: compact(row.total) }), el("td", { cls: "num exact-total", text: exact(row.total) })]
        .concat(OUTCOMES.concat([UNATTRIBUTED]).map(function (c) { return el("td", { cls: "num", text: compact(row.cats[c] || 0) }); }))));
    });
    $("money-table").hidden = !currencies.length;
    $("money-empty").hidden = !!currencies.length;
    var parts = Object.keys(D.left_out).filter(function (k) { return left[k]; })
      .map(function (k) { return plural(left[k], D.left_out_one[k], D.left_out[k]); });
    $("money-left-out").textContent = parts.length ? "Left out of these totals: " + parts.join(", ") + "." : "";
    $("money-unvalued").textContent = unvalued ? plural(unvalued, "money figure") + " without a value (see the review queue)." : "";
    var charts = $("money-charts");
    charts.replaceChildren();
    currencies.forEach(function (cur) {
      var row = money[cur], series = byPeriod(row.months, months);
      charts.append(el("div", { cls: "chart-grid", "data-currency": cur }, [
        el("figure", {}, [el("figcaption", { text: "Money in " + cur + " by outcome category" }),
          barChart(OUTCOMES.concat([UNATTRIBUTED]).map(function (c) { return [c, row.cats[c] || 0]; }), "money in " + cur + " by outcome category")]),
        el("figure", {}, [el("figcaption", { text: "Money in " + cur + " by " + series.period }),
          columnChart(series.items, "money in " + cur + " by " + series.period, "#2a9d8f", false)])]));
    });
  }

  // ---- review queue -----------------------------------------------------------------------
  function releaseLink(r) { return el("a", { href: "#r" + r.id, text: r.title || r.doc }); }
  function queuePart(name, rows, header, makeRow) {
    var part = $("queue-" + name), holder = part.querySelector(".rows"), limit = queueLimit[name] || QUEUE_ROWS;
    part.querySelector(".badge").textContent = String(rows.length);
    holder.replaceChildren();
    if (!rows.length) { holder.append(el("p", { cls: "empty", text: "Nothing to review in this selection." })); return; }
    var body = el("tbody", {}, rows.slice(0, limit).map(makeRow));
    holder.append(el("div", { cls: "scroll" }, [el("table", { cls: "grid" }, [
      el("thead", {}, [el("tr", {}, header.map(function (h) { return el("th", { text: h }); }))]), body])]));
    if (rows.length > limit) {
      holder.append(el("button", { type: "button", cls: "more", text: "show all " + rows.length, on: { click: function () {
        queueLimit[name] = rows.length; renderQueue(); } } }));
    }
  }
  function renderQueue() {
    var policies = [], figures = [], shown = new Set(visible.map(function (i) { return R[i].id; }));
    visible.forEach(function (i) {
      var r = R[i];
      r.policies.forEach(function (p, j) { if (p.queued) { policies.push([r, p, j]); } });
      r.figures.forEach(function (f, j) { if (f.value === null) { figures.push([r, f, j]); } });
    });
    policies.sort(function (a, b) { return (a[1].confidence === null ? -1 : a[1].confidence) - (b[1].confidence === null ? -1 : b[1].confidence); });
    var merges = D.merges.filter(function (m) {
      var ids = m.person.releases.concat(m.other.releases);
      return !filtering() || ids.some(function (id) { return shown.has(id); });
    });
    queuePart("policies", policies, ["Policy", "Category", "Confidence", "Release", "Decision"], function (q) {
      var r = q[0], p = q[1], tr = el("tr", { "data-release": r.id });
      function fill() {
        tr.replaceChildren(
          el("td", {}, [el("a", { href: "#r" + r.id + "-policy-" + q[2], text: p.text }),
                        p.needs_review ? el("span", { cls: "flag", text: "needs review" }) : null]),
          el("td", {}, [catBadge(p.category)]), el("td", { cls: "num", text: conf(p.confidence) }),
          el("td", {}, [releaseLink(r)]), el("td", {}, [policyControls(r, p, fill)]));
      }
      fill();
      return tr;
    });
    queuePart("merges", merges, ["Person", "Maybe the same as", "Score", "Why", "Decision"], function (m) {
      var tr = el("tr", { "data-releases": m.person.releases.concat(m.other.releases).join(" ") });
      function who(p) {
        var about = [p.title, p.affiliation].filter(Boolean).join(", ");
        var links = p.releases.slice(0, 3).map(function (id) { var r = R[byId.get(id)]; return r ? releaseLink(r) : null; });
        return el("td", {}, [el("strong", { text: p.name }), about ? el("br") : null, about ? el("small", { text: about }) : null,
          links.length ? el("br") : null, links.length ? el("small", {}, ["in "].concat(links.reduce(function (acc, a, k) {
            return k ? acc.concat(["; ", a]) : [a]; }, [])).concat(p.releases.length > 3 ? [" and " + (p.releases.length - 3) + " more"] : [])) : null]);
      }
      function fill() {
        tr.replaceChildren(who(m.person), who(m.other), el("td", { cls: "num", text: m.score.toFixed(2) }), el("td", { text: m.reason }),
          el("td", {}, [el("span", { cls: "review-actions" }, [
            el("button", { type: "button", cls: "accept", text: "same person", on: { click: function () { mergeDecision(m, "accepted"); fill(); } } }),
            el("button", { type: "button", cls: "reject", text: "different", on: { click: function () { mergeDecision(m, "rejected"); fill(); } } }),
            decidedNote("merge|" + m.id)])]));
      }
      fill();
      return tr;
    });
    queuePart("figures", figures, ["Figure", "Kind", "Release", "Decision"], function (q) {
      var r = q[0], f = q[1], tr = el("tr", { "data-release": r.id });
      function fill() {
        tr.replaceChildren(el("td", {}, [el("a", { href: "#r" + r.id + "-figure-" + q[2], text: f.text })]),
          el("td", { text: f.kind }), el("td", {}, [releaseLink(r)]), el("td", {}, [figureControls(r, f, fill)]));
      }
      fill();
      return tr;
    });
    var total = policies.length + merges.length + figures.length;
    $("queue-total").textContent = String(total);
    $("toc-queue").textContent = "Review queue (" + total + ")";
    $("queue-empty").hidden = total > 0;
  }

  // ---- releases ---------------------------------------------------------------------------
  // Highlighting in one sweep over the span boundaries: each piece of text is wrapped once per
  // span covering it, the shortest innermost (it colours the background; enclosing spans add
  // underlines one level lower). Linear in the text plus the spans times their nesting depth.
  // A span is [start, end, kind, record index or label, anchor]: tests pass labels directly.
  function highlight(text, spans, records) {
    var labelOf = function (sp) { return typeof sp[3] === "string" ? sp[3] : spanLabel(sp[2], records[RECORDS[sp[2]]][sp[3]]); };
    var cuts = [0, text.length], starts = {}, ends = {};
    spans.forEach(function (s, i) {
      cuts.push(s[0], s[1]);
      (starts[s[0]] = starts[s[0]] || []).push(i);
      (ends[s[1]] = ends[s[1]] || []).push(i);
    });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    var active = new Set(), frag = document.createDocumentFragment(), order = KINDS;
    for (var c = 0; c + 1 < cuts.length; c++) {
      var a = cuts[c], b = cuts[c + 1];
      (ends[a] || []).forEach(function (i) { active.delete(i); });
      (starts[a] || []).forEach(function (i) { active.add(i); });
      var piece = text.slice(a, b);
      if (!active.size) { frag.append(piece); continue; }
      var covering = Array.from(active).sort(function (x, y) {
        var sx = spans[x], sy = spans[y];
        return (sx[1] - sx[0]) - (sy[1] - sy[0]) || order.indexOf(sx[2]) - order.indexOf(sy[2]) || sx[0] - sy[0];
      });
      var inner = spans[covering[0]];
      var node = el("mark", { cls: "hl k-" + inner[2], title: covering.map(function (i) { return labelOf(spans[i]); }).join("\n"),
                              id: inner[4] && inner[0] === a ? inner[4] : null, text: piece });
      for (var level = 1; level < covering.length; level++) {
        var s = spans[covering[level]];
        node = el("span", { cls: "ul k-" + s[2] + " lvl" + Math.min(level, D.max_levels), id: s[4] && s[0] === a ? s[4] : null }, [node]);
      }
      frag.append(node);
    }
    return frag;
  }
  // A table draws its first TABLE_ROWS rows; a release with thousands of mentions shows the rest on request.
  var TABLE_ROWS = 100;
  // Each cell carries its column's name, shown in front of it where rows become cards (phones);
  // rows redrawn after a decision are labelled again.
  function labelCells(tr, header) {
    Array.prototype.forEach.call(tr.children, function (c, i) { c.setAttribute("data-label", header[i] || ""); });
    return tr;
  }
  function table(caption, header, items, row) {
    var body = el("tbody", {}, items.slice(0, TABLE_ROWS).map(function (item) { return labelCells(row(item), header); }));
    new MutationObserver(function (changes) {
      changes.forEach(function (m) { if (m.target.tagName === "TR") { labelCells(m.target, header); }
        m.addedNodes.forEach(function (n) { if (n.tagName === "TR") { labelCells(n, header); } }); });
    }).observe(body, { childList: true, subtree: true });
    var box = el("div", { cls: "scroll" }, [el("table", { cls: "grid" }, [el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, header.map(function (h) { return el("th", { text: h }); }))]), body])]);
    if (items.length > TABLE_ROWS) {
      var all = el("button", { type: "button", cls: "more", text: "show all " + exact(items.length) + " rows", on: { click: function () {
        body.append.apply(body, items.slice(TABLE_ROWS).map(row)); all.remove(); } } });
      box.append(all);
    }
    return box;
  }
  function td(text, cls) { return el("td", { cls: cls || null, text: text }); }
  function reviewed(note) { return el("span", { cls: "reviewed", text: note || "reviewed" }); }
  function figureRow(r, f) {
    var tr = el("tr", { cls: f.reviewed ? "is-reviewed" : null });
    function fill() {
      var value = f.value === null ? el("td", { cls: "num" }, [el("span", { cls: "flag", text: "no value" })])
        : el("td", { cls: "num", title: f.reviewed ? "extracted: " + exact(f.original) : null }, [exact(f.value), f.reviewed ? reviewed() : null]);
      tr.replaceChildren(td(f.text), td(f.kind), value, td(f.unit || ""), td(f.approx ? "about" : ""),
        td(f.value_max !== null ? exact(f.value_max) : f.cap ? exact(f.value) : "", "num"),
        el("td", {}, [figureControls(r, f, fill)]));
    }
    fill();
    return tr;
  }
  function policyRow(r, p) {
    var tr = el("tr", { cls: (p.reviewed ? "is-reviewed" : "") + (p.rejected ? " is-rejected" : "") || null });
    function fill() {
      tr.replaceChildren(td(p.text), el("td", {}, [catBadge(p.category), p.reviewed ? reviewed(p.rejected ? "rejected · reviewed" : "reviewed") : null]),
        td(conf(p.confidence), "num"), td(p.target || ""),
        el("td", {}, [p.needs_review && !p.reviewed ? el("span", { cls: "flag", text: "yes" }) : null]),
        el("td", {}, [policyControls(r, p, fill)]));
    }
    fill();
    return tr;
  }
  function section(r) {
    var metaParts = [el("span", { cls: "date", text: r.published || "no date" })];
    if (r.city) { metaParts.push(" · ", el("span", { cls: "city", text: r.city })); }
    metaParts.push(" · ");
    if (r.url) { metaParts.push(el("a", { cls: "source", href: r.url, rel: "noopener noreferrer nofollow", target: "_blank", text: r.url })); }
    else if (r.raw_url) { metaParts.push(el("span", { cls: "source", text: r.raw_url }), " ", el("span", { cls: "flag", text: "not a web link" })); }
    else { metaParts.push(el("span", { cls: "source", text: "no source URL" })); }
    metaParts.push(" · id ", el("code", { text: r.doc }));
    if (r.review) { metaParts.push(" · ", el("span", { cls: "flag", text: "needs review" })); }
    var n = { figures: r.figures.length, dates: r.dates.length, people: r.people.length, orgs: r.orgs.length, policies: r.policies.length };
    var tables = [el("summary", { text: "Extracted: " + [plural(n.figures, "figure"), plural(n.dates, "date"),
      plural(n.people, "person", "people"), plural(n.orgs, "organization"), plural(n.policies, "policy", "policies")].join(", ") })];
    if (n.figures) { tables.push(table("Figures", ["Text", "Kind", "Value", "Unit", "Approx.", "Up to", "Review"], r.figures, function (f) { return figureRow(r, f); })); }
    if (n.dates) { tables.push(table("Dates", ["Text", "Kind", "ISO value", "Grain"], r.dates, function (d) {
      return el("tr", {}, [td(d.text), td(d.kind), d.value === null ? el("td", {}, [el("span", { cls: "flag", text: "no value" })]) : el("td", {}, [el("code", { text: d.value })]), td(d.grain || "")]); })); }
    if (n.people) { tables.push(table("People", ["Name", "Title", "Affiliation", "Aliases", "Mentions"], r.people, function (p) {
      return el("tr", {}, [td(p.name), td(p.title || ""), td(p.affiliation || ""), td(p.aliases.join("; ")), td(String(p.mentions), "num")]); })); }
    if (n.orgs) { tables.push(table("Organizations", ["Name", "Aliases", "Mentions"], r.orgs, function (o) {
      return el("tr", {}, [td(o.name), td(o.aliases.join("; ")), td(String(o.mentions), "num")]); })); }
    if (n.policies) { tables.push(table("Policies", ["Text", "Category", "Confidence", "Target", "Needs review", "Review"], r.policies, function (p) { return policyRow(r, p); })); }
    return el("article", { cls: "release", id: "r" + r.id, "data-city": r.city || "", "data-month": r.month,
                           "data-categories": r.categories.join(" "), "data-review": r.review ? "1" : "0" }, [
      el("h3", { cls: "release-title", text: r.title || "(untitled)" }), el("p", { cls: "meta" }, metaParts),
      el("div", { cls: "text" }, [highlight(r.text, spansOf(r), r)]),
      r.dropped ? el("p", { cls: "flag", text: plural(r.dropped, "mention offset") + " fall outside the text and are not highlighted." }) : null,
      el("details", { cls: "tables", open: true }, tables)]);
  }
  function more(until) {
    var list = $("release-list"), target = Math.min(visible.length, Math.max(shownCount + PAGE, until || 0));
    for (; shownCount < target; shownCount++) { list.append(section(R[visible[shownCount]])); }
    $("releases-empty").hidden = visible.length > 0;
    var rest = visible.length - shownCount;
    $("more").hidden = rest <= 0;
    $("more").textContent = "show " + Math.min(rest, PAGE) + " more (" + rest + " not shown yet)";
  }
  function renderAll() { more(visible.length); }

  // ---- links into releases not rendered yet ------------------------------------------------
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || id.indexOf("=") >= 0) { return; }
    var m = /^r(\d+)/.exec(id);
    if (!m || !byId.has(+m[1])) { return; }
    var index = byId.get(+m[1]), pos = visible.indexOf(index);
    if (pos < 0) { form.reset(); apply(); pos = visible.indexOf(index); }
    if (pos >= shownCount) { more(pos + 1); }
    var target = document.getElementById(id);
    if (target) {
      document.querySelectorAll(".targeted").forEach(function (e) { e.classList.remove("targeted"); });
      target.classList.add("targeted");
      target.scrollIntoView();
    }
  }
  function fromHash() {
    var raw = location.hash.slice(1);
    if (raw.indexOf("=") < 0) { return false; }
    var params = new URLSearchParams(raw);
    box.value = params.get("q") || "";
    selects.forEach(function (s) { s.value = params.get(s.id) || ""; });
    reviewOnly.checked = params.get("review") === "1";
    return true;
  }

  form.addEventListener("input", applySoon);
  form.addEventListener("change", applySoon);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  window.addEventListener("hashchange", function () { if (fromHash()) { apply(); } else { reveal(); } });
  $("more").addEventListener("click", function () { more(); });
  $("download").addEventListener("click", download);
  $("clear-decisions").addEventListener("click", function () { decisions = {}; saveDecisions(); apply(); });
  document.querySelectorAll("#legend input[data-kind]").forEach(function (cb) {
    cb.addEventListener("change", function () { document.body.classList.toggle("hide-" + cb.dataset.kind, !cb.checked); });
  });
  // Printing shows every release and every table.
  window.addEventListener("beforeprint", function () {
    renderAll();
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  window.releaseMiner = { renderAll: renderAll, highlight: highlight, decisions: function () { return decisions; } };

  // Overview and queue first; the first page of releases right after that frame is painted.
  fromHash();
  apply(true);
  performance.mark("rm-overview");
  saveDecisions();
  requestAnimationFrame(function () { setTimeout(function () {
    document.body.dataset.paintedMs = String(Math.round(performance.now()));
    more();
    reveal();
    document.body.dataset.ready = "1";
    requestAnimationFrame(function () { setTimeout(function () {
      document.body.dataset.releasesMs = String(Math.round(performance.now()));
    }, 0); });
  }, 0); });
})();
