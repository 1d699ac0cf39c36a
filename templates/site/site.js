/* The script of the website made by `ccnt site`: browse and search on search.html, in the
   browser, from the index files under search/ (see docs/site.md, "Search"). No library, no
   request to any other host; works from file:// because the index is loaded as scripts.
   The state of a search is in the address (#q=…&region=…), so that it can be shared.
   Data is put into the page as text (textContent), never as markup. */
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var SITE = root.getAttribute("data-site") || "";
  var BASE = root.getAttribute("data-base") || "";
  var LANG = root.getAttribute("data-lang") || "zh";
  var T = JSON.parse(document.getElementById("ccnt-strings").textContent);
  var PAGE_SIZE = 20;
  var FACETS = ["region", "sector", "level", "issuer", "type", "year", "added", "targets"];

  var meta = null;
  var shards = {};
  var docs = {};
  window.ccntSearch = {
    meta: function (m) { meta = m; },
    docs: function (k, rows) { docs[k] = rows; },
    grams: function (s, map) { shards[s] = map; }
  };

  // Loads search/<name>.js once; the promise settles when the script has run.
  var loading = {};
  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = SITE + "search/" + name + ".js";
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error(name)); };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- The state, kept in the address ------------------------------------------------------
  function emptyState() {
    return { q: "", sort: "published", page: 1, region: [], sector: [], level: [], issuer: [],
             type: [], year: [], added: [], targets: [] };
  }
  function parseState(text) {
    var state = emptyState();
    text.replace(/^[#?]/, "").split("&").forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf("=");
      var key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      var value = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, " "));
      if (key === "q") state.q = value;
      else if (key === "sort") state.sort = value;
      else if (key === "page") state.page = Math.max(1, parseInt(value, 10) || 1);
      else if (FACETS.indexOf(key) >= 0) state[key] = value ? value.split(",") : [];
    });
    return state;
  }
  function stateText(state) {
    var parts = [];
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    FACETS.forEach(function (f) {
      if (state[f].length) parts.push(f + "=" + state[f].map(encodeURIComponent).join(","));
    });
    if (state.sort !== "published") parts.push("sort=" + encodeURIComponent(state.sort));
    if (state.page > 1) parts.push("page=" + state.page);
    return parts.join("&");
  }

  var state = parseState(location.hash.length > 1 ? location.hash : location.search);
  var langSwitch = document.getElementById("lang-switch");
  var langTarget = langSwitch ? langSwitch.getAttribute("href").replace(/#.*$/, "") : "";

  function saveState() {
    var text = stateText(state);
    var target = text ? "#" + text : "";
    if (location.hash !== target && !(target === "" && location.hash === "")) {
      try {
        history.replaceState(null, "", location.pathname + target);
      } catch (e) {
        location.hash = text;
      }
    }
    if (langSwitch) langSwitch.setAttribute("href", langTarget + target);
  }

  // ---- Text, as the index cut it -----------------------------------------------------------
  function runs(text) {
    var normal = text.normalize("NFKC").replace(/[A-Z]/g, function (c) { return c.toLowerCase(); });
    return normal.split(/[^\p{L}\p{M}\p{N}]+/u).filter(function (r) { return r.length > 0; });
  }
  function isAscii(ch) { return ch.charCodeAt(0) < 128; }
  // The grams a term needs, or null when it is too short to look up (one ASCII letter).
  function termGrams(term) {
    var grams = [];
    var ok = false;
    runs(term).forEach(function (run) {
      var chars = Array.from(run);
      if (chars.length === 1) {
        if (!isAscii(chars[0])) { grams.push(chars[0]); ok = true; }
        return;
      }
      ok = true;
      for (var i = 0; i + 1 < chars.length; ++i) grams.push(chars[i] + chars[i + 1]);
    });
    return ok ? grams : null;
  }
  var encoder = new TextEncoder();
  function shardOf(gram) {
    var bytes = encoder.encode(gram);
    var h = 2166136261;
    for (var i = 0; i < bytes.length; ++i) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h % meta.shards;
  }
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function decodePostings(text, n) {
    var set = new Uint8Array(n);
    if (!text) return set;
    if (text.charAt(0) === "~") {
      for (var c = 1; c < text.length; ++c) {
        var bits = B64.indexOf(text.charAt(c));
        for (var b = 0; b < 6; ++b) if (bits & (1 << b)) { var i = (c - 1) * 6 + b; if (i < n) set[i] = 1; }
      }
      return set;
    }
    var at = 0;
    text.split(",").forEach(function (gap) { at += parseInt(gap, 36); set[at] = 1; });
    return set;
  }

  // ---- The index, once loaded --------------------------------------------------------------
  var n = 0, cols = null, ancestors = [], levelOf = {}, typeOf = {}, sectorsOf = {};
  function prepare() {
    n = meta.n;
    cols = meta.cols;
    meta.regions.forEach(function (r, j) {
      var chain = [];
      for (var k = j; k >= 0; k = meta.regions[k][3]) chain.push(k);
      ancestors.push(chain);
    });
    cols.s2.forEach(function (row) { sectorsOf[row[0]] = row.slice(1); });
    meta.levels.forEach(function (l, k) { levelOf[l] = k; });
    meta.types.forEach(function (t, k) { typeOf[t] = k; });
  }
  function regionIndex(slug) {
    for (var j = 0; j < meta.regions.length; ++j) if (meta.regions[j][0] === slug) return j;
    return -1;
  }
  // The regions a term names: a Chinese name, full name or alias, or (two letters or more) the
  // start of a region's pinyin.
  function regionsNamed(term) {
    var t = runs(term).join("");
    var found = [];
    if (!t) return found;
    var ascii = /^[a-z0-9]+$/.test(t);
    meta.regions.forEach(function (r, j) {
      var names = [r[1], r[4]].concat(r[5]);
      if (names.indexOf(t) >= 0 || (ascii && t.length >= 2 &&
          (r[0].replace(/-/g, "").indexOf(t) === 0 || r[2].replace(/-/g, "").indexOf(t) === 0)))
        found.push(j);
    });
    return found;
  }

  function facetValues(f, i) {
    switch (f) {
      case "region": return ancestors[cols.r[i]] || [];
      case "sector": return [cols.s[i]].concat(sectorsOf[i] || []);
      case "level": return [cols.l[i]];
      case "issuer": return cols.i[i];
      case "type": return [cols.t[i]];
      case "year": var y = Math.floor(cols.p[i] / 10000); return y ? [y] : [];
      case "added": return cols.a[i] >= 0 ? [cols.a[i]] : [];
      case "targets": return [cols.g[i] ? 1 : 0];
    }
    return [];
  }
  // The selected values of a facet as the numbers facetValues gives.
  function selectedKeys(f) {
    return state[f].map(function (v) {
      switch (f) {
        case "region": return regionIndex(v);
        case "sector": for (var k = 0; k < meta.sectors.length; ++k) if (meta.sectors[k][0] === v) return k; return -1;
        case "level": return v in levelOf ? levelOf[v] : -1;
        case "issuer": for (var m = 0; m < meta.issuers.length; ++m) if (meta.issuers[m][0] === v) return m; return -1;
        case "type": return v in typeOf ? typeOf[v] : -1;
        case "year": return parseInt(v, 10);
        case "added": return meta.months.indexOf(v);
        case "targets": return v === "yes" ? 1 : v === "no" ? 0 : -1;
      }
      return -1;
    });
  }

  // ---- Answering -----------------------------------------------------------------------------
  var answered = 0;
  function answer() {
    var started = performance.now();
    var ticket = ++answered;
    var terms = state.q.trim() ? state.q.trim().split(/\s+/) : [];
    var termInfo = terms.map(function (term) { return { term: term, grams: termGrams(term) }; });
    var needed = {};
    termInfo.forEach(function (t) {
      if (t.grams) t.grams.forEach(function (g) { needed[shardOf(g)] = true; });
    });
    var loads = Object.keys(needed).map(function (s) { return load("grams-" + s); });
    return Promise.all(loads).then(function () {
      if (ticket !== answered) return;
      // Each term: all its grams, or a region it names (with the regions within it).
      var textOk = null;
      var tooShort = false;
      termInfo.forEach(function (t) {
        if (!t.grams) { tooShort = true; return; }
        var set = null;
        t.grams.forEach(function (g) {
          var s = decodePostings((shards[shardOf(g)] || {})[g], n);
          if (!set) set = s; else for (var i = 0; i < n; ++i) set[i] &= s[i];
        });
        if (!set) set = new Uint8Array(n);
        var named = regionsNamed(t.term);
        if (named.length) {
          for (var i = 0; i < n; ++i) {
            if (set[i]) continue;
            var chain = ancestors[cols.r[i]] || [];
            for (var k = 0; k < chain.length; ++k) if (named.indexOf(chain[k]) >= 0) { set[i] = 1; break; }
          }
        }
        if (!textOk) textOk = set; else for (var m = 0; m < n; ++m) textOk[m] &= set[m];
      });
      // Facets: a policy passes a facet when one of its values is selected (or none is).
      var selected = FACETS.map(selectedKeys);
      var all = (1 << FACETS.length) - 1;
      var counts = FACETS.map(function () { return {}; });
      var matches = [];
      for (var i = 0; i < n; ++i) {
        if (textOk && !textOk[i]) continue;
        var mask = 0, values = [];
        for (var f = 0; f < FACETS.length; ++f) {
          var v = facetValues(FACETS[f], i);
          values.push(v);
          var sel = selected[f];
          if (!sel.length) { mask |= 1 << f; continue; }
          for (var k = 0; k < v.length; ++k) if (sel.indexOf(v[k]) >= 0) { mask |= 1 << f; break; }
        }
        if (mask === all) matches.push(i);
        for (var g = 0; g < FACETS.length; ++g) {
          if ((mask | (1 << g)) !== all) continue;
          var vs = values[g];
          for (var q = 0; q < vs.length; ++q) counts[g][vs[q]] = (counts[g][vs[q]] || 0) + 1;
        }
      }
      if (state.sort === "published-asc") {
        matches.sort(function (a, b) { return (cols.p[a] - cols.p[b]) || (b - a); });
      } else if (state.sort === "added") {
        matches.sort(function (a, b) {
          var x = cols.a[a] < 0 ? 1e9 : cols.a[a], y = cols.a[b] < 0 ? 1e9 : cols.a[b];
          return (x - y) || (a - b);
        });
      }
      return showResults(ticket, matches, counts, tooShort, started);
    });
  }

  var resultsList = document.getElementById("results");
  var countLine = document.getElementById("result-count");
  var pager = document.getElementById("pager");
  var facetsBox = document.getElementById("facets");
  var clearButton = document.getElementById("clear");

  function regionLabel(j) {
    var r = meta.regions[j];
    if (!r) return "";
    if (LANG !== "en") return r[0] === "national" ? r[1] : r[4];  // the nation: 全国
    var parts = [];
    for (var k = j; k >= 0; k = meta.regions[k][3]) {
      var name = meta.regions[k][2];
      parts.push(name.charAt(0).toUpperCase() + name.slice(1));
    }
    return parts.join(", ");
  }
  function sectorLabel(k) {
    var s = meta.sectors[k];
    return s ? (LANG === "en" ? s[2] : s[1]) : "";
  }
  function levelLabel(l) {
    var key = "level_" + l;
    return T[key] || l;
  }

  function showResults(ticket, matches, counts, tooShort, started) {
    var pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
    if (state.page > pages) state.page = pages;
    var first = (state.page - 1) * PAGE_SIZE;
    var shown = matches.slice(first, first + PAGE_SIZE);
    var chunks = {};
    shown.forEach(function (i) { chunks[Math.floor(i / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) { return load("docs-" + c); })).then(function () {
      if (ticket !== answered) return;
      renderFacets(counts);
      countLine.textContent = (tooShort ? T.search_short + " " : "") +
        (matches.length ? fill(T.search_count, { count: matches.length }) : T.search_none);
      resultsList.textContent = "";
      resultsList.setAttribute("start", String(first + 1));
      shown.forEach(function (i) {
        var row = docs[Math.floor(i / meta.chunk)][i % meta.chunk];
        var li = el("li");
        var link = el("a", { href: BASE + "policies/" + row[0] + ".html" }, row[1]);
        li.appendChild(link);
        var bits = [regionLabel(cols.r[i]), sectorLabel(cols.s[i])];
        if (row[3]) bits.push(row[3]);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "meta" }, bits.filter(Boolean).join(" · ")));
        if (LANG === "en" && row[2]) li.appendChild(el("span", { "class": "excerpt", lang: "en" }, row[2]));
        if (row[4]) li.appendChild(el("span", { "class": "excerpt", lang: "zh-CN" }, row[4]));
        resultsList.appendChild(li);
      });
      renderPager(pages);
      clearButton.hidden = !stateText(state) || stateText(state).indexOf("sort=") === 0;
      root.setAttribute("data-answered", stateText(state));
      root.setAttribute("data-ms", String(Math.round(performance.now() - started)));
    });
  }

  function renderPager(pages) {
    pager.textContent = "";
    pager.hidden = pages <= 1;
    if (pages <= 1) return;
    var ul = el("ul");
    function add(label, page, rel) {
      var li = el("li");
      var button = el("button", { type: "button", "data-page": String(page), rel: rel }, label);
      button.addEventListener("click", function () { state.page = page; update(); window.scrollTo(0, 0); });
      li.appendChild(button);
      ul.appendChild(li);
    }
    if (state.page > 1) add(T.page_prev, state.page - 1, "prev");
    ul.appendChild(el("li", null, fill(T.page_of, { page: state.page, pages: pages })));
    if (state.page < pages) add(T.page_next, state.page + 1, "next");
    pager.appendChild(ul);
  }

  // ---- Facets --------------------------------------------------------------------------------
  function toggle(facet, value, on) {
    var list = state[facet];
    var at = list.indexOf(value);
    if (on && at < 0) list.push(value);
    if (!on && at >= 0) list.splice(at, 1);
    state.page = 1;
    update();
  }
  function checkbox(fieldset, facet, value, label, count, child) {
    var id = "f-" + facet + "-" + String(value).replace(/[^A-Za-z0-9_-]/g, function (c) { return "_" + c.charCodeAt(0).toString(16); });
    var wrap = el("label", { "class": "facet-option" + (child ? " child" : ""), "for": id });
    var box = el("input", { type: "checkbox", id: id, value: String(value) });
    box.checked = state[facet].indexOf(String(value)) >= 0;
    box.addEventListener("change", function () { toggle(facet, String(value), box.checked); });
    wrap.appendChild(box);
    wrap.appendChild(el("span", null, label));
    wrap.appendChild(el("span", { "class": "count" }, String(count || 0)));
    fieldset.appendChild(wrap);
  }
  function fieldset(title) {
    var set = el("fieldset");
    set.appendChild(el("legend", null, title));
    facetsBox.appendChild(set);
    return set;
  }
  // Values by count, the selected ones always shown.
  function topValues(countMap, selected, keyToValue, limit) {
    var keys = Object.keys(countMap).map(Number).sort(function (a, b) { return countMap[b] - countMap[a] || a - b; });
    var shown = keys.slice(0, limit);
    selected.forEach(function (k) { if (k >= 0 && shown.indexOf(k) < 0) shown.push(k); });
    return shown;
  }

  function renderFacets(counts) {
    var focused = document.activeElement && document.activeElement.id;
    facetsBox.textContent = "";
    var c = {};
    FACETS.forEach(function (f, k) { c[f] = counts[k]; });
    var selRegions = selectedKeys("region");

    var regions = fieldset(T.facet_region);
    meta.regions.forEach(function (r, j) {
      if (r[3] >= 0) return;
      if (!c.region[j] && selRegions.indexOf(j) < 0) return;
      checkbox(regions, "region", r[0], LANG === "en" ? regionLabel(j) : r[1], c.region[j]);
      // The regions within a selected one.
      if (selRegions.indexOf(j) < 0 && !meta.regions.some(function (x, m) { return selRegions.indexOf(m) >= 0 && ancestors[m].indexOf(j) >= 0; })) return;
      meta.regions.forEach(function (child, m) {
        if (child[3] !== j) return;
        if (!c.region[m] && selRegions.indexOf(m) < 0) return;
        checkbox(regions, "region", child[0], LANG === "en" ? regionLabel(m).split(", ")[0] : child[1], c.region[m], true);
      });
    });

    var sectors = fieldset(T.facet_sector);
    meta.sectors.forEach(function (s, k) {
      if (!c.sector[k] && state.sector.indexOf(s[0]) < 0) return;
      checkbox(sectors, "sector", s[0], sectorLabel(k), c.sector[k]);
    });

    var levels = fieldset(T.facet_level);
    meta.levels.forEach(function (l, k) {
      if (!c.level[k] && state.level.indexOf(l) < 0) return;
      checkbox(levels, "level", l, levelLabel(l), c.level[k]);
    });

    var targets = fieldset(T.facet_targets);
    checkbox(targets, "targets", "yes", T.facet_has_targets, c.targets[1]);
    checkbox(targets, "targets", "no", T.facet_no_targets, c.targets[0]);

    var years = fieldset(T.facet_year);
    Object.keys(c.year).map(Number).sort(function (a, b) { return b - a; }).forEach(function (y) {
      checkbox(years, "year", String(y), String(y), c.year[y]);
    });
    state.year.forEach(function (y) { if (!c.year[y]) checkbox(years, "year", y, y, 0); });

    var types = fieldset(T.facet_doc_type);
    topValues(c.type, selectedKeys("type"), null, 12).forEach(function (k) {
      checkbox(types, "type", meta.types[k], meta.types[k], c.type[k]);
    });

    var issuers = fieldset(T.facet_issuer);
    topValues(c.issuer, selectedKeys("issuer"), null, 12).forEach(function (k) {
      checkbox(issuers, "issuer", meta.issuers[k][0], meta.issuers[k][1], c.issuer[k]);
    });

    var added = fieldset(T.facet_added);
    var select = el("select", { id: "f-added", "aria-label": T.facet_added });
    select.appendChild(el("option", { value: "" }, T.facet_any));
    meta.months.forEach(function (m, k) {
      if (!c.added[k] && state.added.indexOf(m) < 0) return;
      var option = el("option", { value: m }, m + " (" + (c.added[k] || 0) + ")");
      if (state.added.indexOf(m) >= 0) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { state.added = select.value ? [select.value] : []; state.page = 1; update(); });
    added.appendChild(select);

    // A facet with no value to offer is left out.
    Array.prototype.slice.call(facetsBox.querySelectorAll("fieldset")).forEach(function (set) {
      if (set.children.length <= 1) facetsBox.removeChild(set);
    });
    if (focused) {
      var again = document.getElementById(focused);
      if (again) again.focus();
    }
  }

  // ---- Wiring --------------------------------------------------------------------------------
  var input = document.getElementById("q");
  var sort = document.getElementById("sort");
  var form = document.getElementById("search-form");
  var composing = false;
  var timer = 0;
  function update() {
    saveState();
    return answer();
  }
  input.value = state.q;
  sort.value = state.sort;
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; schedule(); });
  input.addEventListener("input", function () { if (!composing) schedule(); });
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = input.value; state.page = 1; update(); }, 80);
  }
  sort.addEventListener("change", function () { state.sort = sort.value; state.page = 1; update(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    state.page = 1;
    update();
  });
  clearButton.addEventListener("click", function () {
    state = emptyState();
    input.value = "";
    sort.value = "published";
    update();
  });
  window.addEventListener("hashchange", function () {
    var next = parseState(location.hash);
    if (stateText(next) === stateText(state)) return;
    state = next;
    input.value = state.q;
    sort.value = state.sort;
    answer();
  });

  // On a phone the results come first and the filters fold away.
  var facetsFold = document.getElementById("facets-box");
  if (facetsFold && window.matchMedia && window.matchMedia("(max-width: 48rem)").matches)
    facetsFold.removeAttribute("open");
  countLine.textContent = T.search_loading;
  load("meta").then(function () {
    if (!meta || meta.v !== 1) throw new Error("index version");
    prepare();
    return update();
  }).catch(function (error) {
    countLine.textContent = T.search_none + " (" + error.message + ")";
  });
})();
