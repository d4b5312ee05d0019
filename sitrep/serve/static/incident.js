// The incident page: low–best–high, claims with sources, quotes highlighted in the article text,
// the toll's revision history, merged reports, and review actions. JSON twin: /api/incidents/{id}.
"use strict";
(function () {
  const S = SITREP;
  let id = decodeURIComponent(location.pathname.replace(/\/+$/, "").split("/").pop());
  let incident = null;
  const $ = sel => document.querySelector(sel);
  const KIND_COLORS = { killed: "#b03a2e", injured: "#e67e22" };

  function figureHTML(r, prefix) {
    r = r || {};
    if (r.low == null && r.best == null && r.high == null) return `<div class="range" id="${prefix}-range">unknown</div>`;
    return `<div class="range" id="${prefix}-range">${S.esc(S.range(r))}</div>` +
      `<div class="lbh-row"><span>low <b id="${prefix}-low">${S.n(r.low)}</b></span>` +
      `<span>best <b id="${prefix}-best">${S.n(r.best)}</b></span><span>high <b id="${prefix}-high">${S.n(r.high)}</b></span></div>`;
  }
  function figure(c) {
    const q = c.qualifier ? c.qualifier + " " : "";
    return q + S.n(c.min) + (c.max != null && c.max !== c.min ? "–" + S.n(c.max) : "");
  }
  function status(c) {
    if (c.credible === false) return `<span class="status bad">not credible</span>`;
    if (c.credible === true) return `<span class="status ok">credible (reviewed)</span>`;
    return `<span class="status">unreviewed</span>`;
  }

  function render(inc) {
    const loc = inc.location || {};
    document.title = `sitrep — ${inc.sub_event_type || inc.event_type} in ${loc.name || "unknown place"}`;
    $("#title").textContent = `${inc.sub_event_type || inc.event_type} in ${loc.name || "an unknown place"}`;
    $("#where-when").innerHTML = `${S.esc(inc.event_type)} · ${S.esc(inc.event_date || "date unknown")}` +
      ` · ${S.esc(S.placeName(loc))}` + (loc.latitude != null ? ` (${loc.latitude.toFixed(3)}, ${loc.longitude.toFixed(3)})` : "") +
      ` · ${S.n(inc.n_reports)} report(s), ${S.n(inc.n_sources)} independent source(s)` +
      (inc.grade ? ` · <span class="badge grade grade-${S.esc(inc.grade.toLowerCase())}" id="grade" title="confidence grade (Airwars' scale)">${S.esc(inc.grade)}</span>` : "") +
      ((inc.review && inc.review.reviewed) || inc.reviewed === true ? ` · <span class="badge">reviewed</span>` : "") +
      ` · <a href="/?country=${encodeURIComponent(loc.country_code || loc.country || "")}">more in ${S.esc(loc.country || "this country")}</a>`;
    $("#fatalities").innerHTML = figureHTML(inc.fatalities, "fatalities") +
      (inc.toll_may_rise ? `<div class="hint" id="toll-may-rise">the toll may rise</div>` : "");
    $("#injuries").innerHTML = figureHTML(inc.injuries, "injuries");
    $("#actors").innerHTML = (inc.actors || []).map(a =>
      `<li class="actor role-${S.esc(a.role)}"><b>${S.esc(a.name)}</b> — ${S.esc(a.role)}` +
      (a.claimed_responsibility ? ` · <span class="status">claimed responsibility</span>` : "") +
      (a.claim_status ? ` · <span class="claim-status">${S.esc(a.claim_status)}</span>` : "") + `</li>`).join("") || "<li>none recorded</li>";
    $("#claims tbody").innerHTML = (inc.claims || []).map(c => {
      const art = c.article || {};
      return `<tr data-claim="${S.esc(c.id)}" class="${c.credible === false ? "not-credible" : ""}">` +
        `<td><input type="checkbox" class="split-pick" value="${S.esc(c.id)}" aria-label="pick claim for split"></td>` +
        `<td>${S.esc(c.kind)}</td><td class="num">${S.esc(figure(c))}</td>` +
        `<td class="source">${S.esc(c.source || "unattributed")}</td>` +
        `<td><a class="quote-link" href="#q-${S.esc(c.id)}">“${S.esc(c.quote)}”</a></td><td>${status(c)}</td>` +
        `<td>${S.esc(art.outlet || "")} ${S.esc(art.published || "")}${art.copy_of ? ' <span class="badge">copy</span>' : ""}</td>` +
        `<td class="review-only"><button type="button" class="mark-claim" data-claim="${S.esc(c.id)}" data-credible="${c.credible === false}">` +
        `${c.credible === false ? "mark credible" : "mark not credible"}</button></td></tr>`;
    }).join("");
    $("#reports").innerHTML = (inc.reports || []).map(r =>
      `<li>${S.esc(r.published || "")} · ${S.esc(r.outlet || "")} · ${S.esc(r.title || r.article_id)}` +
      `${r.independent === false ? ' <span class="badge">copy, not counted</span>' : ""}</li>`).join("") || "<li>one report</li>";
    drawRevisions(inc.revisions || [], inc.fatalities || {});
  }

  // wrap each claim's quote (by its offsets; by search when the offsets do not match) in <mark>
  function highlight(text, claims) {
    const spans = [];
    for (const c of claims) {
      let s = c.start, e = c.end;
      if (s == null || text.slice(s, e) !== c.quote) { s = text.indexOf(c.quote); e = s + (c.quote || "").length; }
      if (s >= 0 && e > s) spans.push([s, e, c.id]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [s, e, cid] of spans) {
      const last = merged[merged.length - 1];
      if (last && s < last[1]) { last[1] = Math.max(last[1], e); last[2].push(cid); } else merged.push([s, e, [cid]]);
    }
    let out = "", at = 0;
    for (const [s, e, ids] of merged) {
      out += S.esc(text.slice(at, s)) + ids.slice(1).map(i => `<a id="q-${S.esc(i)}"></a>`).join("") +
        `<mark class="quote" id="q-${S.esc(ids[0])}" data-claims="${S.esc(ids.join(" "))}">${S.esc(text.slice(s, e))}</mark>`;
      at = e;
    }
    return out + S.esc(text.slice(at));
  }

  async function loadArticles(inc) {
    const byArticle = new Map();
    for (const c of inc.claims || []) {
      const aid = (c.article || {}).id;
      if (aid) { if (!byArticle.has(aid)) byArticle.set(aid, []); byArticle.get(aid).push(c); }
    }
    for (const r of inc.reports || []) if (r.article_id && !byArticle.has(r.article_id)) byArticle.set(r.article_id, []);
    const parts = await Promise.all([...byArticle.entries()].map(async ([aid, claims]) => {
      try {
        const a = await S.api("/api/articles/" + encodeURIComponent(aid));
        return `<div class="article" data-article="${S.esc(aid)}"><h3>${S.esc(a.title || aid)}</h3>` +
          `<p class="meta">${S.esc(a.outlet || "")} · ${S.esc(a.published || "")}` +
          (a.url ? ` · <a href="${S.esc(a.url)}" rel="noreferrer noopener">original</a>` : "") +
          (a.copy_of ? ` · copy of ${S.esc(a.copy_of)}` : "") + `</p>` +
          `<div class="article-text">${highlight(a.text || "", claims)}</div></div>`;
      } catch (e) { return `<p class="error">article ${S.esc(aid)}: ${S.esc(e.message)}</p>`; }
    }));
    $("#articles").innerHTML = parts.join("") || "<p>no article text stored</p>";
  }

  function drawRevisions(revs, fat) {
    const svg = $("#revisions");
    const W = svg.clientWidth || 700, H = 180, padL = 40, padB = 36, padT = 12;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    if (!revs.length) { svg.innerHTML = `<text class="axis" x="10" y="20">no figures reported</text>`; return; }
    const maxV = Math.max(1, fat.high || 0, ...revs.map(r => Math.max(r.min || 0, r.max || 0)));
    const y = v => H - padB - (H - padB - padT) * v / maxV;
    const cols = S.revisionColumns(revs);
    const step = (W - padL - 20) / cols.n, x = i => padL + step * (cols.col[i] + 0.5);
    let g = "";
    if (fat.low != null && fat.high != null) {
      g += `<rect class="band" x="${padL}" y="${y(fat.high)}" width="${W - padL - 20}" height="${Math.max(1, y(fat.low) - y(fat.high))}"><title>merged fatalities ${fat.low}–${fat.high}</title></rect>`;
    }
    if (fat.best != null) g += `<line class="best" x1="${padL}" x2="${W - 20}" y1="${y(fat.best)}" y2="${y(fat.best)}"/><text class="axis" x="${W - 22}" y="${y(fat.best) - 3}" text-anchor="end">best ${fat.best}</text>`;
    const killedTop = {};  // column -> the revision index of its highest killed figure
    revs.forEach((r, i) => {
      if (r.kind === "killed" && (killedTop[cols.col[i]] === undefined || r.min > revs[killedTop[cols.col[i]]].min)) killedTop[cols.col[i]] = i;
    });
    let killedPath = "";
    Object.keys(killedTop).map(Number).sort((a, b) => a - b).forEach(c => {
      const i = killedTop[c];
      killedPath += `${killedPath ? "L" : "M"}${x(i)},${y(revs[i].min)}`;
    });
    revs.forEach((r, i) => {
      const color = KIND_COLORS[r.kind] || "#777", hi = r.max != null ? r.max : r.min;
      g += `<g class="revision" data-kind="${S.esc(r.kind)}"><title>${S.esc(r.reported || "?")} ${S.esc(r.outlet || "")}: ${S.esc(r.kind)} ${S.esc((r.qualifier ? r.qualifier + " " : "") + r.min + (r.max != null && r.max !== r.min ? "–" + r.max : ""))}\n“${S.esc(r.quote || "")}”</title>` +
        (hi !== r.min ? `<line x1="${x(i)}" x2="${x(i)}" y1="${y(r.min)}" y2="${y(hi)}" stroke="${color}" stroke-width="3"/>` : "") +
        `<circle cx="${x(i)}" cy="${y(r.min)}" r="5" fill="${color}"/><text class="axis" x="${x(i) + 7}" y="${y(hi) + 4}">${S.esc(r.min)}</text>` +
        (cols.col.indexOf(cols.col[i]) === i ?
          `<text class="axis" x="${x(i)}" y="${H - padB + 14}" text-anchor="middle">${S.esc(r.reported || "?")}</text>` +
          `<text class="axis small" x="${x(i)}" y="${H - padB + 26}" text-anchor="middle">${S.esc((r.outlet || "").slice(0, 18))}</text>` : "") + `</g>`;
    });
    svg.innerHTML = `<line class="axisline" x1="${padL}" x2="${padL}" y1="${padT}" y2="${H - padB}"/>` +
      `<text class="axis" x="${padL - 4}" y="${y(maxV) + 4}" text-anchor="end">${maxV}</text>` +
      `<text class="axis" x="${padL - 4}" y="${y(0)}" text-anchor="end">0</text>` + g +
      (killedPath ? `<path class="killed-line" d="${killedPath}"/>` : "");
  }

  async function loadAudit() {
    try {
      const data = await S.api("/api/audit?incident_id=" + encodeURIComponent(id));
      $("#audit tbody").innerHTML = data.audit.map(a =>
        `<tr data-audit="${S.esc(a.id)}"><td>${S.esc(a.at)}</td><td>${S.esc(a.user)}</td><td class="action">${S.esc(a.action)}</td>` +
        `<td><code>${S.esc(JSON.stringify(a.before))}</code></td><td><code>${S.esc(JSON.stringify(a.after))}</code></td>` +
        `<td>${a.undone_by ? "undone" : (a.action === "undo" ? "" : `<button type="button" class="undo" data-audit="${S.esc(a.id)}">undo</button>`)}</td></tr>`).join("") ||
        `<tr><td colspan="6">no review actions yet</td></tr>`;
    } catch (e) { S.message(e.message); }
  }

  async function review(url, body, done) {
    try {
      const res = await S.api(url, { method: "POST", body });
      S.message(done || "saved", "ok");
      if (res && res.incident_id && res.incident_id !== id) { location.href = "/incidents/" + encodeURIComponent(res.incident_id); return; }
      await load();
    } catch (e) { S.message(`${e.status === 401 || e.status === 403 ? "refused: " : ""}${e.message}`); }
  }

  function wire() {
    document.addEventListener("click", e => {
      const t = e.target;
      if (t.matches("button.mark-claim")) {
        review(`/api/claims/${encodeURIComponent(t.dataset.claim)}/credibility`, { credible: t.dataset.credible === "true" }, "claim marked");
      } else if (t.matches("button.undo")) {
        review(`/api/audit/${encodeURIComponent(t.dataset.audit)}/undo`, {}, "undone");
      }
    });
    $("#correct-form").addEventListener("submit", e => {
      e.preventDefault();
      const f = e.target.elements; let value;
      try { value = JSON.parse(f.value.value); } catch (_) { value = f.value.value; }
      review(`/api/incidents/${encodeURIComponent(id)}/corrections`, { field: f.field.value, value }, "corrected");
    });
    $("#merge-form").addEventListener("submit", e => {
      e.preventDefault();
      const others = e.target.elements.ids.value.split(/[\s,]+/).filter(Boolean);
      review("/api/incidents/merge", { ids: [id, ...others] }, "merged");
    });
    $("#split-form").addEventListener("submit", e => {
      e.preventDefault();
      const picked = [...document.querySelectorAll(".split-pick:checked")].map(c => c.value);
      review(`/api/incidents/${encodeURIComponent(id)}/split`, { claim_ids: picked }, "split");
    });
  }

  async function load() {
    document.body.dataset.state = "loading";
    try {
      incident = await S.api("/api/incidents/" + encodeURIComponent(id));
      if (incident.id && incident.id !== id) { id = incident.id; history.replaceState(null, "", "/incidents/" + encodeURIComponent(id)); }
      $("#json-twin").href = "/api/incidents/" + encodeURIComponent(id);
      render(incident);
      await Promise.all([loadArticles(incident), loadAudit()]);
    } catch (e) {
      $("#title").textContent = e.status === 404 ? "No such incident" : "Could not load the incident";
      S.message(e.message);
    } finally { document.body.dataset.state = "ready"; }
  }
  wire();
  load();
})();
