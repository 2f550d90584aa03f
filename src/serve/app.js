// The viewer's script: reads the search box and the filters, asks the JSON API
// (/api/info, /api/search, /api/graph, /api/edge, /api/timeline) and shows the answer:
// the SVG that Graphviz drew, with pan and zoom (wheel and drag change its viewBox), the
// edges as text, the evidence of a clicked edge and a place's control timeline.
"use strict";

const $ = (id) => document.getElementById(id);
const ALL_RELATIONS = 4;
// At most this many screen pixels per Graphviz point when a picture first shows: a small
// neighbourhood is not blown up to fill the window.
const MAX_SCALE = 1.3;
const state = { focus: null, graph: null, dates: [], drag: null, moved: false };

async function api(path, params) {
  const res = await fetch(path + "?" + new URLSearchParams(params).toString());
  let body;
  try {
    body = await res.json();
  } catch (e) {
    body = { error: "the server's answer (" + res.status + ") is not JSON" };
  }
  return { ok: res.ok, status: res.status, body };
}

// ---- controls -------------------------------------------------------------------------

function relations() {
  return [...document.querySelectorAll("input[name=rel]:checked")].map((i) => i.value);
}

function asOf() {
  const i = Number($("as-of").value);
  return i < state.dates.length ? state.dates[i] : null;
}

function filters() {
  const p = { depth: $("depth").value || "1", min_evidence: $("min-evidence").value || "1" };
  const rels = relations();
  if (rels.length < ALL_RELATIONS) p.relations = rels.join(",");
  const d = asOf();
  if (d) p.as_of = d;
  return p;
}

