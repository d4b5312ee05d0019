// Shared helpers for sitrep's pages: API calls with the review token, messages, formatting.
"use strict";
const SITREP = (function () {
  const TYPE_COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const FILTERS = ["since", "until", "country", "admin1", "admin2", "event_type", "sub_event_type", "actor", "grades",
    "min_fatalities", "q", "bbox"];

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  function token() { return sessionStorage.getItem("sitrep.token") || ""; }
  function initToken() {
    const input = document.getElementById("token");
    if (!input) return;
    input.value = token();
    input.addEventListener("change", () => sessionStorage.setItem("sitrep.token", input.value.trim()));
    input.addEventListener("input", () => sessionStorage.setItem("sitrep.token", input.value.trim()));
  }
  function message(text, kind) {
    const box = document.getElementById("messages");
    if (!box) return;
    box.textContent = text || "";
    box.className = text ? (kind || "error") : "";
  }
  // fetch JSON; on error, throw the API's one error shape's message
  async function api(url, opts) {
    opts = opts || {};
    const headers = Object.assign({ "Accept": "application/json" }, opts.headers || {});
    if (token()) headers["Authorization"] = "Bearer " + token();
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(url, { method: opts.method || "GET", headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const err = new Error((data && data.error && data.error.message) || (res.status + " " + res.statusText));
      err.status = res.status; err.body = data;
      throw err;
    }
    return data;
  }
  function n(v) { return v == null ? "?" : Number(v).toLocaleString("en"); }
  // "25–57" when low and high differ, "83" when they agree, "?" when unknown
  function range(r) {
    if (!r || (r.low == null && r.high == null && r.best == null)) return "?";
    const lo = r.low != null ? r.low : r.best, hi = r.high != null ? r.high : r.best;
    return lo === hi ? n(lo) : n(lo) + "–" + n(hi);
  }
  function lbh(r) { r = r || {}; return n(r.low) + " – " + n(r.best) + " – " + n(r.high); }
  function placeName(loc) {
    if (!loc) return "unknown place";
    return [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country].filter(Boolean).join(", ");
  }
  function filtersFromURL() {
    const p = new URLSearchParams(location.search), out = {};
    for (const k of FILTERS) if (p.get(k)) out[k] = p.get(k);
    return out;
  }
  function query(obj) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
    return p.toString();
  }
  document.addEventListener("DOMContentLoaded", initToken);
  // A ring that crosses the antimeridian (Russia, Fiji) jumps from +180 to -180 between two points,
  // and Leaflet draws that jump as a line across the whole map: carry each point on by +-360 so
  // the ring stays continuous (Chukotka is drawn at 190 E, next to the rest of Russia). A ring
  // around a pole (Antarctica) does not come back to where it started once unwrapped: it is kept.
  function unwrapRing(ring) {
    const out = [];
    let shift = 0;
    ring.forEach((pt, i) => {
      if (i > 0) {
        const d = pt[0] + shift - out[i - 1][0];
        if (d > 180) shift -= 360;
        else if (d < -180) shift += 360;
      }
      out.push([pt[0] + shift, pt[1]]);
    });
    return shift === 0 ? out : ring;
  }
  function unwrapGeometry(g) {
    if (!g) return g;
    if (g.type === "Polygon") return { type: g.type, coordinates: g.coordinates.map(unwrapRing) };
    if (g.type === "MultiPolygon") return { type: g.type, coordinates: g.coordinates.map(p => p.map(unwrapRing)) };
    return g;
  }

  // The toll chart's columns: one per report (its date and outlet), so that the several figures one
  // article gives (a monitor's count, the ministry's) stand in one column and are not drawn as a
  // revision over time; the line joins each report's highest killed figure.
  function revisionColumns(revs) {
    const keys = [];
    const col = revs.map(r => {
      const k = `${r.reported || "?"}|${r.article_id || r.outlet || ""}`;
      if (!keys.includes(k)) keys.push(k);
      return keys.indexOf(k);
    });
    return { n: keys.length, col };
  }

  return { TYPE_COLORS, FILTERS, esc, api, message, n, range, lbh, placeName, filtersFromURL, query, token,
           unwrapRing, unwrapGeometry, revisionColumns };
})();
