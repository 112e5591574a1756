// newslint in a CMS page: underlines what `newslint serve` finds in a textarea or a
// contenteditable field, with a popover of suggestions; a click applies one.
//
//   <script src="http://127.0.0.1:8000/embed.js" data-newslint-target="#body"></script>
//   NewslintEmbed.attach(element, {endpoint: "http://127.0.0.1:8000/", token, format, path})
//
// The server must list the CMS page's origin (newslint serve --allow-origin). Optional
// attributes on the script tag: data-newslint-token, data-newslint-format (txt, md or
// html; default txt), data-newslint-path (a name for per-glob config). The element gets
// data-newslint-findings (a count) and the events newslint:findings and newslint:error.
(function () {
  "use strict";
  if (window.NewslintEmbed) return;
  const script = document.currentScript;
  const HERE = script && script.src ? new URL(".", script.src).href : new URL("/", location.href).href;
  const DEBOUNCE_MS = 400;
  const SEVERITIES = ["suggestion", "warning", "error"];
  const COLORS = { suggestion: "#2f6fdb", warning: "#c77700", error: "#d0342c" };
  // The overlay must wrap lines exactly as the textarea does: every property that moves text.
  const MIRRORED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch", "lineHeight",
    "letterSpacing", "wordSpacing", "textTransform", "textIndent", "textAlign", "tabSize", "direction",
    "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth",
    "borderBottomWidth", "borderLeftWidth", "borderTopStyle", "borderRightStyle", "borderBottomStyle",
    "borderLeftStyle", "boxSizing", "whiteSpace", "overflowWrap", "wordBreak"];
  const BLOCKS = /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|TR|TABLE|SECTION|ARTICLE|HEADER|FOOTER|FIGURE|FIGCAPTION|DD|DT|DL|ASIDE)$/;
  const attached = new Set();
  let popover = null;

  // -- styles (a constructed sheet: no inline <style>, which a CMS's CSP may forbid) ---------
  const CSS_TEXT = SEVERITIES.map((s) =>
    `.newslint-mark.newslint-${s}{text-decoration:underline wavy ${COLORS[s]};text-decoration-skip-ink:none}` +
    `::highlight(newslint-${s}){text-decoration:underline wavy ${COLORS[s]};text-decoration-skip-ink:none}`).join("") +
    ".newslint-mark{color:transparent;background:transparent}" +
    ".newslint-popover{position:fixed;z-index:2147483647;max-width:22rem;padding:.6rem .7rem;border:1px solid #c9ced6;" +
    "border-radius:6px;background:#fff;color:#1d2330;box-shadow:0 4px 16px rgba(0,0,0,.18);font:14px/1.4 system-ui,sans-serif}" +
    ".newslint-popover p{margin:0 0 .4rem}.newslint-popover small{display:block;color:#5b6472;margin-bottom:.4rem}" +
    ".newslint-popover button{font:inherit;margin:0 .35rem .25rem 0;padding:.2rem .55rem;border:1px solid #2f6fdb;" +
    "border-radius:4px;background:#2f6fdb;color:#fff;cursor:pointer}" +
    ".newslint-popover button.newslint-dismiss{background:#fff;color:#2f6fdb}";

  function addStyles() {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch (e) {
      const style = document.createElement("style");
      style.textContent = CSS_TEXT;
      document.head.append(style);
    }
  }

  // -- positions: the API counts 1-based lines and columns in code points; JS strings UTF-16 units --
  function toIndex(text, starts, line, col) {
    let i = line <= starts.length ? starts[line - 1] : text.length;
    for (let n = 1; n < col && i < text.length; n++) {
      const unit = text.charCodeAt(i);
      i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
    }
    return i;
  }

  function locate(findings, text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return findings.map((f) => {
      const start = toIndex(text, starts, f.line, f.col), end = toIndex(text, starts, f.end_line, f.end_col);
      const options = [];
      if (f.fix) {
        options.push({ text: f.fix.replacement, start: toIndex(text, starts, f.fix.line, f.fix.col),
          end: toIndex(text, starts, f.fix.end_line, f.fix.end_col) });
      }
      for (const s of f.suggestions || []) {
        if (!options.some((o) => o.start === start && o.end === end && o.text === s)) options.push({ text: s, start, end });
      }
      return { ...f, start, end, options };
    });
  }

  // -- one attached field ------------------------------------------------------------------
  function attach(element, options = {}) {
    if (!element) throw new Error("NewslintEmbed.attach: no element");
    if (element.__newslint) return element.__newslint;
    const isTextarea = element instanceof HTMLTextAreaElement;
    if (!isTextarea && !element.isContentEditable) throw new Error("NewslintEmbed.attach: a textarea or a contenteditable element");
    const endpoint = new URL(options.endpoint || HERE, location.href);
    const api = new URL("api/check", endpoint.href.endsWith("/") ? endpoint : endpoint.href + "/").href;
    const state = { findings: [], text: "", seq: 0, timer: null, dismissed: new Set(), segments: [] };
    const view = isTextarea ? textareaView(element) : editableView(element, state);

    function schedule() {
      clearTimeout(state.timer);
      state.timer = setTimeout(check, options.debounce ?? DEBOUNCE_MS);
    }

    async function check() {
      clearTimeout(state.timer);
      const text = view.text(), seq = ++state.seq;
      const headers = { "Content-Type": "application/json" };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      // A contenteditable field is sent as its text (positions must map back to its text nodes), so
      // "html" means the source only in a textarea.
      const format = options.format === "html" && !isTextarea ? "txt" : options.format || "txt";
      const body = { text, format };
      if (options.path) body.path = options.path;
      let answer;
      try {
        const response = await fetch(api, { method: "POST", headers, body: JSON.stringify(body), mode: "cors" });
        answer = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(answer.detail || `HTTP ${response.status}`);
      } catch (error) {
        if (seq !== state.seq) return;
        element.dataset.newslintStatus = "error";
        element.dispatchEvent(new CustomEvent("newslint:error", { detail: { message: String(error.message || error) } }));
        return;
      }
      if (seq !== state.seq || view.text() !== text) return; // the field changed meanwhile: a newer check follows
      state.text = text;
      state.findings = locate(answer.findings || [], text).filter((f) => !state.dismissed.has(key(f)));
      element.dataset.newslintStatus = "ok";
      element.dataset.newslintFindings = String(state.findings.length);
      view.render(state.findings);
      element.dispatchEvent(new CustomEvent("newslint:findings", { detail: { findings: state.findings } }));
    }

    function key(f) { return `${f.rule}\u0000${f.match}\u0000${f.fingerprint || ""}`; }

    function onInput() {
      closePopover();
      const text = view.text();
      state.findings = shift(state.findings, state.text, text); // keep the untouched underlines meanwhile
      state.text = text;
      view.render(state.findings);
      schedule();
    }

    function onCaret() {
      const at = view.caret();
      const f = at == null ? null : state.findings.find((x) => x.start < x.end && x.start <= at && at <= x.end);
      if (f) openPopover(f, view.rectOf(f), apply, dismiss); else closePopover();
    }

    function apply(f, option) {
      closePopover();
      if (view.text().slice(f.start, f.end) !== f.match) return check(); // stale: check again instead
      view.replace(option.start, option.end, option.text);
    }

    function dismiss(f) {
      closePopover();
      state.dismissed.add(key(f));
      state.findings = state.findings.filter((x) => x !== f);
      view.render(state.findings);
    }

    // focus: the page around the field may have moved since the last check (an image loaded above it)
    const listeners = [["input", onInput], ["click", onCaret], ["keyup", onCaret], ["scroll", view.sync], ["focus", view.place]];
    listeners.forEach(([type, fn]) => element.addEventListener(type, fn));
    const controller = {
      element, check, get findings() { return state.findings; },
      detach() {
        listeners.forEach(([type, fn]) => element.removeEventListener(type, fn));
        clearTimeout(state.timer);
        view.destroy();
        attached.delete(controller);
        delete element.__newslint;
      },
    };
    element.__newslint = controller;
    attached.add(controller);
    check();
    return controller;
  }

  // While the editor types, the underlines the edit did not touch stay (shifted) until the answer.
  function shift(findings, before, after) {
    let p = 0;
    const max = Math.min(before.length, after.length);
    while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
    const oldEnd = before.length - s, delta = after.length - before.length;
    const move = (o) => ({ ...o, start: o.start + delta, end: o.end + delta });
    return findings.flatMap((f) => {
      const lo = Math.min(f.start, ...f.options.map((o) => o.start)), hi = Math.max(f.end, ...f.options.map((o) => o.end));
      if (hi <= p) return [f];
      if (lo >= oldEnd) return [{ ...move(f), options: f.options.map(move) }];
      return [];
    });
  }

  // -- a textarea: a transparent mirror over it draws the underlines ------------------------
  function textareaView(area) {
    const overlay = document.createElement("div");
    overlay.className = "newslint-overlay";
    overlay.setAttribute("aria-hidden", "true");
    const inner = document.createElement("div");
    overlay.append(inner);
    Object.assign(overlay.style, { position: "absolute", left: "0px", top: "0px", margin: "0", overflow: "hidden",
      pointerEvents: "none", color: "transparent", background: "transparent", borderColor: "transparent" });
    area.insertAdjacentElement("afterend", overlay); // same stacking context, painted after the textarea
    const resize = new ResizeObserver(() => place());
    resize.observe(area);
    window.addEventListener("resize", place);

    function place() {
      if (!area.isConnected || area.offsetParent === null) { overlay.style.display = "none"; return; }
      overlay.style.display = "block";
      const cs = getComputedStyle(area);
      for (const p of MIRRORED) overlay.style[p] = cs[p]; // white-space too: pre-wrap, or pre for wrap="off"
      const z = cs.zIndex;
      overlay.style.zIndex = z === "auto" ? "" : z;
      const bl = parseFloat(cs.borderLeftWidth) || 0, br = parseFloat(cs.borderRightWidth) || 0;
      const scrollbar = area.offsetWidth - area.clientWidth - bl - br; // the mirror has none: pad for it
      overlay.style.paddingRight = `${(parseFloat(cs.paddingRight) || 0) + Math.max(0, scrollbar)}px`;
      overlay.style.width = `${area.offsetWidth}px`;
      overlay.style.height = `${area.offsetHeight}px`;
      overlay.style.boxSizing = "border-box";
      // Wherever the containing block is, move the overlay onto the textarea.
      const a = area.getBoundingClientRect(), o = overlay.getBoundingClientRect();
      overlay.style.left = `${parseFloat(overlay.style.left) + a.left - o.left}px`;
      overlay.style.top = `${parseFloat(overlay.style.top) + a.top - o.top}px`;
      sync();
    }

    function sync() { overlay.scrollTop = area.scrollTop; overlay.scrollLeft = area.scrollLeft; }

    let rendered = [];

    function render(findings) {
      rendered = findings;
      const text = area.value;
      const cuts = new Set([0, text.length]);
      findings.forEach((f) => { cuts.add(f.start); cuts.add(f.end); });
      const points = [...cuts].filter((x) => x <= text.length).sort((a, b) => a - b);
      const frag = document.createDocumentFragment();
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k], b = points[k + 1], piece = text.slice(a, b);
        const ids = findings.map((f, i) => i).filter((i) => findings[i].start <= a && findings[i].end >= b);
        if (!ids.length) { frag.append(piece); continue; }
        const m = document.createElement("span");
        const worst = Math.max(...ids.map((i) => SEVERITIES.indexOf(findings[i].severity)));
        m.className = `newslint-mark newslint-${SEVERITIES[Math.max(0, worst)]}`;
        m.dataset.ids = ids.join(" ");
        m.textContent = piece;
        frag.append(m);
      }
      frag.append("\u200b\n"); // a textarea shows a last empty line; a div needs a character for it
      inner.replaceChildren(frag);
      place();
    }

    return {
      text: () => area.value,
      caret: () => (area.selectionStart === area.selectionEnd ? area.selectionStart : null),
      sync,
      place,
      render,
      rectOf(f) {
        const i = String(rendered.indexOf(f));
        const mark = [...inner.querySelectorAll(".newslint-mark")].find((m) => m.dataset.ids.split(" ").includes(i));
        return (mark || area).getBoundingClientRect();
      },
      replace(start, end, text) {
        area.focus();
        area.setSelectionRange(start, end);
        // execCommand keeps the editor's undo history and fires the input event a CMS listens to
        const done = text ? document.execCommand("insertText", false, text) : document.execCommand("delete");
        if (!done || area.value.slice(start, start + text.length) !== text) {
          area.setRangeText(text, start, end, "end");
          area.dispatchEvent(new Event("input", { bubbles: true }));
        }
      },
      destroy() { resize.disconnect(); window.removeEventListener("resize", place); overlay.remove(); },
    };
  }

  // -- a contenteditable field: its text as the API reads it, underlined with CSS highlights ---
  function editableView(root, state) {
    function read() {
      const segments = [];
      let text = "";
      const walk = (node) => {
        for (let child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === Node.TEXT_NODE) {
            segments.push({ node: child, start: text.length });
            text += child.data;
          } else if (child.nodeName === "BR") {
            text += "\n";
          } else if (child.nodeType === Node.ELEMENT_NODE) {
            const block = BLOCKS.test(child.nodeName);
            if (block && text && !text.endsWith("\n\n")) text += text.endsWith("\n") ? "\n" : "\n\n"; // a paragraph
            walk(child);
            if (block && text && !text.endsWith("\n\n")) text += text.endsWith("\n") ? "\n" : "\n\n";
          }
        }
      };
      walk(root);
      state.segments = segments;
      return text;
    }

    function point(index, atEnd) {
      const segs = state.segments;
      for (let k = 0; k < segs.length; k++) {
        const s = segs[k], end = s.start + s.node.data.length;
        if (index < end || (index === end && (atEnd || k === segs.length - 1 || segs[k + 1].start > end))) {
          if (index >= s.start) return [s.node, index - s.start];
        }
      }
      return null;
    }

    function range(start, end) {
      const a = point(start, false), b = point(end, true);
      if (!a || !b) return null;
      const r = document.createRange();
      r.setStart(a[0], a[1]);
      r.setEnd(b[0], b[1]);
      return r;
    }

    function render(findings) {
      read();
      findings.forEach((f) => { f.range = range(f.start, f.end); });
      paintHighlights();
    }

    return {
      text: read,
      caret() {
        const sel = getSelection();
        if (!sel.rangeCount || !sel.isCollapsed || !root.contains(sel.anchorNode)) return null;
        const seg = state.segments.find((s) => s.node === sel.anchorNode);
        return seg ? seg.start + sel.anchorOffset : null;
      },
      sync() {},
      place() {},
      render,
      rectOf: (f) => (f.range || root).getBoundingClientRect(),
      replace(start, end, text) {
        const r = range(start, end);
        if (!r) return;
        root.focus();
        const sel = getSelection();
        sel.removeAllRanges();
        sel.addRange(r);
        const done = text ? document.execCommand("insertText", false, text) : document.execCommand("delete");
        if (!done) {
          r.deleteContents();
          if (text) r.insertNode(document.createTextNode(text));
          root.dispatchEvent(new Event("input", { bubbles: true }));
        }
      },
      destroy() { state.findings = []; paintHighlights(); },
    };
  }

  function paintHighlights() {
    if (!(window.CSS && CSS.highlights && window.Highlight)) return; // no underlines; events still fire
    for (const severity of SEVERITIES) {
      const ranges = [];
      attached.forEach((c) => c.findings.forEach((f) => { if (f.severity === severity && f.range) ranges.push(f.range); }));
      if (ranges.length) CSS.highlights.set(`newslint-${severity}`, new Highlight(...ranges));
      else CSS.highlights.delete(`newslint-${severity}`);
    }
  }

  // -- the popover -----------------------------------------------------------------------
  function openPopover(f, rect, apply, dismiss) {
    closePopover();
    popover = document.createElement("div");
    popover.className = "newslint-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", "newslint finding");
    const message = document.createElement("p");
    message.textContent = f.message;
    const rule = document.createElement("small");
    rule.textContent = f.rule;
    popover.append(message, rule);
    for (const option of f.options) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "newslint-suggestion";
      b.textContent = option.text === "" ? "(delete)" : option.text;
      b.addEventListener("click", () => apply(f, option));
      popover.append(b);
    }
    const ignore = document.createElement("button");
    ignore.type = "button";
    ignore.className = "newslint-dismiss";
    ignore.textContent = "Ignore";
    ignore.addEventListener("click", () => dismiss(f));
    popover.append(ignore);
    popover.addEventListener("mousedown", (e) => e.preventDefault()); // the field keeps its focus and caret
    document.body.append(popover);
    const below = rect.bottom + 6, height = popover.offsetHeight;
    popover.style.top = `${below + height > innerHeight ? Math.max(0, rect.top - height - 6) : below}px`;
    popover.style.left = `${Math.max(0, Math.min(rect.left, innerWidth - popover.offsetWidth - 4))}px`;
  }

  function closePopover() {
    if (popover) popover.remove();
    popover = null;
  }

  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closePopover(); });
  document.addEventListener("mousedown", (e) => { if (popover && !popover.contains(e.target)) closePopover(); }, true);
  window.addEventListener("scroll", closePopover, true);

  addStyles();
  window.NewslintEmbed = { attach, endpoint: HERE };

  const target = script && script.dataset.newslintTarget;
  if (target) {
    const start = () => document.querySelectorAll(target).forEach((el) => attach(el, {
      token: script.dataset.newslintToken, format: script.dataset.newslintFormat, path: script.dataset.newslintPath }));
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  }
})();
