// The editors' page: a textarea over a backdrop that mirrors its text with <mark>s.
// No build step and no libraries: the server does the checking; this file draws
// highlights and cards and sends edits back (text.js holds the page's pure helpers).
import { FORMATS, guessFormat, humanName, locate, plainTitle, quote, vocabularyWord } from "./text.js";

const $ = (id) => document.getElementById(id);
const area = $("article"), backdrop = $("backdrop"), editor = $("editor"), layout = $("layout");
const list = $("findings"), detail = $("detail"), statusLine = $("status"), format = $("format");
const RANK = { suggestion: 0, warning: 1, error: 2 };
const DEBOUNCE_MS = 250;
// The article outlives a reload (localStorage); dismissals last for this tab's session only.
const SAVED = "newslint.article", DISMISSED = "newslint.dismissed";

// findings: the last answer less the dismissed ones, each with UTF-16 `start`/`end` (and
// `fixStart`/`fixEnd`) into area.value; hidden: the dismissed ones, for "show again".
const state = { findings: [], hidden: [], selected: -1, text: "", note: "", fileName: "" };
// Bumped by every edit and every request: an answer that comes back for an older
// seq describes text the editor no longer has, so it is dropped (the latest wins).
let seq = 0;
let timer = null;
const rules = new Map(); // rule name -> Promise of /api/rules/{name}
const titles = new Map(); // rule name -> its plain-language title, once /api/rules/{name} answered
const dismissed = new Set(readJSON(sessionStorage, DISMISSED, []));
// The token of a server started with --token-file, once the editor has typed it. sessionStorage,
// not localStorage: it is a credential, so it goes when the tab closes instead of staying on a
// shared newsroom computer; a reload keeps it, and a new tab asks once.
const TOKEN = "newslint.token";
let token = readJSON(sessionStorage, TOKEN, "");
let tokenEntered = null, tokenGiven = null; // while the token field is shown: a promise, and what keeps it

function readJSON(storage, key, fallback) {
  try { return JSON.parse(storage.getItem(key)) ?? fallback; } catch { return fallback; }
}

function writeJSON(storage, key, value) {
  try { storage.setItem(key, JSON.stringify(value)); } catch { /* private mode or full: the page still works */ }
}

// -- positions while typing ----------------------------------------------------------
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

// -- rule titles -------------------------------------------------------------------
function titleOf(name) { return titles.get(name) || humanName(name); }

function ruleInfo(name) {
  if (!rules.has(name)) {
    rules.set(name, call(`/api/rules/${encodeURIComponent(name)}`).then((r) => {
      if (!r.ok) throw new Error(r.statusText);
      return r.json();
    }).then((rule) => {
      titles.set(name, plainTitle(rule));
      document.querySelectorAll(".title").forEach((t) => { if (t.dataset.rule === name) t.textContent = titleOf(name); });
      return rule;
    }));
  }
  return rules.get(name);
}

// -- the list of findings ------------------------------------------------------------
function replacementOf(f) { // what the card offers instead of the flagged text, or null
  if (f.suggestions.length) return f.suggestions[0];
  return f.fix && f.fixStart === f.start && f.fixEnd === f.end ? f.fix.replacement : null;
}

