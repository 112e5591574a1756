"""Markdown read as Vale reads it: alt text (#14 item 2), IgnoredScopes on strong at a
paragraph's edge (item 10), IgnoredClasses on inline HTML (item 4)."""

from helpers import newslint, write

INI = "StylesPath = styles\n{core}[*]\nBasedOnStyles = House\n"


def alerts(tmp_path, core: str, scope: str, text: str):
    write(tmp_path / ".vale.ini", INI.format(core=core))
    write(tmp_path / "styles/House/Todo.yml", f"extends: existence\nmessage: '%s'\nscope: {scope}\ntokens: [TODO]\n")
    write(tmp_path / "a.md", text)
    r = newslint("check", "--format", "json", "--no-cache", "a.md", cwd=tmp_path)
    assert r.code in (0, 1), r.err
    return [(f["line"], f["col"]) for f in r.json["findings"]]


IMAGES = "Some text ![A TODO image](a.png) more TODO.\n\n![TODO alone](b.png)\n\n```\n![TODO code](c.png)\n```\n"


def test_alt_text_is_its_own_block(tmp_path):
    assert alerts(tmp_path, "", "alt", IMAGES) == [(1, 15), (3, 3)]


def test_alt_text_is_text_but_not_its_paragraph(tmp_path):
    assert alerts(tmp_path, "", "text", IMAGES) == [(1, 15), (1, 39), (3, 3)]
    assert alerts(tmp_path, "", "paragraph", IMAGES) == [(1, 39)]


def test_skipped_scopes_alt(tmp_path):
    assert alerts(tmp_path, "SkippedScopes = alt\n", "text", IMAGES) == [(1, 39)]


def test_ignored_strong_at_the_edges_of_a_paragraph(tmp_path):
    text = "**TODO first** then TODO and **TODO last**\n"
    assert alerts(tmp_path, "IgnoredScopes = code, strong\n", "text", text) == [(1, 21)]


def test_ignored_class_on_inline_html(tmp_path):
    text = '<span class="nop">TODO</span> and TODO.\n\nA <code class="x">TODO</code> <em class="other">TODO</em>\n'
    assert alerts(tmp_path, "IgnoredClasses = nop\n", "text", text) == [(1, 35), (3, 49)]  # <code> never prose, .nop skipped
