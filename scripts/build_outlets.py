"""Rebuild benchmarks/outlets/: published news copy from outlets other than Wikinews.

    python scripts/build_outlets.py [--mirror DIR] [--out DIR] [--only NAME ...] [--cap-words N]

Why: the false-alarm benchmark (benchmarks/false_alarms.py) runs on Wikinews only, one house
style written by volunteers. These outlets add a British newspaper's copy, US government web
news and 1987 wire copy, so a rule tuned on Wikinews can be checked against other styles.

Where the text comes from: public GitHub snapshots brought onto this machine with the search
tool's `fetch` (bare git directories under /work/.mirror/OWNER+NAME/...). Nothing is
downloaded here and nothing fetched is committed: the output folder is git-ignored.
benchmarks/OUTLETS.md lists the sources, their licences and how to credit them.

What it writes, per outlet (the same format as ../shared/corpus/articles):

    OUT/<outlet>/{dev,heldout,fresh}/*.txt               one article per file, UTF-8: headline,
                                                         a blank line, paragraphs separated by
                                                         blank lines
    OUT/<outlet>/MANIFEST.tsv                            file, split, date, words, headline, source
    OUT/<outlet>/README.md                               source, commit, licence, credit, changes

Each article goes to dev or heldout by a hash of its id (so the split never changes when the
build is rerun or other articles are added); an outlet over --cap-words is sampled by another
hash of the id, also stable. What the sample left out gives a third split, `fresh/` (up to
--fresh-words, by a third hash): copy nobody has tuned on or read, to confirm a figure after the
held-out half has been looked at. Words are whitespace tokens of headline and body, as the shared
corpus README counts them. Each outlet is written to a temporary folder and renamed into place,
so an interrupted build leaves the previous one whole.

Exit status: 0 when at least one outlet was built, 2 when none could be (a missing snapshot is
reported in one line naming the repository to fetch, and the others are still built).
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "benchmarks" / "outlets"
DEFAULT_MIRROR = Path(os.environ.get("NEWSLINT_MIRROR", "/work/.mirror"))
DEFAULT_CAP_WORDS = 300_000
DEFAULT_FRESH_WORDS = 150_000
MIN_BODY_WORDS = 80  # shorter items are briefs, captions or stubs, not articles


# --------------------------------------------------------------------------------------------
# Reading a bare git snapshot


class Snapshot:
    """A bare git directory read with git itself (no work tree is checked out)."""

    def __init__(self, git_dir: Path):
        self.git_dir = git_dir
        self.commit = self._git("rev-parse", "HEAD").strip()
        self._batch: subprocess.Popen | None = None

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", "--git-dir", str(self.git_dir), *args],
            check=True, capture_output=True, text=True,
        ).stdout

    def files(self, prefix: str) -> list[str]:
        """Paths of the blobs under prefix in HEAD, sorted (so every build reads the same order)."""
        out = self._git("ls-tree", "-r", "-z", "--name-only", "HEAD", "--", prefix)
        return sorted(p for p in out.split("\0") if p)

    def read(self, path: str) -> bytes:
        """One file's bytes at HEAD, through a single `git cat-file --batch` (thousands of files)."""
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "--git-dir", str(self.git_dir), "cat-file", "--batch"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )
        assert self._batch.stdin and self._batch.stdout
        self._batch.stdin.write(f"HEAD:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode().split()
        if len(header) != 3:  # "<path> missing": a file too large for the snapshot, for one
            raise FileNotFoundError(path)
        data = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)  # the newline after each object
        return data

    def close(self) -> None:
        if self._batch is not None:
            assert self._batch.stdin
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None


