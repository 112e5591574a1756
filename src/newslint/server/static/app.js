// The editors' page: a textarea over a backdrop that mirrors its text with <mark>s.
// No build step and no libraries: the server does the checking; this file only
// converts positions, draws highlights and sends edits back.
"use strict";

const $ = (id) => document.getElementById(id);
const area = $("article"), backdrop = $("backdrop"), editor = $("editor");
const list = $("findings"), detail = $("detail"), statusLine = $("status"), format = $("format");
const RANK = { suggestion: 0, warning: 1, error: 2 };
const DEBOUNCE_MS = 250;

// findings: the last answer, each with UTF-16 `start`/`end` (and `fixStart`/`fixEnd`) into area.value.
const state = { findings: [], selected: -1, text: "" };
// Bumped by every edit and every request: an answer that comes back for an older
// seq describes text the editor no longer has, so it is dropped (the latest wins).
let seq = 0;
let timer = null;
const rules = new Map(); // rule name -> Promise of /api/rules/{name}

// -- positions ----------------------------------------------------------------
// The API counts 1-based lines and columns in Unicode code points (an emoji is one
// column); JS strings index UTF-16 units (an emoji is two). Walk the line by code points.
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function toIndex(text, starts, line, col) {
  let i = line <= starts.length ? starts[line - 1] : text.length;
  for (let n = 1; n < col && i < text.length; n++) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    i += pair ? 2 : 1;
  }
  return i;
}

function locate(findings, text) {
  const starts = lineStarts(text);
  return findings.map((f) => {
    const out = { ...f, start: toIndex(text, starts, f.line, f.col), end: toIndex(text, starts, f.end_line, f.end_col) };
    if (f.fix) {
      out.fixStart = toIndex(text, starts, f.fix.line, f.fix.col);
      out.fixEnd = toIndex(text, starts, f.fix.end_line, f.fix.end_col);
    }
    return out;
  });
}

// While the editor types, keep the highlights that the edit did not touch (shifted),
// until the server's answer for the new text arrives.
function shiftFindings(before, after) {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const oldEnd = before.length - s, delta = after.length - before.length;
  const kept = [];
  for (const f of state.findings) {
    const lo = Math.min(f.start, f.fix ? f.fixStart : f.start), hi = Math.max(f.end, f.fix ? f.fixEnd : f.end);
    if (hi <= p) kept.push(f);
    else if (lo >= oldEnd) kept.push({ ...f, start: f.start + delta, end: f.end + delta,
      fixStart: f.fixStart + delta, fixEnd: f.fixEnd + delta });
  }
  const chosen = state.findings[state.selected];
  state.findings = kept;
  state.selected = chosen ? kept.findIndex((f) => f.fingerprint === chosen.fingerprint) : -1;
}

// -- drawing -------------------------------------------------------------------
function renderBackdrop() {
  const text = area.value, fs = state.findings;
  const cuts = new Set([0, text.length]);
  fs.forEach((f) => { cuts.add(f.start); cuts.add(f.end); });
  const points = [...cuts].filter((x) => x <= text.length).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  const mark = (ids, content) => {
    const m = document.createElement("mark");
    const worst = ids.reduce((w, i) => Math.max(w, RANK[fs[i].severity]), 0);
    m.className = `sev-${Object.keys(RANK)[worst]}` + (content ? "" : " empty") +
      (ids.includes(state.selected) ? " active" : "") + (/^\s*$/.test(content) ? " blank" : "");
    m.dataset.ids = ids.join(" ");
    m.dataset.rules = ids.map((i) => fs[i].rule).join(" ");
    m.textContent = content;
    return m;
  };
  points.forEach((a, k) => {
    const empties = fs.map((f, i) => i).filter((i) => fs[i].start === a && fs[i].end === a);
    if (empties.length) frag.append(mark(empties, ""));
    if (k === points.length - 1) return;
    const b = points[k + 1], piece = text.slice(a, b);
    const ids = fs.map((f, i) => i).filter((i) => fs[i].start <= a && fs[i].end >= b && fs[i].start < fs[i].end);
    frag.append(ids.length ? mark(ids, piece) : document.createTextNode(piece));
  });
  frag.append(document.createTextNode("\u200b\n")); // a textarea shows a trailing newline as a line; a div does not
  backdrop.replaceChildren(frag);
  fitHeight();
}

function fitHeight() { // the editor pane scrolls, not the textarea, so both layers scroll together
  area.style.height = "auto";
  area.style.height = `${Math.max(area.scrollHeight, editor.clientHeight)}px`;
}

function renderList() {
  list.replaceChildren(...state.findings.map((f, i) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = `finding sev-${f.severity}`;
    b.dataset.index = i;
    b.dataset.rule = f.rule;
    if (i === state.selected) b.setAttribute("aria-current", "true");
    b.innerHTML = `<span class="badge"></span><span class="where"></span><span class="msg"></span><span class="rule"></span>`;
    b.querySelector(".badge").textContent = f.severity;
    b.querySelector(".where").textContent = `${f.line}:${f.col}`;
    b.querySelector(".msg").textContent = f.message;
    b.querySelector(".rule").textContent = f.rule;
    b.addEventListener("click", () => { select(i); showInText(i, false); });
    li.append(b);
    return li;
  }));
  if (!state.findings.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = area.value.trim() ? "No findings." : "Nothing to check yet.";
    list.append(li);
  }
}