function change(f) { // "“Hanyahu” → “Haniyeh”"
  const flagged = f.match ? quote(f.match) : "(here)";
  const instead = replacementOf(f);
  if (instead === null) return flagged;
  return `${flagged} → ${instead ? quote(instead) : "(delete)"}`;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(label, onClick, cls) {
  const b = el("button", cls, label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

function titleSpan(f) {
  const t = el("span", "title", titleOf(f.rule));
  t.dataset.rule = f.rule;
  ruleInfo(f.rule).catch(() => {});
  return t;
}

function renderList() {
  const lines = area.value.includes("\n"); // a one-line text needs no line numbers
  list.replaceChildren(...state.findings.map((f, i) => {
    const li = el("li", `card sev-${f.severity}`);
    const b = el("button", `finding sev-${f.severity}`);
    b.type = "button";
    b.dataset.index = i;
    b.dataset.rule = f.rule;
    b.dataset.line = f.line;
    b.dataset.col = f.col;
    if (i === state.selected) b.setAttribute("aria-current", "true");
    b.append(el("span", "badge", f.severity), el("span", "where", lines ? `line ${f.line}` : ""), titleSpan(f),
      el("span", "change", change(f)), el("span", "msg", f.message));
    b.addEventListener("click", () => { select(i); if (!phone()) showInText(i, false); });
    li.append(b, button("Dismiss", () => dismiss(i), "dismiss secondary"));
    li.lastChild.setAttribute("aria-label", `Dismiss: ${f.message}`);
    return li;
  }));
  if (!state.findings.length) {
    list.append(el("li", "none", area.value.trim() ? "No findings." : "Nothing to check yet."));
  }
  const hidden = $("dismissed");
  hidden.hidden = !state.hidden.length;
  hidden.firstElementChild.textContent = `${state.hidden.length} dismissed for this session.`;
  $("count").textContent = state.findings.length ? String(state.findings.length) : "";
  const safe = fixes(state.findings).filter((f) => f.fix.safe).length;
  const all = fixes(state.findings.concat(state.hidden)).length;
  $("fix-all").textContent = `Apply safe fixes (${safe})`;
  $("fix-all").disabled = !safe;
  $("fix-unsafe").textContent = `Apply all fixes (${all})…`;
  $("fix-unsafe").disabled = !all;
}

// The findings' fixes, one per edit: two rules that flag the same word with the same fix
// ("Hanyahu" → "Haniyeh") make one change to the text, and are counted and listed once.
function fixes(findings) {
  const seen = new Set();
  return findings.filter((f) => {
    if (!f.fix) return false;
    const key = `${f.fixStart}:${f.fixEnd}:${f.fix.replacement}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.fixStart - b.fixStart);
}

function render() {
  renderBackdrop();
  renderList();
  renderDetail();
}

// -- views: on a phone the article and the findings take turns ---------------------------
function phone() { return getComputedStyle($("tab-article").parentElement).display !== "none"; }

function setView(view) {
  layout.dataset.view = view;
  $("tab-article").setAttribute("aria-selected", String(view === "article"));
  $("tab-findings").setAttribute("aria-selected", String(view === "findings"));
  if (view === "article") fitHeight();
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
  if (layout.dataset.view !== "article") setView("article");
  const m = [...backdrop.querySelectorAll("mark")].find((x) => x.dataset.ids.split(" ").includes(String(i)));
  if (m) editor.scrollTop = Math.max(0, m.offsetTop - editor.clientHeight / 3);
  if (focus) { area.focus({ preventScroll: true }); area.setSelectionRange(f.start, f.end); }
}

function renderDetail() {
  const f = state.findings[state.selected];
  detail.hidden = !f;
  const peek = $("peek");
  peek.hidden = !f;
  if (!f) { detail.replaceChildren(); return; }
  peek.querySelector(".peek-text").textContent = f.message;
  const h = el("h2", "", f.message);
  const meta = el("p", "meta");
  meta.append(el("span", `badge sev-${f.severity}`, f.severity), " ", titleSpan(f), " · ", el("code", "", f.rule),
    ` · line ${f.line}, column ${f.col}`);
  const actions = el("div", "actions");
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
  const word = vocabularyWord(f);
  if (word) actions.append(button(`Add ${quote(word)} to vocabulary`, () => addToVocabulary(word), "secondary vocab"));
  actions.append(button("Dismiss", () => dismiss(state.selected), "secondary"));
  const notice = el("p", "notice");
  notice.id = "notice";
  notice.setAttribute("role", "alert");
  notice.hidden = true;
  const about = el("div", "about", "Loading the rule…");
  detail.replaceChildren(h, meta, actions, notice, about);
  ruleInfo(f.rule).then((rule) => {
    if (state.findings[state.selected] !== f) return;
    about.replaceChildren(...explain(rule));
  }).catch(() => { about.textContent = ""; });
}

function explain(rule) {
  const parts = [el("h3", "", "About this rule")];
  const body = el("div", "description");
  body.innerHTML = rule.description_html || ""; // rendered server-side with raw HTML escaped
  if (!rule.description_html) body.textContent = rule.message;
  parts.push(body);
  const examples = (title, cases, cls) => {
    if (!cases.length) return;
    const ul = el("ul", `examples ${cls}`);
    for (const c of cases) {
      const li = el("li");
      li.append(el("pre", "", c.text));
      if (c.at) li.append(el("span", "at", `flagged at ${c.at.join(", ")}`));
      ul.append(li);
    }
    parts.push(el("h4", "", title), ul);
  };
  examples("Flagged", rule.examples.flag, "flag");
  examples("Not flagged", rule.examples.pass, "pass");
  if (rule.link) {
    const a = el("a", "", "More about this rule");
    a.href = rule.link;
    a.rel = "noreferrer";
    parts.push(a);
  }
  return parts;
}

// -- dismissing and the vocabulary ---------------------------------------------------
function dismiss(i) {
  const f = state.findings[i];
  if (!f) return;
  dismissed.add(f.fingerprint);
  writeJSON(sessionStorage, DISMISSED, [...dismissed]);
  state.hidden.push(f);
  state.findings.splice(i, 1);
  state.selected = -1;
  render();
  const next = list.querySelector(`button.finding[data-index="${Math.min(i, state.findings.length - 1)}"]`);
  if (next) next.focus(); else $("findings-heading").scrollIntoView({ block: "nearest" });
  status(`Dismissed for this session: ${f.message}`);
}

function undismiss() {
  dismissed.clear();
  writeJSON(sessionStorage, DISMISSED, []);
  check();
}

async function addToVocabulary(word) {
  const notice = $("notice");
  try {
    const answer = await post("/api/vocabulary", { word });
    state.note = `added ${quote(answer.word || word)} to the vocabulary${answer.config ? ` in ${answer.config}` : ""}`;
    status(`${state.note.charAt(0).toUpperCase()}${state.note.slice(1)}; checking again…`);
    check(); // the server has reloaded its checks: the word is no longer flagged
  } catch (e) {
    if (notice) { notice.textContent = e.message; notice.hidden = false; }
    status(`Could not add ${quote(word)} to the vocabulary: ${e.message}`, true);
  }
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

function save() { writeJSON(localStorage, SAVED, { text: area.value, format: format.value, name: state.fileName }); }

function onInput() {
  shiftFindings(state.text, area.value);
  state.text = area.value;
  save();
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

// Every API call of the page: with the token once there is one. A 401 shows the token field
// and waits for a token, then tries again, so the check (or fix) the editor asked for goes on.
async function call(url, options = {}) {
  for (;;) {
    const sent = token;
    const headers = sent ? { ...options.headers, Authorization: `Bearer ${sent}` } : options.headers;
    const res = await fetch(url, { ...options, headers });
    if (res.status !== 401) return res;
    if (sent === token) await askForToken(Boolean(sent)); // else a newer token came meanwhile: try that
  }
}

function askForToken(refused) {
  $("token-refused").hidden = !refused;
  $("token-form").hidden = false;
  // Back to the field after a refusal, never away from the article. The "Use token" button the editor
  // just pressed may still hold focus although hidden (the browser moves it to <body> only later).
  const active = document.activeElement;
  if (active === document.body || $("token-form").contains(active)) $("token").focus();
  status("Not checked: waiting for the server's token.", true);
  if (!tokenEntered) tokenEntered = new Promise((resolve) => { tokenGiven = resolve; });
  return tokenEntered;
}

function useToken(e) {
  e.preventDefault();
  const given = $("token").value.trim();
  if (!given) return;
  token = given;
  writeJSON(sessionStorage, TOKEN, token);
  $("token").value = "";
  $("token-form").hidden = true;
  status("Trying the token…");
  if (tokenGiven) tokenGiven(); // every call that got a 401 tries again, with this token
  tokenEntered = tokenGiven = null;
}

async function post(url, payload) {
  const res = await call(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
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
  const located = locate(report.findings, text);
  state.findings = located.filter((f) => !dismissed.has(f.fingerprint));
  state.hidden = located.filter((f) => dismissed.has(f.fingerprint));
  state.text = text;
  state.selected = chosen ? state.findings.findIndex((f) => f.fingerprint === chosen.fingerprint) : -1;
  render();
  document.body.dataset.checked = String(seq); // for tests: the page shows the answer for this text
  const shown = state.findings, n = shown.length;
  const by = ["error", "warning", "suggestion"].map((s) => [s, shown.filter((f) => f.severity === s).length])
    .filter(([, c]) => c).map(([s, c]) => `${c} ${s}${c > 1 ? "s" : ""}`);
  const problems = report.errors.length ? ` · ${report.errors.join("; ")}` : "";
  const hidden = state.hidden.length ? ` · ${state.hidden.length} dismissed` : "";
  const note = state.note ? ` · ${state.note}` : "";
  state.note = ""; // said once, for the check of the paste that decided it
  status(text.trim() ? `${n} finding${n === 1 ? "" : "s"}${by.length ? ` (${by.join(", ")})` : ""} · checked in ${Math.round(ms)} ms${hidden}${note}${problems}`
    : "Paste an article to check it.", Boolean(report.errors.length));
}

async function fixAll(unsafe) {
  clearTimeout(timer);
  const mine = ++seq, text = area.value;
  status(unsafe ? "Applying all fixes…" : "Applying the safe fixes…");
  try {
    const answer = await post("/api/fix", { text, format: format.value, unsafe });
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

// Unsafe fixes can change what the story says, so they are listed and confirmed first.
function confirmAllFixes() {
  const dialog = $("confirm-unsafe");
  const all = fixes(state.findings.concat(state.hidden));
  const unsafe = all.filter((f) => !f.fix.safe).length;
  const text = $("confirm-text");
  const ul = el("ul", "fix-list");
  for (const f of all) {
    const removed = area.value.slice(f.fixStart, f.fixEnd).trim() || area.value.slice(f.fixStart, f.fixEnd);
    const to = f.fix.replacement ? quote(f.fix.replacement) : "(delete)";
    const flags = [f.fix.safe ? "" : "unsafe", state.hidden.includes(f) ? "dismissed" : ""].filter(Boolean);
    ul.append(el("li", f.fix.safe ? "" : "unsafe", `Line ${f.line}: ${quote(removed)} → ${to}${flags.length ? ` (${flags.join(", ")})` : ""}`));
  }
  text.replaceChildren(`${all.length} fix${all.length === 1 ? "" : "es"}, ${unsafe} of them unsafe: an unsafe fix can change ` +
    `what the story says, so read them first.${phone() ? "" : " Ctrl+Z undoes them."}`, ul);
  dialog.returnValue = "";
  dialog.showModal();
}

$("confirm-unsafe").addEventListener("close", (e) => { if (e.target.returnValue === "apply") fixAll(true); });

// -- input: paste, files, reload -------------------------------------------------------
function recognise(text) {
  const guess = guessFormat(text);
  state.note = guess === format.value ? "" : `recognised as ${FORMATS[guess]}`;
  format.value = guess;
}

function onPaste(e) { // only a paste that is most of the article decides its format
  const pasted = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
  const after = area.value.length - (area.selectionEnd - area.selectionStart) + pasted.length;
  if (pasted.trim() && pasted.length * 2 >= after) recognise(pasted);
}

async function openFile(file) {
  let text = await file.text();
  if (text.startsWith("\ufeff")) text = text.slice(1); // a BOM is not part of the article
  if (/\.(md|markdown|mdown|mkd)$/i.test(file.name)) format.value = "md";
  else if (/\.(html?|xhtml)$/i.test(file.name)) format.value = "html";
  else if (/\.(txt|text)$/i.test(file.name)) format.value = "txt";
  else recognise(text);
  state.fileName = file.name;
  area.value = text;
  onInput();
  check();
}

// -- output: copy and download ------------------------------------------------------------
async function copyText() {
  try {
    await navigator.clipboard.writeText(area.value);
  } catch { // no clipboard permission: the old way, through a selection
    area.focus();
    area.select();
    if (!document.execCommand("copy")) { status("Could not copy: select the text and copy it.", true); return; }
  }
  status(`Copied the text (${area.value.length} characters).`);
}

function downloadText() {
  const ext = { txt: "txt", md: "md", html: "html" }[format.value];
  const name = state.fileName ? state.fileName.replace(/\.[^.]*$/, "") + `.${ext}` : `article.${ext}`;
  const url = URL.createObjectURL(new Blob([area.value], { type: `${ext === "html" ? "text/html" : "text/plain"};charset=utf-8` }));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  status(`Downloaded ${name}.`);
}

// -- the caret and the keyboard ------------------------------------------------------------
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

area.addEventListener("input", onInput);
area.addEventListener("paste", onPaste);
area.addEventListener("click", findingAtCaret);
area.addEventListener("keyup", (e) => { if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") findingAtCaret(); });
document.addEventListener("keydown", (e) => {
  if (e.key === "F8") { e.preventDefault(); step(e.shiftKey ? -1 : 1); }
});
format.addEventListener("change", () => { state.note = ""; save(); check(); });
$("fix-all").addEventListener("click", () => fixAll(false));
$("fix-unsafe").addEventListener("click", confirmAllFixes);
$("copy").addEventListener("click", copyText);
$("download").addEventListener("click", downloadText);
$("undismiss").addEventListener("click", undismiss);
$("token-form").addEventListener("submit", useToken);
$("tab-article").addEventListener("click", () => setView("article"));
$("tab-findings").addEventListener("click", () => setView("findings"));
$("tab-article").parentElement.addEventListener("keydown", (e) => { // a tab list moves with the arrow keys
  if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
  const view = layout.dataset.view === "article" ? "findings" : "article";
  setView(view);
  $(`tab-${view}`).focus();
});
$("peek-open").addEventListener("click", () => setView("findings"));
$("open-button").addEventListener("click", () => $("open").click());
$("open").addEventListener("change", (e) => { if (e.target.files[0]) openFile(e.target.files[0]); e.target.value = ""; });
window.addEventListener("resize", fitHeight);

const saved = readJSON(localStorage, SAVED, null);
if (saved && typeof saved.text === "string" && !area.value) {
  area.value = saved.text;
  if (saved.format in FORMATS) format.value = saved.format;
  state.fileName = saved.name || "";
}
state.text = area.value;
render();
if (area.value.trim()) check();
