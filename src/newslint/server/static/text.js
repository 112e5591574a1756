// What the editors' page computes from text alone, with no page around it: positions,
// rule titles, the format of a pasted article, quotations for buttons and cards.

export const FORMATS = { txt: "plain text", md: "Markdown", html: "HTML" };

// The API counts 1-based lines and columns in Unicode code points (an emoji is one
// column); JS strings index UTF-16 units (an emoji is two). Walk the line by code points.
export function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function toIndex(text, starts, line, col) {
  let i = line <= starts.length ? starts[line - 1] : text.length;
  for (let n = 1; n < col && i < text.length; n++) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    i += pair ? 2 : 1;
  }
  return i;
}

export function locate(findings, text) {
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

// A card names the rule in words: the first clause of its description's opening
// sentence ("Flags square brackets in the reporter's own words, such as …" gives
// "Square brackets in the reporter's own words"); the id is the fallback.
export function humanName(name) {
  const words = name.split(".").pop().replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plainTitle(rule) {
  const opening = (rule.description || "").trim().split(/\n\s*\n/)[0].replace(/\s+/g, " ")
    .replace(/^\*\*[^*]+\*\*\s*/, "") // "**What it does.**"
    .replace(/<[^>]*>|[*`_]/g, "");
  let title = opening.split(/: | — | – |, such as | \(|; |\. /)[0].replace(/\.$/, "").replace(/^Flags\s+/, "").trim();
  if (title.length > 90) title = `${title.slice(0, title.lastIndexOf(" ", 87))}…`;
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : humanName(rule.name);
}

export function quote(s) {
  const short = s.length > 40 ? `${s.slice(0, 37)}…` : s;
  return `“${short.replace(/\n/g, "⏎")}”`;
}

// A word the vocabulary could accept: a name or a spelling, not punctuation or a phrase.
export function vocabularyWord(f) {
  return f.match.length >= 2 && f.match.length <= 60 && /^\p{L}[\p{L}\p{M}\p{N}'’-]*$/u.test(f.match) ? f.match : null;
}

// What a pasted article most likely is: tags make it HTML; front matter, # headings or
// [links](…) make it Markdown; anything else is plain text.
export function guessFormat(text) {
  const tags = text.match(/<\/?(?:p|h[1-6]|div|article|section|br|a|em|strong|b|i|ul|ol|li|blockquote|span|html|body|figure|img)\b[^<>]*>/gi) || [];
  if (tags.length >= 2 || /^\s*<!doctype html/i.test(text)) return "html";
  if (/^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(text) || /^#{1,6}[ \t]+\S/m.test(text) || /\[[^\]\n]+\]\([^)\s]+\)/.test(text)) return "md";
  return "txt";
}
