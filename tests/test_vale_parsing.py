"""#14 item 10: `.vale.ini` and rule YAML that Vale reads and newslint used to refuse."""

from __future__ import annotations

from helpers import newslint, write

from newslint.vale.ini import parse_ini

UTILIZE = 'extends: existence\nmessage: "Don\\\'t use \'%s\'."\ntokens: [utilize]\n'


def run(root, *args):
    r = newslint("check", "--format", "json", "--no-cache", *args, cwd=root)
    assert r.code in (0, 1), r.err
    assert "Traceback" not in r.err
    return r


def test_backslash_continues_a_value_as_go_ini_does():
    sections = parse_ini("[*]\nTokenIgnores = (<http[^\\n]+>+?), \\*\\*[^\\n]+\\*\\*, \\\n"
                         "({{<[^\\n]+?>}}|{{%[^\\n]+?%}})\nBasedOnStyles = A\n", "x.ini")
    keys = sections[1].keys
    assert keys["TokenIgnores"].line == 2 and keys["BasedOnStyles"].line == 4
    assert keys["TokenIgnores"].items() == [r"(<http[^\n]+>+?)", r"\*\*[^\n]+\*\*", r"({{<[^\n]+?>}}|{{%[^\n]+?%}})"]


def test_continued_value_keeps_its_semicolon_and_ends_at_end_of_file():
    keys = parse_ini("A = x \\\n  y ; z \\\n  w", "x.ini")[0].keys
    assert keys["A"].value == "x   y ; z   w"


def test_grafana_style_ini_with_continuation_and_packages_runs(tmp_path):
    # writers-toolkit's vale/.vale.ini as shipped: Packages, then a continued TokenIgnores, no final newline.
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\nMinAlertLevel = suggestion\n"
        "Packages = Grafana, https://github.com/errata-ai/Hugo/releases/download/v0.2.0/Hugo.zip\n\n"
        "[*]\nBasedOnStyles = House\nTokenIgnores = (<http[^\\n]+>+?), \\*\\*[^\\n]+\\*\\*, \\\n"
        "({{<[^\\n]+?>}}|{{%[^\\n]+?%}})", encoding="utf-8")
    write(tmp_path / "styles/House/Utilize.yml", UTILIZE)
    write(tmp_path / "a.md", "# Title\n\nWe utilize it {{< ref \"utilize\" >}} and **utilize**.\n")
    r = run(tmp_path, "a.md")
    assert [(f["line"], f["col"], f["message"]) for f in r.json["findings"]] == [(3, 4, "Don't use 'utilize'.")]
    note = r.err.strip().splitlines()
    assert len(note) == 1 and ".vale.ini:3: Packages are not downloaded" in note[0], r.err


def test_name_key_and_escaped_apostrophe_in_a_rule(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Utilize.yml", "name: Whatever.Else\n" + UTILIZE)
    write(tmp_path / "a.md", "We utilize it.\n")
    r = run(tmp_path, "a.md")
    assert [(f["rule"], f["message"]) for f in r.json["findings"]] == [("House.Utilize", "Don't use 'utilize'.")]
    assert r.err == ""


def test_a_yaml_error_still_names_file_and_line(tmp_path):
    write(tmp_path / ".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = House\n")
    write(tmp_path / "styles/House/Bad.yml", 'extends: existence\nmessage: "a \\q b"\ntokens: [x]\n')
    write(tmp_path / "a.md", "Text.\n")
    r = newslint("check", "--strict", "a.md", cwd=tmp_path)
    assert r.code == 2 and "styles/House/Bad.yml:2: invalid YAML" in r.err, r.err
