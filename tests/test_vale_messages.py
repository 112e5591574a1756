"""#14 item 11: messages as Vale prints them (core.CondSprintf, then FormatAlert's WhitespaceToSpace)."""

import pytest

from helpers import newslint, write

from newslint.checks._vale import fill


@pytest.mark.parametrize("template,args,want", [
    ("Avoid '%s'.", ("very",), "Avoid 'very'."),
    ("Use '%s' instead of '%s'.", ("a",), "Use 'a' instead of 'a'."),  # newslint's repeat of the last argument
    ("%d words in '%s'", ("x",), "%!d(string=x) words in ''"),  # Go's mismatch, as Vale prints it
    ("%q and %[1]s and 50%%", ('a"b',), '"a\\"b" and a"b and 50%'),
    ("%[2]s before %[1]s", ("a", "b"), "b before a"),
    ("%[3]s", ("a",), "%!s(BADINDEX)"),
    ("Hint \"%s\" here.\nSecond   line", ("```sh\n",), 'Hint "```sh " here. Second line'),
])
def test_fill(template, args, want):
    assert fill(template, args) == want


def test_a_raw_match_with_a_newline_is_one_line_in_the_message(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Fence.yml",
          "extends: existence\nmessage: 'Hint \"%s\" must be\n  one of: yaml.'\nscope: raw\nraw: ['```sh\\s']\n")
    write(tmp_path / "a.md", "Text.\n\n```sh\nls\n```\n")
    r = newslint("check", "--format", "json", "a.md", cwd=tmp_path)
    assert [(f["line"], f["message"]) for f in r.json["findings"]] == [(3, 'Hint "```sh " must be one of: yaml.')]