function render() {
  renderBackdrop();
  renderList();
  renderDetail();
}

// -- the selected finding --------------------------------------------------------
function select(i) {
  if (i === state.selected) return;
  state.selected = i;
  backdrop.querySelectorAll("mark").forEach((m) => m.classList.toggle("active", m.dataset.ids.split(" ").includes(String(i))));
  list.querySelectorAll("button.finding").forEach((b) => b.toggleAttribute("aria-current", Number(b.dataset.index) === i));
  renderDetail();
}

function showInText(i, focus) { // scroll the article to the finding; with focus, also select its words
  const f = state.findings[i];
  if (!f) return;
  const m = [...backdrop.querySelectorAll("mark")].find((x) => x.dataset.ids.split(" ").includes(String(i)));
  if (m) editor.scrollTop = Math.max(0, m.offsetTop - editor.clientHeight / 3);
  if (focus) { area.focus({ preventScroll: true }); area.setSelectionRange(f.start, f.end); }
}

function button(label, onClick, cls) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener("click", onClick);
  return b;
}

function quote(s) {
  const short = s.length > 40 ? `${s.slice(0, 37)}…` : s;
  return `“${short.replace(/\n/g, "⏎")}”`;
}

function renderDetail() {
  const f = state.findings[state.selected];
  detail.hidden = !f;
  if (!f) { detail.replaceChildren(); return; }
  const h = document.createElement("h2");
  h.textContent = f.message;
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.innerHTML = `<span class="badge sev-${f.severity}"></span> <code></code> · line <span></span>`;
  meta.querySelector(".badge").textContent = f.severity;
  meta.querySelector("code").textContent = f.rule;
  meta.lastElementChild.textContent = `${f.line}, column ${f.col}`;
  const actions = document.createElement("div");
  actions.className = "actions";
  for (const s of f.suggestions) {
    actions.append(button(s ? `Replace with ${quote(s)}` : `Delete ${quote(f.match)}`, () => replace(f.start, f.end, s), "apply"));
  }
  const fixIsSuggestion = f.fix && f.fixStart === f.start && f.fixEnd === f.end && f.suggestions.includes(f.fix.replacement);
  if (f.fix && !fixIsSuggestion) {
    const removed = area.value.slice(f.fixStart, f.fixEnd);
    const label = f.fix.replacement ? `Fix: replace ${quote(removed)} with ${quote(f.fix.replacement)}` : `Fix: delete ${quote(removed)}`;
    actions.append(button(label + (f.fix.safe ? "" : " (unsafe)"), () => replace(f.fixStart, f.fixEnd, f.fix.replacement), "apply fix"));
  }
  actions.append(button("Show in text", () => showInText(state.selected, true), "secondary"));
  const about = document.createElement("div");
  about.className = "about";
  about.textContent = "Loading the rule…";
  detail.replaceChildren(h, meta, actions, about);
  ruleInfo(f.rule).then((rule) => {
    if (state.findings[state.selected] !== f) return;
    about.replaceChildren(...explain(rule));
  }).catch(() => { about.textContent = ""; });
}

function ruleInfo(name) {
  if (!rules.has(name)) {
    rules.set(name, fetch(`/api/rules/${encodeURIComponent(name)}`).then((r) => {
      if (!r.ok) throw new Error(r.statusText);
      return r.json();
    }));
  }
  return rules.get(name);
}

function explain(rule) {
  const parts = [];
  const h = document.createElement("h3");
  h.textContent = "About this rule";
  parts.push(h);
  const body = document.createElement("div");
  body.className = "description";
  body.innerHTML = rule.description_html || ""; // rendered server-side with raw HTML escaped
  if (!rule.description_html) body.textContent = rule.message;
  parts.push(body);
  const examples = (title, cases, cls) => {
    if (!cases.length) return;
    const t = document.createElement("h4");
    t.textContent = title;
    const ul = document.createElement("ul");
    ul.className = `examples ${cls}`;
    for (const c of cases) {
      const li = document.createElement("li");
      const pre = document.createElement("pre");
      pre.textContent = c.text;
      li.append(pre);
      if (c.at) {
        const at = document.createElement("span");
        at.className = "at";
        at.textContent = `flagged at ${c.at.join(", ")}`;
        li.append(at);
      }
      ul.append(li);
    }
    parts.push(t, ul);
  };
  examples("Flagged", rule.examples.flag, "flag");
  examples("Not flagged", rule.examples.pass, "pass");
  if (rule.link) {
    const a = document.createElement("a");
    a.href = rule.link;
    a.textContent = "More about this rule";
    a.rel = "noreferrer";
    parts.push(a);
  }
  return parts;
}