def find_snapshot(mirror: Path, repo: str) -> Path | None:
    """The git directory fetched for repo ("owner/name"), wherever `fetch` put it under mirror.

    fetch names the folder OWNER+NAME and puts the bare git directory somewhere inside it
    (today OWNER+NAME/repo); match the folder without regard to case, then look for a git dir.
    """
    want = repo.replace("/", "+").lower()
    if not mirror.is_dir():
        return None
    for top in sorted(mirror.iterdir()):
        if top.name.lower() != want or not top.is_dir():
            continue
        for cand in [top, *sorted(p for p in top.rglob("*") if p.is_dir())]:
            if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
                return cand
    return None


# --------------------------------------------------------------------------------------------
# Articles and the shared clean-up


@dataclass
class Article:
    id: str           # stable id inside the source: decides the split and the sample
    headline: str
    paragraphs: list[str]
    date: str = ""    # ISO date when the source gives one
    source: str = ""  # repository path (and record id) or URL

    def words(self) -> int:
        return len(self.headline.split()) + sum(len(p.split()) for p in self.paragraphs)

    def body_words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def one_line(text: str) -> str:
    """A paragraph or headline on one line: wrapped lines joined, ends trimmed.

    Runs of spaces inside a line are kept (published copy has double spaces after full stops).
    """
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return " ".join(ln for ln in lines if ln)


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:limit].rstrip("-") or "article"


def sha(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


# --------------------------------------------------------------------------------------------
# Outlet 1: The Guardian, as adapted by onestopenglish (OneStopEnglish corpus, Advanced level)

OSE_REPO = "nishkalavallabhi/OneStopEnglishCorpus"
OSE_DIR = "Texts-SeparatedByReadingLevel/Adv-Txt/"
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def ose_repair(par: str) -> str:
    """Undo the corpus builders' PDF extraction damage; wording and punctuation stay as published.

    The texts were taken from onestopenglish's PDF lessons: ligature characters ("ofﬁce"),
    compounds split at a line-end hyphen ("high- powered") and a space left where italics or a
    link were removed ("“.shangrila ”", "The Voice Brazil ."). None of that was in the copy.
    """
    for lig, plain in LIGATURES.items():
        par = par.replace(lig, plain)
    # "high- powered" -> "high-powered", but keep a suspended hyphen ("low- and middle-income")
    par = re.sub(r"(?<=[A-Za-z])- (?!(?:and|or|to|nor)\b)(?=[a-z])", "-", par)
    par = re.sub(r"(?<=\S) \u201d", "\u201d", par)               # "solid story ”" -> "story”"
    par = re.sub(r"(?<=\w) ([,.;:])(?=\s|$)", r"\1", par)        # "Brazil ." -> "Brazil."
    return par


def ose_is_subhead(line: str) -> bool:
    """A list-item title or section head ("3 Biogas engineer", "Introduction"), not a paragraph.

    Section headings are left out, as in the shared corpus: they are page furniture for a linter.
    """
    if re.match(r"^\d+\.?\s", line) and len(line.split()) < 12:
        return True
    return len(line.split()) < 8 and not re.search(r"[.!…][\u201d\u2019\"')]*$", line)


def ose_articles(snap: Snapshot) -> Iterator[Article]:
    for path in snap.files(OSE_DIR):
        if not path.endswith("-adv.txt"):
            continue  # .DS_Store
        text = snap.read(path).decode("utf-8").lstrip("\ufeff")
        name = path[len(OSE_DIR):-len("-adv.txt")]
        # The corpus keeps no headlines; the file's topic label stands in for one
        # ("WNL" marks a onestopenglish "World News Lesson" file, not part of the label).
        label = re.sub(r"^WNL\s+", "", name).strip()
        headline = label[:1].upper() + label[1:]
        paras = []
        for line in text.replace("\ufeff", "").split("\n"):
            line = one_line(line)
            if line and not ose_is_subhead(line):
                paras.append(ose_repair(line))
        yield Article(id=name, headline=headline, paragraphs=paras,
                      source=f"{OSE_REPO}:{path}")


# --------------------------------------------------------------------------------------------
# Outlet 2: Digital.gov news (US General Services Administration), Hugo Markdown sources

DG_REPO = "GSA/digitalgov.gov"
DG_DIR = "content/news/"

# paired shortcodes whose content is a sidebar, a pull quote or a widget, not running copy
DG_BOX = r"note|box|quote-block|card-\w+|accordion|highlight|ring|tmp"


def dg_front_matter(text: str) -> tuple[dict[str, str], str]:
    m = re.match(r"---\n(.*?)\n---\n?", text, re.S)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).split("\n"):
        km = re.match(r"^(\w+):\s*(.*)$", line)
        if km:
            val = km.group(2).strip()
            if len(val) >= 2 and val[0] == val[-1] and val[0] in "'\"":
                q = val[0]
                val = val[1:-1]
                val = val.replace("''", "'") if q == "'" else val.replace('\\"', '"')
            meta[km.group(1)] = val
    return meta, text[m.end():]


