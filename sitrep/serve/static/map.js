// The map page: filters (kept in the URL), an offline basemap with clustered incident markers,
// a brushable weekly timeline, and a paged table. Its JSON twin is /api/incidents?<same query>.
"use strict";
(function () {
  const S = SITREP;
  const MAP_PAGES = 4, MAP_PAGE = 500;  // the map shows at most the 2,000 deadliest matches
  let map, cluster, meta = null, tableCursor = null, fitted = false;
  const form = document.getElementById("filters");

  function radius(f) { return Math.round(Math.min(36, 10 + 4 * Math.sqrt(f || 0))); }

  function markerFor(row) {
    const loc = row.location || {};
    if (loc.latitude == null || loc.longitude == null) return null;
    const best = row.fatalities ? (row.fatalities.best != null ? row.fatalities.best : row.fatalities.low) : 0;
    const d = radius(best), color = S.TYPE_COLORS[row.event_type] || "#555";
    const icon = L.divIcon({
      className: "incident-marker", iconSize: [d, d],
      html: `<span data-id="${S.esc(row.id)}" data-fatalities="${best || 0}" style="background:${color}"></span>`,
    });
    const m = L.marker([loc.latitude, loc.longitude], { icon, title: `${row.event_type}: ${S.placeName(loc)}` });
    m.fatalities = best || 0;
    m.bindPopup(`<strong>${S.esc(row.sub_event_type || row.event_type)}</strong><br>${S.esc(S.placeName(loc))}<br>` +
      `${S.esc(row.event_date || "date unknown")} · fatalities ${S.esc(S.range(row.fatalities))}<br>` +
      `<a class="open-incident" href="/incidents/${encodeURIComponent(row.id)}">open incident →</a>`);
    return m;
  }

  function clusterIcon(c) {
    const kids = c.getAllChildMarkers();
    const fat = kids.reduce((a, m) => a + (m.fatalities || 0), 0);
    const d = Math.min(56, 24 + 4 * Math.sqrt(kids.length));
    return L.divIcon({ className: "incident-cluster", iconSize: [d, d],
      html: `<span title="${kids.length} incidents, ${fat} fatalities">${kids.length}</span>` });
  }

  async function initMap() {
    map = L.map("map", { minZoom: 1, maxZoom: 12, worldCopyJump: true, zoomSnap: 0.5 }).setView([25, 20], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth (public domain), world-atlas");
    cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, iconCreateFunction: clusterIcon });
    map.addLayer(cluster);
    try {
      const world = await (await fetch("/static/vendor/countries-110m.json")).json();
      const outlines = topojson.feature(world, world.objects.countries);
      outlines.features.forEach(f => { f.geometry = S.unwrapGeometry(f.geometry); });
      L.geoJSON(outlines, {
        interactive: false, style: { color: "#ffffff", weight: 0.7, fillColor: "#dcd8cc", fillOpacity: 1 },
      }).addTo(map).bringToBack();
      document.getElementById("map").dataset.basemap = "ready";
    } catch (e) { S.message("basemap failed to load: " + e.message); }
    map.on("moveend", () => {
      if (document.getElementById("use-bbox").checked) form.elements.bbox.value = bboxString();
    });
  }

  function bboxString() {
    const b = map.getBounds();
    const c = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
    return [c(b.getWest(), 180), c(b.getSouth(), 90), c(b.getEast(), 180), c(b.getNorth(), 90)].join(",");
  }

  function fillSelects() {
    const et = form.elements.event_type, st = form.elements.sub_event_type;
    for (const t of Object.keys(meta.event_types)) et.add(new Option(t, t));
    et.addEventListener("change", () => fillSubTypes(et.value));
    fillSubTypes("");
    const legend = document.getElementById("legend");
    legend.innerHTML = Object.entries(S.TYPE_COLORS).map(([t, c]) =>
      `<div><span class="swatch" style="background:${c}"></span>${S.esc(t)}</div>`).join("") +
      `<div class="hint">marker size: fatalities (best); numbers: grouped incidents</div>`;
  }
  function fillSubTypes(type) {
    const st = form.elements.sub_event_type, keep = st.value;
    while (st.options.length > 1) st.remove(1);
    const types = type ? [type] : Object.keys(meta.event_types);
    for (const t of types) for (const s of meta.event_types[t]) st.add(new Option(s, s));
    st.value = [...st.options].some(o => o.value === keep) ? keep : "";
  }

  function fillForm(f) {
    for (const k of S.FILTERS) if (form.elements[k]) form.elements[k].value = f[k] || "";
    fillSubTypes(f.event_type || "");
    form.elements.sub_event_type.value = f.sub_event_type || "";
    document.getElementById("use-bbox").checked = !!f.bbox;
  }
  function formFilters() {
    const out = {};
    for (const k of S.FILTERS) {
      const el = form.elements[k];
      if (el && el.value.trim() !== "") out[k] = el.value.trim();
    }
    if (document.getElementById("use-bbox").checked) out.bbox = bboxString(); else delete out.bbox;
    return out;
  }
  function go(filters) {
    const qs = S.query(filters);
    history.pushState(null, "", qs ? "/?" + qs : "/");
    load();
  }

  async function loadMarkers(f) {
    const markers = [];
    let cursor = null, total = 0;
    for (let i = 0; i < MAP_PAGES; i++) {
      const data = await S.api("/api/incidents?" + S.query(Object.assign({}, f, { sort: "-fatalities", limit: MAP_PAGE, cursor })));
      for (const row of data.incidents) { const m = markerFor(row); if (m) markers.push(m); }
      total += data.count;
      cursor = data.next_cursor;
      if (!cursor) break;
    }
    cluster.clearLayers();
    cluster.addLayers(markers);
    if (markers.length && !f.bbox) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 7 });
    }
    fitted = true;
    document.getElementById("map").dataset.markers = String(markers.length);
    return { shown: markers.length, more: !!cursor };
  }

  async function loadStats(f) {
    const [all, undated] = await Promise.all([
      S.api("/api/stats?" + S.query(f)),
      S.api("/api/stats?" + S.query(Object.assign({}, f, { since: "", until: "" }))),
    ]);
    drawTimeline(undated.by_week || [], f);
    return all;
  }

  function rowHTML(r) {
    const loc = r.location || {};
    return `<tr data-id="${S.esc(r.id)}"><td>${S.esc(r.event_date || "?")}</td>` +
      `<td><span class="swatch" style="background:${S.TYPE_COLORS[r.event_type] || "#555"}"></span>${S.esc(r.sub_event_type || r.event_type)}</td>` +
      `<td><a href="/incidents/${encodeURIComponent(r.id)}">${S.esc(loc.name || "unknown place")}</a></td>` +
      `<td>${S.esc(loc.country || "")}</td><td class="num">${S.esc(S.lbh(r.fatalities))}</td>` +
      `<td>${S.esc((r.sources || []).join("; "))}${r.reviewed ? ' <span class="badge">reviewed</span>' : ""}` +
      `${r.grade ? ` <span class="badge grade grade-${S.esc(r.grade.toLowerCase())}" title="confidence grade">${S.esc(r.grade)}</span>` : ""}</td></tr>`;
  }
  async function loadTable(f, append) {
    const sort = document.getElementById("table-sort").value;
    const data = await S.api("/api/incidents?" + S.query(Object.assign({}, f, { sort, limit: 50, cursor: append ? tableCursor : null })));
    const body = document.querySelector("#incidents-table tbody");
    body.innerHTML = (append ? body.innerHTML : "") + data.incidents.map(rowHTML).join("");
    tableCursor = data.next_cursor;
    document.getElementById("more").hidden = !tableCursor;
  }

  async function load() {
    const f = S.filtersFromURL();
    fillForm(f);
    const qs = S.query(f);
    document.getElementById("json-twin").href = "/api/incidents" + (qs ? "?" + qs : "");
    document.getElementById("json-twin-link").href = "/api/incidents" + (qs ? "?" + qs : "");
    document.getElementById("csv-download").href = "/api/export/incidents.csv" + (qs ? "?" + qs : "");
    document.getElementById("geojson-download").href = "/api/export/incidents.geojson" + (qs ? "?" + qs : "");
    document.getElementById("report-link").href = "/report" + (qs ? "?" + qs : "");
    S.message("");
    document.body.dataset.state = "loading";
    try {
      const [shown, stats] = await Promise.all([loadMarkers(f), loadStats(f), loadTable(f, false)]);
      document.getElementById("summary").innerHTML =
        `<strong>${S.n(stats.incidents)}</strong> incidents · <strong>${S.n(stats.fatalities)}</strong> fatalities (best)` +
        (shown.more ? `<br><span class="hint">map: the ${S.n(shown.shown)} deadliest</span>` : "");
    } catch (e) {
      S.message(e.message);
    } finally {
      document.body.dataset.state = "ready";
    }
  }

  // ---- timeline: bars = incidents per ISO week, line = fatalities; drag to set since/until ----
  const DAY = 86400000;
  function weekMonday(key) {
    const [y, w] = key.split("-W").map(Number);
    const jan4 = Date.UTC(y, 0, 4), dow = (new Date(jan4).getUTCDay() + 6) % 7;
    return jan4 - dow * DAY + (w - 1) * 7 * DAY;
  }
  const iso = t => new Date(t).toISOString().slice(0, 10);

  function drawTimeline(byWeek, f) {
    const svg = document.getElementById("timeline");
    const W = svg.clientWidth || 800, H = 120, pad = 24;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    if (!byWeek.length) { svg.innerHTML = `<text x="10" y="20" class="axis">no dated incidents</text>`; return; }
    const counts = new Map(byWeek.map(b => [weekMonday(b.week), b]));
    const keys = [...counts.keys()].sort((a, b) => a - b);
    const weeks = [];
    for (let t = keys[0] - 2 * 7 * DAY; t <= keys[keys.length - 1] + 2 * 7 * DAY; t += 7 * DAY) weeks.push(t);
    const maxI = Math.max(1, ...byWeek.map(b => b.incidents)), maxF = Math.max(1, ...byWeek.map(b => b.fatalities || 0));
    const bw = (W - 2 * pad) / weeks.length, x = i => pad + i * bw;
    let bars = "", line = "";
    weeks.forEach((t, i) => {
      const b = counts.get(t) || { incidents: 0, fatalities: 0 };
      const h = (H - 2 * pad) * b.incidents / maxI;
      bars += `<rect class="bar" x="${x(i) + 1}" y="${H - pad - h}" width="${Math.max(1, bw - 2)}" height="${h}"><title>week of ${iso(t)}: ${b.incidents} incidents, ${b.fatalities || 0} fatalities</title></rect>`;
      line += `${i ? "L" : "M"}${x(i) + bw / 2},${H - pad - (H - 2 * pad) * (b.fatalities || 0) / maxF}`;
    });
    let sel = "";
    if (f.since || f.until) {
      const s = f.since ? Date.parse(f.since) : weeks[0], u = f.until ? Date.parse(f.until) : weeks[weeks.length - 1] + 7 * DAY;
      const xs = pad + (s - weeks[0]) / (7 * DAY) * bw, xe = pad + (u - weeks[0] + DAY) / (7 * DAY) * bw;
      sel = `<rect class="selected" x="${Math.max(pad, xs)}" y="4" width="${Math.max(2, Math.min(W - pad, xe) - Math.max(pad, xs))}" height="${H - 8}"/>`;
    }
    svg.innerHTML = sel + bars + `<path class="fatal-line" d="${line}"/>` +
      `<text class="axis" x="${pad}" y="${H - 6}">${iso(weeks[0])}</text>` +
      `<text class="axis" x="${W - pad}" y="${H - 6}" text-anchor="end">${iso(weeks[weeks.length - 1] + 6 * DAY)}</text>` +
      `<text class="axis" x="${pad}" y="14">bars: incidents (max ${maxI}) · line: fatalities (max ${maxF})</text>` +
      `<rect class="brush" x="0" y="0" width="0" height="${H}" visibility="hidden"/>`;
    svg.dataset.weeks = String(weeks.length);
    svg._weeks = weeks; svg._bw = bw; svg._pad = pad;
  }

  function initBrush() {
    const svg = document.getElementById("timeline");
    let x0 = null;
    const px = e => { const r = svg.getBoundingClientRect(); return (e.clientX - r.left) * (svg.viewBox.baseVal.width / r.width); };
    svg.addEventListener("pointerdown", e => { if (!svg._weeks) return; x0 = px(e); svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", e => {
      if (x0 === null) return;
      const b = svg.querySelector(".brush"), x1 = px(e);
      b.setAttribute("x", Math.min(x0, x1)); b.setAttribute("width", Math.abs(x1 - x0)); b.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointerup", e => {
      if (x0 === null) return;
      const x1 = px(e), a = Math.min(x0, x1), b = Math.max(x0, x1);
      x0 = null;
      const weeks = svg._weeks, bw = svg._bw, pad = svg._pad;
      const i0 = Math.max(0, Math.floor((a - pad) / bw)), i1 = Math.min(weeks.length - 1, Math.floor((b - pad) / bw));
      if (i1 < i0) return;
      const f = formFilters();
      f.since = iso(weeks[i0]); f.until = iso(weeks[i1] + 6 * DAY);
      go(f);
    });
  }

  async function main() {
    await initMap();
    try { meta = await S.api("/api/meta"); fillSelects(); } catch (e) { S.message(e.message); }
    initBrush();
    form.addEventListener("submit", e => { e.preventDefault(); go(formFilters()); });
    document.getElementById("reset").addEventListener("click", () => { form.reset(); go({}); });
    document.getElementById("clear-dates").addEventListener("click", () => { const f = formFilters(); delete f.since; delete f.until; go(f); });
    document.getElementById("table-sort").addEventListener("change", () => loadTable(S.filtersFromURL(), false).catch(e => S.message(e.message)));
    document.getElementById("more").addEventListener("click", () => loadTable(S.filtersFromURL(), true).catch(e => S.message(e.message)));
    window.addEventListener("popstate", load);
    await load();
  }
  main();
})();