// -- edits and checks ----------------------------------------------------------------
function replace(start, end, text) {
  area.focus({ preventScroll: true });
  area.setSelectionRange(start, end);
  // execCommand keeps the browser's undo history (Ctrl+Z undoes a fix); it fires "input" itself.
  const done = text ? document.execCommand("insertText", false, text) : document.execCommand("delete");
  if (!done) {
    area.setRangeText(text, start, end, "end");
    onInput();
  }
}

function onInput() {
  shiftFindings(state.text, area.value);
  state.text = area.value;
  seq++;
  render();
  status("Edited: checking soon…");
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
}

function status(message, isError) {
  statusLine.textContent = message;
  statusLine.classList.toggle("error", Boolean(isError));
}

async function post(url, payload) {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
  let body;
  try { body = await res.json(); } catch { body = { detail: res.statusText }; }
  if (!res.ok) throw new Error(typeof body.detail === "string" ? body.detail : `HTTP ${res.status}`);
  return body;
}

async function check() {
  clearTimeout(timer);
  const mine = ++seq, text = area.value;
  if (!text.trim()) { show({ findings: [], summary: null, errors: [] }, text, 0); return; }
  status("Checking…");
  const t0 = performance.now();
  try {
    const report = await post("/api/check", { text, format: format.value });
    if (mine === seq) show(report, text, performance.now() - t0);
  } catch (e) {
    if (mine === seq) status(`Could not check: ${e.message}`, true);
  }
}

function show(report, text, ms) {
  const chosen = state.findings[state.selected];
  state.findings = locate(report.findings, text);
  state.text = text;
  state.selected = chosen ? state.findings.findIndex((f) => f.fingerprint === chosen.fingerprint) : -1;
  render();
  document.body.dataset.checked = String(seq); // for tests: the page shows the answer for this text
  const n = report.findings.length;
  const by = ["error", "warning", "suggestion"].map((s) => [s, report.findings.filter((f) => f.severity === s).length])
    .filter(([, c]) => c).map(([s, c]) => `${c} ${s}${c > 1 ? "s" : ""}`);
  const problems = report.errors.length ? ` · ${report.errors.join("; ")}` : "";
  status(text.trim() ? `${n} finding${n === 1 ? "" : "s"}${by.length ? ` (${by.join(", ")})` : ""} · checked in ${Math.round(ms)} ms${problems}`
    : "Paste an article to check it.", Boolean(report.errors.length));
}

async function fixAll() {
  clearTimeout(timer);
  const mine = ++seq, text = area.value;
  status("Applying the safe fixes…");
  try {
    const answer = await post("/api/fix", { text, format: format.value, unsafe: false });
    if (mine !== seq) { status("The text changed while fixing; nothing was applied. Try again."); return; }
    if (answer.text !== text) replace(0, text.length, answer.text); // one undo step
    clearTimeout(timer); // the answer already reports on the fixed text
    seq++;
    show(answer.report, area.value, 0);
    status(`${answer.fixes_applied} fix${answer.fixes_applied === 1 ? "" : "es"} applied · ${statusLine.textContent}`);
  } catch (e) {
    if (mine === seq) status(`Could not fix: ${e.message}`, true);
  }
}

function findingAtCaret() {
  const pos = area.selectionStart;
  const i = state.findings.findIndex((f) => f.start <= pos && pos < Math.max(f.end, f.start + 1));
  if (i !== -1) select(i);
}

function step(direction) { // F8 / Shift+F8: the next or previous finding after the caret
  const fs = state.findings;
  if (!fs.length) return;
  const pos = area.selectionStart;
  let i = direction > 0 ? fs.findIndex((f) => f.start > pos) : fs.map((f) => f.start < pos).lastIndexOf(true);
  if (i === -1) i = direction > 0 ? 0 : fs.length - 1;
  select(i);
  showInText(i, true);
}

async function openFile(file) {
  let text = await file.text();
  if (text.startsWith("\ufeff")) text = text.slice(1); // a BOM is not part of the article
  if (/\.(md|markdown|mdown|mkd)$/i.test(file.name)) format.value = "md";
  else if (/\.(txt|text)$/i.test(file.name)) format.value = "txt";
  area.value = text;
  onInput();
  check();
}

area.addEventListener("input", onInput);
area.addEventListener("click", findingAtCaret);
area.addEventListener("keyup", (e) => { if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") findingAtCaret(); });
document.addEventListener("keydown", (e) => {
  if (e.key === "F8") { e.preventDefault(); step(e.shiftKey ? -1 : 1); }
});
format.addEventListener("change", check);
$("fix-all").addEventListener("click", fixAll);
$("open-button").addEventListener("click", () => $("open").click());
$("open").addEventListener("change", (e) => { if (e.target.files[0]) openFile(e.target.files[0]); e.target.value = ""; });
window.addEventListener("resize", fitHeight);
state.text = area.value;
render();
if (area.value.trim()) check();