def dg_inline(par: str) -> str:
    """Markdown and HTML inline markup to the text a reader saw."""
    par = re.sub(r"<!--.*?-->", "", par, flags=re.S)
    par = re.sub(r"\{\{[<%].*?[%>]\}\}", "", par, flags=re.S)  # inline shortcodes
    par = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", par)               # images
    # links: [text](url) and [text](url "title"), url possibly with (parentheses)
    par = re.sub(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", r"\1", par)
    par = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", par)         # reference links
    par = re.sub(r"\[\^[^\]]+\]", "", par)                      # footnote marks
    par = re.sub(r"<br\s*/?>", " ", par, flags=re.I)
    par = re.sub(r"</?[A-Za-z][^<>]*>", "", par)                # other inline tags
    par = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", par)  # bold
    par = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", par)  # *italic*
    par = re.sub(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])", r"\1", par)    # _italic_
    par = re.sub(r"`([^`]*)`", r"\1", par)
    par = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", par)    # Markdown escapes
    par = par.replace("&space;", " ")                           # a Hugo-ism html.unescape keeps
    par = html.unescape(par)
    par = par.replace("\u00a0", " ") if par.strip("\u00a0 ") == "" else par
    return par.strip()


def dg_blocks(body: str) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block of the Markdown body; kind 'p' is running copy."""
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    # a paired box's content is a sidebar: drop it with its shortcodes
    body = re.sub(r"\{\{<\s*(" + DG_BOX + r")\b.*?\{\{<\s*/\1\s*>\}\}", "\n\n", body, flags=re.S)
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        if s.startswith("```") or s.startswith("~~~"):   # fenced code: skip to its end
            fence = s[:3]
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                i += 1
            i += 1
            yield "code", ""
            continue
        # gather the block: consecutive non-blank lines
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        first = block[0].strip()
        text = "\n".join(block)
        if (all(ln.startswith(("    ", "\t")) for ln in block)
                or re.fullmatch(r"<?https?://\S+>?|<code\b.*</code>", text.strip(), re.S)):
            yield "code", text  # an indented code block, or a bare URL on its own
        elif first.startswith("#") or (len(block) >= 2 and re.fullmatch(r"[=-]{3,}", block[-1].strip())):
            yield "heading", text
        elif re.match(r"^([-*+]|\d+[.)])\s", first):
            yield "list", text
        elif first.startswith("|") or re.match(r"^<(table|ul|ol|dl|div|figure|iframe|img|h\d|blockquote|script|style|video|hr)\b", first, re.I):
            yield "table", text
        elif re.fullmatch(r"(\*\s*){3,}|(-\s*){3,}|(_\s*){3,}", first):
            yield "rule", text
        elif re.fullmatch(r"\{\{[<%].*?[%>]\}\}", re.sub(r"\s+", " ", text.strip())):
            yield "shortcode", text
        elif re.match(r"^\[[^\]]+\]:\s", first):
            yield "refdef", text
        elif re.fullmatch(r"\[/?\w+(?:[= ][^\]]*)?\]", text.strip()):
            yield "shortcode", text  # a WordPress shortcode left from the old site: [youtube=…]
        elif first.startswith(">"):
            yield "p", "\n".join(re.sub(r"^\s*>\s?", "", ln) for ln in block)
        else:
            yield "p", text


def dg_articles(snap: Snapshot) -> Iterator[Article]:
    for path in snap.files(DG_DIR):
        if not path.endswith(".md") or path.endswith("_index.md"):
            continue
        meta, body = dg_front_matter(snap.read(path).decode("utf-8").lstrip("\ufeff"))
        if not meta.get("title") or meta.get("redirectto") or meta.get("draft") == "true":
            continue  # redirects point at copy published elsewhere; drafts were not published
        paras: list[str] = []
        dropped_words = 0  # words in lists and tables, which a news paragraph test leaves out
        blocks = list(dg_blocks(body))
        for n, (kind, text) in enumerate(blocks):
            if kind != "p":
                dropped_words += len(text.split())
                continue
            par = dg_inline(one_line(text))
            if not par or (len(par.split()) < 3 and not re.search(r"[.!?]\W*$", par)):
                continue  # empty once the markup is gone, or a button ("Register")
            nxt = blocks[n + 1][0] if n + 1 < len(blocks) else ""
            if par.endswith(":") and nxt in ("list", "table", "code"):
                continue  # a lead-in whose list is left out would read as a cut-off sentence
            # a trailing italic editor's note glued to the last paragraph ("…responsibly._This post…_")
            par = re.sub(r"(?<=[.!?\u201d\"])\s*_[^_]{20,}_\s*$", "", par).strip()
            paras.append(par)
        # Italic paragraphs that open or close a post are editor's notes and author bios
        # ("_This post was originally published on …_"): page furniture, not the story.
        raw = [one_line(t) for k, t in blocks if k == "p"]
        italic = {dg_inline(r) for r in raw if re.fullmatch(r"[_*][^_*].*[^_*][_*]\.?", r)}
        paras = [p for p in paras if p not in italic
                 and not re.search(r"originally (?:published|appeared|posted)", p, re.I)]
        if dropped_words > 0.5 * sum(len(p.split()) for p in paras):
            continue  # mostly lists or tables: a listicle or a resource page, not a news story
        if any(re.search(r"\]\(|\{\{|\}\}|</?[a-z]+[ >]|\*\*|^#", p) for p in paras):
            continue  # markup this clean-up does not understand: leave the article out
        date = meta.get("date", "")[:10]
        yield Article(id=path[len(DG_DIR):], headline=one_line(dg_inline(meta["title"])),
                      paragraphs=paras, date=date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else "",
                      source=f"{DG_REPO}:{path}")


# --------------------------------------------------------------------------------------------
# Outlet 3: Reuters newswire, 1987 (Reuters-21578, Distribution 1.0, XML version)

REUTERS_REPO = "haseebr/irengine"
REUTERS_DIR = "reuters21578-xml/"
MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}


def reuters_paragraphs(body: str) -> list[str] | None:
    """The wire body's paragraphs, or None when the item is not running prose.

    On the wire a paragraph starts on a line indented four spaces and continues on unindented
    lines; a line indented otherwise, or with a run of spaces inside, is a table.
    """
    lines = body.replace("\r", "").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    # the sign-off "Reuter" closes the story; it is a slug, not copy
    if lines and re.fullmatch(r"\s*REUTER\w*\s*", lines[-1], re.I):
        lines.pop()
    if lines:
        lines[-1] = re.sub(r"\s+REUTER\w*\s*$", "", lines[-1], flags=re.I)
    paras: list[list[str]] = []
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        if re.search(r"\S {3,}\S", line.rstrip()):
            return None  # columns
        if n > 0 and line.startswith("    ") and not line.startswith("     "):
            paras.append([line.strip()])
        elif n == 0 or (not line[0].isspace() and paras):
            if not paras:
                paras.append([])
            paras[-1].append(line.strip())
        else:
            return None  # odd indentation: a table or a list
    out = []
    for p in paras:
        text = ""
        for ln in p:
            # a line broken after a hyphen inside a word joins without a space ("Hong Kong-\nbased")
            if text.endswith("-") and len(text) > 1 and text[-2].isalnum():
                text += ln
            else:
                text = f"{text} {ln}" if text else ln
        out.append(text)
    return out


def reuters_brackets(text: str) -> str:
    """Angle-bracket markup of the Reuters wire: "ITT Corp <ITT.N>", "<Hong Kong and Shanghai
    Banking Corp>". A bracketed ticker is a terminal code, not prose: drop it. A bracketed name
    marks an unlisted company: keep the name, drop the brackets.
    """
    text = re.sub(r"\s*<[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?>", "", text)
    text = re.sub(r"\s*\[[A-Z0-9]{1,6}\.[A-Z]{1,2}\]", "", text)  # the same code in [ ]
    return re.sub(r"<([^<>]*)>", r"\1", text)


def reuters_articles(snap: Snapshot) -> Iterator[Article]:
    seen: set[str] = set()
    for path in snap.files(REUTERS_DIR):
        if not re.search(r"reut2-\d+\.xml$", path):
            continue
        # One file (reut2-017) has a stray byte that is not UTF-8 inside a story: decode with
        # replacement characters and let the check below drop that story alone.
        root = ET.fromstring(snap.read(path).decode("utf-8", errors="replace"))
        for item in root.iter("REUTERS"):
            text = item.find("TEXT")
            if text is None or text.get("TYPE") in ("BRIEF", "UNPROC"):
                continue
            title, body = text.findtext("TITLE"), text.findtext("BODY")
            if not title or not body or re.search(r"\bblah\b", body, re.I) \
                    or "\ufffd" in title + body:
                continue
            paras = reuters_paragraphs(body)
            if not paras:
                continue
            # Prose only: every paragraph ends as a sentence does (no result tables written
            # as lines, no lead-in to a list), and none starts in lower case (a handful of
            # stories came through with their capitals lost: "jamaica has put a cap ...").
            if any(not re.search(r"[.!?][\"')]*$", p) or not re.match(r"[\"'(]*[A-Z0-9]", p)
                   for p in paras):
                continue
            letters = [c for c in body if c.isalpha()]
            if sum(c.isupper() for c in letters) > 0.4 * len(letters):
                continue  # an all-capitals item (a flash or a table heading)
            paras = [reuters_brackets(p) for p in paras]
            headline = one_line(reuters_brackets(title))
            key = headline + "\n" + "\n".join(paras)
            if "<" in key or ">" in key:
                continue  # a bracket left open by the wire: garbled
            if key in seen:
                continue  # the collection repeats some stories word for word
            seen.add(key)
            newid = item.get("NEWID", "")
            date = ""
            dm = re.match(r"\s*(\d+)-([A-Z]{3})-(\d{4})", item.findtext("DATE") or "")
            if dm and dm.group(2) in MONTHS:
                date = f"{dm.group(3)}-{MONTHS[dm.group(2)]:02d}-{int(dm.group(1)):02d}"
            yield Article(id=f"NEWID-{int(newid):05d}", headline=headline, paragraphs=paras,
                          date=date, source=f"{REUTERS_REPO}:{path} NEWID={newid}")


# --------------------------------------------------------------------------------------------
# The outlets


@dataclass
class Outlet:
    name: str
    repo: str
    read: Callable[[Snapshot], Iterator[Article]]
    title: str
    licence: str
    credit: str
    style: str
    era: str
    changes: list[str] = field(default_factory=list)


OUTLETS = [
    Outlet(
        name="guardian-onestopenglish",
        repo=OSE_REPO,
        read=ose_articles,
        title="The Guardian, adapted by onestopenglish (OneStopEnglish corpus, Advanced level)",
        licence="CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as the corpus "
                "repository states for the whole corpus",
        credit="Texts from the OneStopEnglish corpus (Sowmya Vajjala and Ivana Lučić, 2018, "
               "https://github.com/nishkalavallabhi/OneStopEnglishCorpus), CC BY-SA 4.0: "
               "Guardian News articles adapted by onestopenglish.com (Macmillan Education).",
        style="British (The Guardian), web",
        era="2012-2016 (no dates in the corpus)",
        changes=[
            "Only the Advanced level, the one closest to the Guardian's own copy; it is still "
            "an adaptation made for learners, not the article as the Guardian ran it.",
            "The corpus has no headlines: the file's topic label (\"Arctic mapping\") stands "
            "in for one, with the \"WNL\" prefix dropped and the first letter capitalised.",
            "Section heads and numbered list-item titles (short lines without a full stop) "
            "left out.",
            "PDF extraction damage undone: ligature characters, compounds split at a line-end "
            "hyphen (\"high- powered\"), a space before a closing quote or before , . ; : "
            "where italics were removed.",
        ],
    ),
    Outlet(
        name="digitalgov",
        repo=DG_REPO,
        read=dg_articles,
        title="Digital.gov news (US General Services Administration)",
        licence="Public domain: a work of the US federal government (17 U.S.C. § 105); the "
                "repository dedicates it to the public domain under CC0 1.0 "
                "(https://creativecommons.org/publicdomain/zero/1.0/)",
        credit="News posts from Digital.gov (https://digital.gov), US General Services "
               "Administration, public domain; source files from "
               "https://github.com/GSA/digitalgov.gov.",
        style="American (US federal government web copy, plain-language guidance)",
        era="2010-2025",
        changes=[
            "Hugo Markdown turned into the text a reader saw: links, emphasis, inline HTML and "
            "shortcodes removed, HTML entities decoded (curly and straight quotes as written).",
            "Left out: headings, lists, tables, code, images, embedded tweets and videos, "
            "sidebar boxes and pull quotes, a lead-in sentence ending in a colon whose list was "
            "left out, italic editor's notes and author bios, \"originally published on\" lines.",
            "Whole posts left out: redirects and drafts, posts whose lists and tables hold more "
            "than half as many words as the running copy, posts with markup left over.",
        ],
    ),
    Outlet(
        name="reuters-1987",
        repo=REUTERS_REPO,
        read=reuters_articles,
        title="Reuters newswire, 1987 (Reuters-21578, Distribution 1.0)",
        licence="NOT openly licensed: \"The copyright for the text of newswire articles and "
                "Reuters annotations in the Reuters-21578 collection resides with Reuters Ltd. "
                "Reuters Ltd. and Carnegie Group, Inc. have agreed to allow the free "
                "distribution of this data *for research purposes only*.\" (README_LEWIS.txt). "
                "Use it for measurement here; do not commit or redistribute it.",
        credit="Reuters-21578, Distribution 1.0 (David D. Lewis; Reuters Ltd. and Carnegie "
               "Group, Inc.), XML version by S. Luz, as copied into "
               "https://github.com/haseebr/irengine.",
        style="Wire copy (Reuters, mostly its US desks: American spelling, wire abbreviations "
              "such as dlrs, mln, pct)",
        era="February-October 1987",
        changes=[
            "The dateline (\"WASHINGTON, March 2 - \") and the \"Reuter\" sign-off left out; "
            "headlines kept in the wire's capitals.",
            "Wrapped wire lines joined; a paragraph is a line indented four spaces.",
            "Bracketed tickers (\"ITT Corp <ITT.N>\", \"[OLBV.VI]\") removed; the angle brackets that mark an "
            "unlisted company (<Hong Kong and Shanghai Banking Corp>) removed, the name kept.",
            "Whole items left out: briefs, items with tables or columns, paragraphs that do not "
            "end as sentences (results written as lines), stories whose capitals were lost in "
            "transmission, all-capitals items, placeholder bodies, exact repeats.",
        ],
    ),
]


# --------------------------------------------------------------------------------------------
# Writing an outlet


def article_text(a: Article) -> str:
    return a.headline + "\n\n" + "\n\n".join(a.paragraphs) + "\n"


def split_of(outlet: str, art_id: str) -> str:
    # First byte of a hash of the id: even -> dev, odd -> heldout. Independent of order and of
    # which other articles exist, so an article keeps its split across rebuilds.
    return "dev" if sha(f"split:{outlet}:{art_id}")[0] % 2 == 0 else "heldout"


def select(outlet: str, articles: list[Article], cap: int, salt: str = "sample") -> list[Article]:
    """Every article if the outlet fits under cap words, else a stable pseudo-random sample."""
    if sum(a.words() for a in articles) <= cap:
        return articles
    chosen, total = [], 0
    for a in sorted(articles, key=lambda a: sha(f"{salt}:{outlet}:{a.id}")):
        if total + a.words() > cap:
            continue  # a shorter one further on may still fit
        chosen.append(a)
        total += a.words()
    return chosen


def tsv_cell(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text)


def write_outlet(o: Outlet, snap: Snapshot, articles: list[Article], out_root: Path,
                 fresh: list[Article] = ()) -> dict:
    out_root.mkdir(parents=True, exist_ok=True)
    tmp = out_root / f".building-{o.name}-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    for split in ("dev", "heldout") + (("fresh",) if fresh else ()):
        (tmp / split).mkdir(parents=True)
    rows, stats = [], {"dev": [0, 0], "heldout": [0, 0], "fresh": [0, 0]}
    used: set[str] = set()
    placed = [(a, split_of(o.name, a.id)) for a in articles] + [(a, "fresh") for a in fresh]
    for a, split in sorted(placed, key=lambda p: p[0].id):
        base = f"{slug(a.headline)}-{sha(a.id).hex()[:6]}"
        while base in used:  # two ids with the same hash prefix and headline: unlikely, but
            base += "x"
        used.add(base)
        rel = f"{split}/{base}.txt"
        (tmp / rel).write_text(article_text(a), encoding="utf-8", newline="\n")
        stats[split][0] += 1
        stats[split][1] += a.words()
        rows.append([rel, split, a.date, str(a.words()), tsv_cell(a.headline), tsv_cell(a.source)])
    with open(tmp / "MANIFEST.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tsplit\tdate\twords\theadline\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    dates = sorted(a.date for a in articles if a.date)
    span = f"{dates[0]} to {dates[-1]}" if dates else o.era
    readme = [
        f"# {o.name}: {o.title}",
        "",
        "Built by `python scripts/build_outlets.py` (see ../../OUTLETS.md); rebuild, do not edit.",
        "",
        f"- Source: https://github.com/{o.repo}, commit `{snap.commit}`",
        f"- Licence: {o.licence}",
        f"- Credit: {o.credit}",
        f"- House style: {o.style}",
        f"- Published: {span}",
        f"- Articles: {len(articles)} ({sum(a.words() for a in articles):,} words); "
        f"dev {stats['dev'][0]} ({stats['dev'][1]:,} words), "
        f"heldout {stats['heldout'][0]} ({stats['heldout'][1]:,} words)"
        + (f", fresh {stats['fresh'][0]} ({stats['fresh'][1]:,} words)" if fresh else ""),
        "",
        "Format: one article per UTF-8 file, the headline, a blank line, then the paragraphs "
        "separated by blank lines. `MANIFEST.tsv` gives each file's split, date (when known), "
        "words (whitespace tokens of headline and body), headline and source.",
        "",
        "Tune on `dev/`; report figures on `heldout/`"
        + ("; `fresh/` (articles the sample left out) confirms a figure once `heldout/` has been read."
           if fresh else "."),
        "",
        "## What was changed",
        "",
        *[f"- {c}" for c in o.changes],
        f"- Items with fewer than {MIN_BODY_WORDS} words of body left out.",
        "",
    ]
    (tmp / "README.md").write_text("\n".join(readme), encoding="utf-8", newline="\n")
    # Swap into place: the old folder stays whole until the new one is complete.
    final = out_root / o.name
    old = out_root / f".old-{o.name}-{os.getpid()}"
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    if old.exists():
        shutil.rmtree(old)
    return stats


def build(o: Outlet, mirror: Path, out_root: Path, cap: int, fresh_cap: int = 0) -> bool:
    git_dir = find_snapshot(mirror, o.repo)
    if git_dir is None:
        print(f"{o.name}: no snapshot of {o.repo} under {mirror}; "
              f"fetch github:{o.repo} with the search tool's fetch, then rerun")
        return False
    snap = Snapshot(git_dir)
    try:
        articles = [a for a in o.read(snap)
                    if a.headline and a.body_words() >= MIN_BODY_WORDS]
    except (OSError, subprocess.CalledProcessError, ET.ParseError, UnicodeDecodeError) as e:
        print(f"{o.name}: could not read {o.repo} at {git_dir}: {e}")
        return False
    finally:
        snap.close()
    if not articles:
        print(f"{o.name}: {o.repo} gave no articles (layout changed?); nothing written")
        return False
    total = len(articles)
    sampled_ids = {a.id for a in select(o.name, articles, cap)}
    rest = [a for a in articles if a.id not in sampled_ids]
    fresh = select(o.name, rest, fresh_cap, salt="fresh") if rest and fresh_cap > 0 else []
    articles = [a for a in articles if a.id in sampled_ids]
    stats = write_outlet(o, snap, articles, out_root, fresh)
    words = stats["dev"][1] + stats["heldout"][1]
    sampled = f", sampled from {total}" if len(articles) < total else ""
    print(f"{o.name}: {len(articles)} articles{sampled}, {words:,} words; "
          f"dev {stats['dev'][0]} articles / {stats['dev'][1]:,} words, "
          f"heldout {stats['heldout'][0]} / {stats['heldout'][1]:,}"
          + (f", fresh {stats['fresh'][0]} / {stats['fresh'][1]:,} " if fresh else " ") +
          f"({o.repo}@{snap.commit[:12]})")
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Rebuild benchmarks/outlets/ (published news copy from outlets other than "
                    "Wikinews) from git snapshots fetched under the mirror folder.",
        epilog="Outlets: " + ", ".join(f"{o.name} ({o.repo})" for o in OUTLETS),
    )
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR,
                    help=f"folder holding the fetched snapshots (default {DEFAULT_MIRROR}, "
                         "or $NEWSLINT_MIRROR)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output folder (default benchmarks/outlets; keep it git-ignored)")
    ap.add_argument("--only", action="append", metavar="NAME",
                    choices=[o.name for o in OUTLETS], help="build only this outlet (repeatable)")
    ap.add_argument("--cap-words", type=int, default=DEFAULT_CAP_WORDS,
                    help=f"sample an outlet down to this many words (default {DEFAULT_CAP_WORDS:,})")
    ap.add_argument("--fresh-words", type=int, default=DEFAULT_FRESH_WORDS,
                    help="words of the third split, fresh/, drawn from what the sample left out "
                         f"(default {DEFAULT_FRESH_WORDS:,}; 0 for none)")
    args = ap.parse_args(argv)
    built = 0
    for o in OUTLETS:
        if args.only and o.name not in args.only:
            continue
        built += build(o, args.mirror, args.out, args.cap_words, args.fresh_words)
    if not built:
        print("no outlet could be built", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
