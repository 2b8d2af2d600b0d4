// pooltags dashboard: polls api/tags, renders a sortable, filterable table, charts the selected row.
// Plain DOM and SVG; nothing is loaded from the network beyond this server.
(function () {
  "use strict";
  const MAX_ROWS = 1000;
  const SEVERITY_RANK = { HIGH: 4, MEDIUM: 3, LOW: 2, NONE: 1 };
  const state = { data: null, sortKey: "bytes", sortDir: -1, filter: "", selected: null, timer: null };
  const $ = (id) => document.getElementById(id);

  function fmtBytes(n) {
    if (n === undefined || n === null) return "";
    const neg = n < 0; let v = Math.abs(n); const units = ["B", "KiB", "MiB", "GiB", "TiB"]; let i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    const s = (i === 0 ? String(v) : v.toFixed(v < 10 ? 2 : 1)) + " " + units[i];
    return (neg ? "−" : "") + s;
  }
  function fmtSigned(n) { return n === undefined ? "" : (n > 0 ? "+" : "") + fmtBytes(n); }
  function fmtInt(n) { return n === undefined ? "" : n.toLocaleString("en-US"); }

  // PoolMon-style pattern (* and ?) on the tag, otherwise a case-insensitive substring of tag, pool or owner.
  function matcher(text) {
    if (!text) return () => true;
    if (/[*?]/.test(text)) {
      const re = new RegExp("^" + text.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
      return (r) => re.test(r.tag) || re.test(r.tag.replace(/ +$/, ""));
    }
    const t = text.toLowerCase();
    return (r) => (r.tag + "\u0000" + r.pool + "\u0000" + r.owner).toLowerCase().includes(t);
  }

  function sortValue(r, key) {
    // pooltags' own verdicts sort by evidence times size (as pooltags leaks ranks), others by severity
    if (key === "verdict") return r.verdict ? (r.verdict.rank !== undefined ? r.verdict.rank : 0) +
      (SEVERITY_RANK[r.verdict.severity] || 0) * 1e-6 : -1;
    const v = r[key];
    return v === undefined ? -Infinity : v;
  }

  function render() {
    const d = state.data; if (!d) return;
    const st = $("status");
    st.textContent = d.source + (d.host ? " on " + d.host : "") + " · sample " + d.time + " · " + fmtInt(d.samples) +
      " samples" + (d.sampleErrors ? " · " + d.sampleErrors + " failed" : "") + (d.exhausted ? " · source ended" : "");
    st.className = d.exhausted ? "ended" : "";
    $("verdict-header").textContent = "Verdict";
    $("verdict-header").title = d.verdictTitle;
    $("verdict-note").textContent = d.verdictsAvailable
      ? "Verdicts: " + d.verdictTitle + "."
      : "Leak verdicts: " + d.verdictTitle + ". The Δ columns are measurements over the " + d.historySamples +
        " samples held (" + Math.round(d.historySeconds) + " s of sample time), not verdicts.";
    const match = matcher(state.filter);
    const rows = d.rows.filter(match);
    const key = state.sortKey, dir = state.sortDir;
    rows.sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      // strings in code-unit order: case-sensitive, as PoolMon sorts tags
      let c = x < y ? -1 : x > y ? 1 : 0;
      if (c === 0) c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return c * dir;
    });
    const shown = rows.slice(0, MAX_ROWS);
    $("count").textContent = rows.length === d.rows.length
      ? fmtInt(d.rows.length) + " rows" + (shown.length < rows.length ? " (first " + MAX_ROWS + " shown)" : "")
      : fmtInt(rows.length) + " of " + fmtInt(d.rows.length) + " rows" + (shown.length < rows.length ? " (first " + MAX_ROWS + " shown)" : "");
    const body = document.createDocumentFragment();
    for (const r of shown) {
      const tr = document.createElement("tr");
      tr.dataset.id = r.id;
      if (!r.exported) tr.className = "unexported";
      if (r.id === state.selected) tr.classList.add("selected");
      cell(tr, r.tag, "tag", r.exported ? "" : "not exported to /metrics (cardinality limit); counted in the pool totals");
      cell(tr, r.pool); cell(tr, r.owner);
      cell(tr, fmtBytes(r.bytes), "num", fmtInt(r.bytes) + " bytes");
      cell(tr, fmtInt(r.outstanding), "num"); cell(tr, fmtInt(r.allocs), "num"); cell(tr, fmtInt(r.frees), "num");
      const g = cell(tr, fmtSigned(r.growthBytes), "num", r.growthSeconds ? "over " + Math.round(r.growthSeconds) + " s" : "");
      if (r.growthBytes > 0) g.classList.add("grow"); else if (r.growthBytes < 0) g.classList.add("shrink");
      cell(tr, r.growthPerHour === undefined ? "" : fmtSigned(r.growthPerHour) + "/h", "num");
      const v = document.createElement("td");
      if (r.verdict) {
        const s = document.createElement("span");
        s.className = "sev-" + r.verdict.severity; s.textContent = r.verdict.label; s.title = r.verdict.detail;
        v.appendChild(s);
      } else { v.textContent = d.verdictsAvailable ? "" : "n/a"; v.className = "na"; }
      tr.appendChild(v);
      body.appendChild(tr);
    }
    const tbody = document.querySelector("#tags tbody");
    tbody.replaceChildren(body);
    for (const th of document.querySelectorAll("#tags th")) {
      th.classList.remove("sorted-asc", "sorted-desc");
      if (th.dataset.key === key) th.classList.add(dir > 0 ? "sorted-asc" : "sorted-desc");
    }
  }

  function cell(tr, text, cls, title) {
    const td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "" : text;
    if (cls) td.className = cls;
    if (title) td.title = title;
    tr.appendChild(td);
    return td;
  }

  function svg(name, attrs, text) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function drawChart(h) {
    const chart = $("chart");
    const W = 800, H = 240, L = 80, R = 10, T = 10, B = 30;
    const pts = [];
    for (let i = 0; i < h.times.length; i++) if (h.bytes[i] !== null) pts.push([h.times[i], h.bytes[i]]);
    const nodes = [];
    $("chart-panel").hidden = false;
    $("chart-title").textContent = h.tag + " (" + h.pool + (h.owner ? ", " + h.owner : "") + ")";
    if (pts.length === 0) { chart.replaceChildren(); $("chart-caption").textContent = "no samples held"; return; }
    let t0 = pts[0][0], t1 = pts[pts.length - 1][0]; if (t1 === t0) t1 = t0 + 1;
    let lo = Math.min(...pts.map((p) => p[1])), hi = Math.max(...pts.map((p) => p[1]));
    if (hi === lo) { hi = lo + 1; }
    const x = (t) => L + (t - t0) / (t1 - t0) * (W - L - R);
    const y = (b) => T + (1 - (b - lo) / (hi - lo)) * (H - T - B);
    nodes.push(svg("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }));
    nodes.push(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }));
    nodes.push(svg("text", { x: L - 6, y: T + 10, "text-anchor": "end" }, fmtBytes(hi)));
    nodes.push(svg("text", { x: L - 6, y: H - B, "text-anchor": "end" }, fmtBytes(lo)));
    nodes.push(svg("text", { x: L, y: H - 8 }, new Date(t0).toISOString().replace(".000Z", "Z")));
    nodes.push(svg("text", { x: W - R, y: H - 8, "text-anchor": "end" }, new Date(t1).toISOString().replace(".000Z", "Z")));
    nodes.push(svg("polyline", { class: "line", points: pts.map((p) => x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1)).join(" ") }));
    chart.replaceChildren(...nodes);
    $("chart-caption").textContent = pts.length + " samples; bytes outstanding from " + fmtBytes(pts[0][1]) +
      " to " + fmtBytes(pts[pts.length - 1][1]) + " (" + fmtSigned(pts[pts.length - 1][1] - pts[0][1]) + ")";
  }

  async function fetchJson(url) {
    const r = await fetch(url, { cache: "no-store", credentials: "same-origin" });
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return r.json();
  }

  async function refresh() {
    try {
      state.data = await fetchJson("api/tags");
      render();
      if (state.selected) drawChart(await fetchJson("api/history?id=" + encodeURIComponent(state.selected)));
    } catch (e) {
      $("status").textContent = "cannot reach the server: " + e.message;
    }
    const every = state.data ? Math.max(1, state.data.intervalSeconds) : 5;
    state.timer = setTimeout(refresh, every * 1000);
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const th of document.querySelectorAll("#tags th")) {
      th.addEventListener("click", () => {
        const k = th.dataset.key;
        if (state.sortKey === k) state.sortDir = -state.sortDir;
        else { state.sortKey = k; state.sortDir = ["tag", "pool", "owner"].includes(k) ? 1 : -1; }
        render();
      });
    }
    $("filter").addEventListener("input", (e) => { state.filter = e.target.value.trim(); render(); });
    document.querySelector("#tags tbody").addEventListener("click", async (e) => {
      const tr = e.target.closest("tr"); if (!tr) return;
      state.selected = tr.dataset.id;
      render();
      try { drawChart(await fetchJson("api/history?id=" + encodeURIComponent(state.selected))); }
      catch (err) { $("chart-caption").textContent = err.message; }
    });
    refresh();
  });
})();
