"""#14 item 4: HTML articles (a CMS export) read as a first-class input, positions in the HTML source."""

from pathlib import Path

import pytest

from helpers import newslint, write

from newslint.document.html import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def findings(*args, cwd=None, stdin=None):
    r = newslint("check", "--format", "json", "--no-nlp", "--no-cache", *args, cwd=cwd, stdin=stdin)
    assert r.code in (0, 1), r.err
    return r.json["findings"]


def test_cms_export_gives_the_markdown_articles_findings_at_its_own_positions():
    md = findings("article.md", cwd=FIXTURES)
    html = findings("article.html", cwd=FIXTURES)
    assert len(md) == 4
    assert [(f["rule"], f["message"], f["match"]) for f in html] == [(f["rule"], f["message"], f["match"]) for f in md]
    source = (FIXTURES / "article.html").read_text(encoding="utf-8").splitlines()
    for f in html:  # each finding sits on its text in the HTML source
        assert source[f["line"] - 1][f["col"] - 1:].startswith(f["match"]), f
    assert [(f["line"], f["col"]) for f in html] == [(5, 33), (14, 4), (14, 59), (18, 32)]


def test_stdin_with_ext_html():
    data = (FIXTURES / "article.html").read_bytes()
    got = findings("-", "--ext", ".html", "--stdin-filename", "x.html", cwd=FIXTURES, stdin=data)
    assert [(f["line"], f["col"]) for f in got] == [(5, 33), (14, 4), (14, 59), (18, 32)]


def test_script_style_code_and_pre_are_never_prose():
    text = ("<style>p::after { content: 'TK' }</style><script>let a = 'TK';</script>"
            "<p>Fine <code>TK</code> text.</p><pre>TK</pre><p>TK</p>")
    doc = parse_html("a.html", text)
    assert [doc.prose[b.start:b.end] for b in doc.blocks] == ["Fine" + " " * 17 + "text.", "TK"]
    assert doc.prose.count("TK") == 1 and len(doc.prose) == len(text)


def test_blocks_scopes_and_implied_ends():
    text = ("<title>Head line</title><h2>Sub</h2><p>One<p>Two &amp; more</p>"
            "<ul><li>a<li>b</ul><blockquote>Said.</blockquote>"
            "<table><tr><th>H</th></tr><tr><td>C</td></tr><caption>Cap</caption></table>"
            "<figure><img alt='Alt words' src=x><figcaption>Fig</figcaption></figure>")
    doc = parse_html("a.html", text)
    got = [(b.kind, b.level, doc.prose[b.start:b.end], getattr(b, "parts", ())) for b in doc.blocks]
    assert got == [
        ("title", 0, "Head line", ()), ("heading", 2, "Sub", ()), ("paragraph", 0, "One", ()),
        ("paragraph", 0, "Two &     more", ()), ("list", 0, "a", ()), ("list", 0, "b", ()),
        ("blockquote", 0, "Said.", ()), ("table", 1, "H", ()), ("table", 0, "C", ()),
        ("table", 0, "Cap", ("text", "table", "caption", "html")),
        ("meta", 0, "Alt words", ("text", "attr", "alt")),
        ("paragraph", 0, "Fig", ("text", "figure", "caption", "html")),
    ]


def test_comments_switch_rules_off(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Todo.yml", "extends: existence\nmessage: '%s'\ntokens: [TODO]\n")
    write(tmp_path / "a.html", "<p>TODO one</p>\n<!-- vale off -->\n<p>TODO two</p>\n<!-- vale on -->\n<p>TODO three</p>\n")
    assert [f["line"] for f in findings("a.html", cwd=tmp_path)] == [1, 5]


@pytest.mark.parametrize("ini,want", [
    ("", [(3, 4), (5, 28), (6, 18)]),  # Vale skips figure (its caption) by default
    ("SkippedScopes = script, style, pre\n", [(3, 4), (5, 28), (5, 52), (6, 18)]),
    ("IgnoredClasses = aside\n", [(3, 4), (5, 28)]),
    ("SkippedScopes = script, style, pre, figure, alt\n", [(3, 4), (6, 18)]),
])
def test_vale_skipped_scopes_and_ignored_classes(tmp_path, ini, want):
    write(tmp_path / ".vale.ini", f"StylesPath = styles\n{ini}[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Todo.yml", "extends: existence\nmessage: '%s'\ntokens: [TODO]\n")
    write(tmp_path / "a.html", "<html><body>\n<h1>Title</h1>\n<p>TODO in a paragraph.</p>\n<pre>TODO</pre>\n"
          "<p><img src='a.png' alt='A TODO image'><figure>Fig TODO</figure></p>\n"
          "<p class='aside'>TODO aside</p>\n</body></html>\n")
    assert [(f["line"], f["col"]) for f in findings("a.html", cwd=tmp_path)] == want


def test_raw_html_block_in_markdown_is_read_as_html_under_a_vale_config(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Todo.yml", "extends: existence\nmessage: '%s'\nscope: table.cell\ntokens: [TODO]\n")
    write(tmp_path / "a.md", "# T\n\n<table>\n  <tr><th>TODO</th></tr>\n  <tr><td>x TODO</td></tr>\n</table>\n")
    assert [(f["line"], f["col"]) for f in findings("a.md", cwd=tmp_path)] == [(5, 13)]


PIECES = ["<p>", "</p>", "<li>", "<ul>", "</ul>", "<b>", "</b>", "&amp;", "&#8217;", "&bogus;", "&", "<", ">", "<!--",
          "-->", "<![CDATA[x]]>", "<script>", "</script>", "<img alt='a b'>", "<h2>", "</h2>", "text ", "\r\n", "\r",
          "\n", "é", "<table><tr><td>", "</td>", "<th>", "<pre>", "</pre>", "<code>", "<!DOCTYPE html>",
          "<div class='x y'>", "</div>", "<br/>", "</nonsense>", "<title>", "</title>", "&#0;", "&#xffffff;"]


def test_hostile_html_never_crashes_and_keeps_offsets():
    import random

    rng = random.Random(1)
    for _ in range(500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        doc = parse_html("a.html", text)
        assert len(doc.prose) == len(text)
        assert all(0 <= b.start < b.end <= len(text) for b in doc.blocks), text


def test_cr_only_line_endings(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Todo.yml", "extends: existence\nmessage: '%s'\ntokens: [TODO]\n")
    (tmp_path / "a.html").write_bytes(b"<p>one</p>\r<p>two\rTODO</p>\r")
    assert [(f["line"], f["col"]) for f in findings("a.html", cwd=tmp_path)] == [(3, 1)]