// Every day from `first` to `last` (YYYY-MM-DD), for the as-of slider.
function days(first, last) {
  const out = [];
  if (!first || !last) return out;
  for (let t = Date.parse(first + "T00:00:00Z"); t <= Date.parse(last + "T00:00:00Z"); t += 86400000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function showAsOfLabel() {
  const d = asOf();
  $("as-of-label").textContent = d ? d : "all evidence";
}

function setUpSlider(info) {
  state.dates = days(info.first_date, info.last_date);
  const slider = $("as-of");
  slider.max = String(state.dates.length);
  const start = info.as_of ? state.dates.indexOf(info.as_of) : -1;
  slider.value = String(start >= 0 ? start : state.dates.length);
  slider.disabled = state.dates.length === 0;
  showAsOfLabel();
}

// ---- messages -------------------------------------------------------------------------

function say(text, isError) {
  const m = $("message");
  m.textContent = text;
  m.className = isError ? "error" : "";
}

// A link in the message that shows `target` when clicked.
function offer(label, target) {
  const a = document.createElement("a");
  a.textContent = label;
  a.addEventListener("click", () => {
    $("q").value = label;
    show(target);
  });
  return a;
}

function sayError(body) {
  say(body.error || "something went wrong", true);
  const names = (body.suggestions || []).map((n) => [n, n]);
  for (const c of body.candidates || []) names.push([c, c.split(" ")[0]]);
  names.forEach(([label, target], i) => {
    $("message").append(i === 0 ? " Try: " : ", ", offer(label, target));
  });
}

// ---- the picture ----------------------------------------------------------------------

function svg() {
  return $("view").querySelector("svg");
}

function draw(answer) {
  const view = $("view");
  view.innerHTML = answer.svg || "";
  const s = svg();
  if (!s) return;
  s.removeAttribute("width");
  s.removeAttribute("height");
  fit(s);
  s.dataset.viewBox = s.getAttribute("viewBox");
  for (const n of answer.nodes) label(n.dom, n.name + " (" + n.type + ")");
  for (const e of answer.edges) {
    label(e.dom, e.source_name + " " + e.relation + " " + e.target_name + " (" + e.evidence + ")");
    widen(e.dom);
  }
  const focus = answer.nodes.find((n) => n.id === answer.focus.id);
  if (focus) document.getElementById(focus.dom)?.classList.add("focus");
}

// The whole picture in the view, centred, enlarged at most MAX_SCALE times.
function fit(s) {
  const vb = s.viewBox.baseVal;
  const box = $("view").getBoundingClientRect();
  if (!box.width || !box.height) return;
  const scale = Math.max(vb.width / box.width, vb.height / box.height, 1 / MAX_SCALE);
  const w = box.width * scale;
  const h = box.height * scale;
  const x = vb.x - (w - vb.width) / 2;
  const y = vb.y - (h - vb.height) / 2;
  s.setAttribute("viewBox", [x, y, w, h].join(" "));
}

// The tooltip of an SVG element: Graphviz titles it with its DOT id.
function label(dom, text) {
  const t = document.getElementById(dom)?.querySelector("title");
  if (t) t.textContent = text;
}

// A wide transparent copy of an edge's line, so that a click need not hit the line itself.
function widen(dom) {
  const path = document.getElementById(dom)?.querySelector("path");
  if (!path) return;
  const hit = path.cloneNode(false);
  hit.setAttribute("class", "hit");
  path.after(hit);
}

function zoom(event) {
  const s = svg();
  if (!s) return;
  event.preventDefault();
  const vb = s.viewBox.baseVal;
  const p = point(s, event);
  const k = event.deltaY < 0 ? 0.8 : 1.25;
  vb.x = p.x - (p.x - vb.x) * k;
  vb.y = p.y - (p.y - vb.y) * k;
  vb.width *= k;
  vb.height *= k;
}

// The SVG coordinates under the mouse.
function point(s, event) {
  const p = s.createSVGPoint();
  p.x = event.clientX;
  p.y = event.clientY;
  return p.matrixTransform(s.getScreenCTM().inverse());
}

function startDrag(event) {
  const s = svg();
  if (!s || event.button !== 0) return;
  const vb = s.viewBox.baseVal;
  state.drag = { x: event.clientX, y: event.clientY, vx: vb.x, vy: vb.y, scale: 1 / s.getScreenCTM().a };
  state.moved = false;
}

function moveDrag(event) {
  const d = state.drag;
  if (!d) return;
  const dx = event.clientX - d.x;
  const dy = event.clientY - d.y;
  if (!state.moved && Math.hypot(dx, dy) < 4) return;
  state.moved = true;
  $("view").classList.add("dragging");
  const vb = svg().viewBox.baseVal;
  vb.x = d.vx - dx * d.scale;
  vb.y = d.vy - dy * d.scale;
}

function endDrag() {
  state.drag = null;
  $("view").classList.remove("dragging");
}

function resetView() {
  const s = svg();
  if (s && s.dataset.viewBox) s.setAttribute("viewBox", s.dataset.viewBox);
}

function clicked(event) {
  if (state.moved) {
    state.moved = false;
    return;
  }
  const g = event.target.closest("g.node, g.edge");
  if (!g || !state.graph) return;
  const node = state.graph.nodes.find((n) => n.dom === g.id);
  if (node) {
    $("q").value = node.name;
    show(node.id);
    return;
  }
  const edge = state.graph.edges.find((e) => e.dom === g.id);
  if (edge) evidence(edge);
}

// ---- the answers ----------------------------------------------------------------------

async function show(name) {
  const p = filters();
  if (relations().length === 0) {
    say("choose at least one relation", true);
    return;
  }
  p.focus = name;
  say("loading " + name + " ...");
  const { body } = await api("/api/graph", p);
  if (!body.nodes) {
    sayError(body);
    return;
  }
  state.graph = body;
  state.focus = body.focus;
  heading(body.focus);
  draw(body);
  listEdges(body.edges);
  $("evidence-box").hidden = true;
  timeline(body.focus);
  summary(body);
  history.replaceState(null, "", "#" + encodeURIComponent(body.focus.id));
}

function heading(focus) {
  const h = $("title");
  h.textContent = focus.name + " ";
  const small = document.createElement("small");
  small.textContent = [focus.kind, focus.type].filter(Boolean).join(", ");
  h.append(small);
}

function summary(body) {
  const when = body.as_of ? " as of " + body.as_of : "";
  if (body.error) {
    say(body.error + "; the edges are listed on the right", true);
  } else if (body.note) {
    say(body.note, false);
  } else {
    say(body.nodes.length + " entities, " + body.edges.length + " edges" + when, false);
  }
}

function listEdges(edges) {
  const ul = $("edges");
  ul.replaceChildren();
  for (const e of edges) {
    const li = document.createElement("li");
    li.className = e.relation;
    li.textContent = e.source_name + " " + e.relation + " " + e.target_name + " (" + e.evidence + ")";
    li.addEventListener("click", () => evidence(e));
    ul.append(li);
  }
  if (edges.length === 0) ul.append("none");
}

async function evidence(edge) {
  const p = { source: edge.source, target: edge.target, relation: edge.relation };
  const d = asOf();
  if (d) p.as_of = d;
  const { body } = await api("/api/edge", p);
  document.querySelectorAll("g.edge.chosen").forEach((g) => g.classList.remove("chosen"));
  document.getElementById(edge.dom)?.classList.add("chosen");
  $("evidence-box").hidden = false;
  $("evidence-title").textContent =
    edge.source_name + " " + edge.relation + " " + edge.target_name;
  const ol = $("evidence");
  ol.replaceChildren();
  if (!body.evidence) {
    ol.append(body.error || "no evidence");
    return;
  }
  for (const ev of body.evidence) ol.append(piece(ev));
  $("evidence-box").scrollIntoView({ block: "nearest" });
}

function piece(ev) {
  const li = document.createElement("li");
  const sentence = document.createElement("span");
  sentence.className = "sentence";
  if (ev.marked) {
    const mark = document.createElement("mark");
    mark.textContent = ev.marked[1];
    sentence.append("\u201c" + ev.marked[0], mark, ev.marked[2] + "\u201d");
  } else {
    sentence.textContent = "\u201c" + ev.text + "\u201d";
  }
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.append((ev.date || "undated") + " \u00b7 ");
  if (ev.link) {
    const a = document.createElement("a");
    a.href = ev.link;
    a.rel = "noreferrer";
    a.target = "_blank";
    a.textContent = ev.doc;
    meta.append(a);
  } else {
    meta.append(ev.doc);
  }
  meta.append(" \u00b7 " + ev.producer);
  li.append(sentence, meta);
  return li;
}

async function timeline(focus) {
  const box = $("timeline-box");
  box.hidden = focus.kind !== "place";
  if (box.hidden) return;
  const p = { place: focus.id };
  const d = asOf();
  if (d) p.as_of = d;
  const { body } = await api("/api/timeline", p);
  const ol = $("timeline");
  ol.replaceChildren();
  for (const s of body.steps || []) {
    const li = document.createElement("li");
    const from = s.from ? (s.until ? "from " : "since ") + s.from : "undated";
    const until = s.until ? " until " + s.until : "";
    const count = s.evidence_count + (s.evidence_count === 1 ? " piece" : " pieces");
    li.textContent = s.name + ": " + from + until + " (" + count + ")";
    if (s.quote) {
      const q = document.createElement("span");
      q.className = "meta";
      q.textContent = "\u201c" + s.quote + "\u201d";
      li.append(q);
    }
    ol.append(li);
  }
  if (!ol.children.length) ol.append(body.error || "no control on record");
}

// ---- start ----------------------------------------------------------------------------

async function search(event) {
  event.preventDefault();
  const q = $("q").value.trim();
  if (!q) return;
  const { body } = await api("/api/search", { q });
  if (body.error) {
    sayError(body);
    return;
  }
  show(body.id);
}

function again() {
  if (state.focus) show(state.focus.id);
}

async function start() {
  $("search").addEventListener("submit", search);
  for (const id of ["depth", "min-evidence"]) $(id).addEventListener("change", again);
  document.querySelectorAll("input[name=rel]").forEach((i) => i.addEventListener("change", again));
  $("as-of").addEventListener("input", showAsOfLabel);
  $("as-of").addEventListener("change", again);
  const view = $("view");
  view.addEventListener("wheel", zoom, { passive: false });
  view.addEventListener("mousedown", startDrag);
  window.addEventListener("mousemove", moveDrag);
  window.addEventListener("mouseup", endDrag);
  view.addEventListener("click", clicked);
  view.addEventListener("dblclick", resetView);
  const { body } = await api("/api/info", {});
  if (body.error) sayError(body);
  else setUpSlider(body);
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted) show(wanted);
  else say("type a name (Assad, HTS, Aleppo, ...) and press Show", false);
}

start();
