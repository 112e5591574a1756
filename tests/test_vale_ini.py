"""A `.vale.ini` read as Vale reads it: each key on a small Vale-style fixture."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import newslint, write  # noqa: E402

from newslint.vale.glob import compile_glob  # noqa: E402

HOUSE = {
    "House/Utilize.yml": """
        extends: existence
        message: "Use 'use' instead of '%s'."
        level: warning
        tokens: [utilize]
        """,
    "House/Very.yml": """
        extends: existence
        message: "Avoid '%s'."
        tokens: [very]
        """,  # no level: a warning, as in Vale
    "House/Bold.yml": """
        extends: existence
        message: "'%s' in bold."
        level: error
        scope: raw
        raw: ['\\*\\*\\w+\\*\\*']
        """,
}


def project(root: Path, ini: str, files: dict[str, str], styles: dict[str, str] | None = None,
            ini_name: str = ".vale.ini") -> Path:
    for name, text in (HOUSE if styles is None else styles).items():
        write(root / "styles" / name, text)
    write(root / ini_name, ini)
    for name, text in files.items():
        write(root / name, text)
    return root


def alerts(root: Path, *args: str, env: dict[str, str] | None = None) -> list[str]:
    run = newslint("check", "--format", "json", "--no-cache", "--fail-on", "never", *args, cwd=root, env=env)
    assert run.code == 0, run.err
    return [f"{f['path']}:{f['line']}:{f['col']}:{f['rule']}:{f['severity']}:{f['message']}" for f in run.json["findings"]]


INI = """
    StylesPath = styles
    MinAlertLevel = suggestion

    [*]
    BasedOnStyles = House
    """


def test_discovered_vale_ini_with_styles_path_relative_to_the_ini(tmp_path):
    project(tmp_path, INI, {"news/a.md": "We utilize it. A very big day.\n"})
    assert alerts(tmp_path / "news", "a.md") == [
        "a.md:1:4:House.Utilize:warning:Use 'use' instead of 'utilize'.",
        "a.md:1:18:House.Very:warning:Avoid 'very'.",  # no level in the YAML: warning, as Vale
    ]


@pytest.mark.parametrize("name", ["_vale.ini", ".vale/.vale.ini", "vale.ini", "_vale", ".vale"])
def test_every_vale_config_name_is_found(tmp_path, name):
    ini = INI.replace("StylesPath = styles", "StylesPath = " + ("../styles" if "/" in name else "styles"))
    project(tmp_path, ini, {"a.md": "We utilize it.\n"}, ini_name=name)
    assert [a.split(":")[3] for a in alerts(tmp_path, "a.md")] == ["House.Utilize"]


def test_nearest_config_wins_and_newslint_yaml_first_in_a_folder(tmp_path):
    project(tmp_path, INI, {"a.md": "We utilize it.\n", "sub/b.md": "We utilize it.\n"})
    write(tmp_path / "sub" / ".newslint.yaml", "packs: [../styles/House]\nrules: {House.Utilize: off}\n")
    write(tmp_path / "sub" / ".vale.ini", INI)
    assert [a.split(":")[3] for a in alerts(tmp_path, ".")] == ["House.Utilize"]  # sub/ uses its .newslint.yaml


def test_explicit_config_and_missing_style_error(tmp_path):
    project(tmp_path, INI + "\n[*.md]\nBasedOnStyles = House, Nope\n", {"a.md": "x\n"}, ini_name="my.ini")
    run = newslint("check", "--config", "my.ini", "a.md", cwd=tmp_path)
    assert run.code == 2
    assert run.err.count("\n") == 1 and "my.ini:8:" in run.err and "style 'Nope' does not exist" in run.err


def test_min_alert_level_and_flag_alias(tmp_path):
    project(tmp_path, INI.replace("suggestion", "error"), {"a.md": "We utilize **it**.\n"})
    assert [a.split(":")[3] for a in alerts(tmp_path, "a.md")] == ["House.Bold"]
    assert len(alerts(tmp_path, "--minAlertLevel", "warning", "a.md")) == 2


def test_rule_settings_and_later_sections_override(tmp_path):
    ini = INI + """
    House.Very = NO
    House.Bold = suggestion

    [*.{md,txt}]
    House.Very = YES

    [b.md]
    House.Very = NO
    House.Utilize = error
    """
    project(tmp_path, ini, {"a.md": "We utilize a very **big** day.\n", "b.md": "We utilize a very day.\n",
                            "c.txt": "very\n"})
    assert alerts(tmp_path, ".") == [
        "a.md:1:4:House.Utilize:error:Use 'use' instead of 'utilize'.",  # a level is global, as in Vale
        "a.md:1:14:House.Very:warning:Avoid 'very'.",
        "a.md:1:19:House.Bold:suggestion:'**big**' in bold.",
        "b.md:1:4:House.Utilize:error:Use 'use' instead of 'utilize'.",
        "c.txt:1:1:House.Very:warning:Avoid 'very'.",
    ]


def test_glob_sections_replace_base_styles_and_skip_unmatched_files(tmp_path):
    ini = "StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n\n[drafts/*.md]\nBasedOnStyles = Vale\n"
    project(tmp_path, ini, {"a.md": "We utilize the the day.\n", "drafts/b.md": "We utilize the the day.\n",
                            "c.txt": "We utilize it.\n"})
    assert [a.split(":", 4)[:4] for a in alerts(tmp_path, ".")] == [
        ["a.md", "1", "4", "House.Utilize"], ["drafts/b.md", "1", "12", "Vale.Repetition"]]


def test_vocab_terms_avoid_and_spelling(tmp_path):
    ini = "StylesPath = styles\nVocab = News\n\n[*]\nBasedOnStyles = Vale\n"
    styles = {"config/vocabularies/News/accept.txt": "Haniyeh\n(?i)al-qahera\n# a comment\n",
              "config/vocabularies/News/reject.txt": "cease-fire\n"}
    project(tmp_path, ini, {"a.txt": "Haniyeh met haniyeh near Al-Qahera after the cease-fire.\n"}, styles)
    assert alerts(tmp_path, "a.txt") == [
        "a.txt:1:13:Vale.Terms:error:Use 'Haniyeh' instead of 'haniyeh'.",
        "a.txt:1:46:Vale.Avoid:error:Avoid using 'cease-fire'.",
    ]


def test_plain_text_has_no_title_and_urls_are_text(tmp_path):
    styles = {"House/Title.yml": "extends: existence\nmessage: t\nscope: title\ntokens: [News]\n",
              "House/Www.yml": "extends: existence\nmessage: w\nlevel: error\ntokens: [example]\n"}
    project(tmp_path, INI, {"a.txt": "News today\n\nSee https://example.com now.\n"}, styles)
    assert [a.split(":", 4)[:4] for a in alerts(tmp_path, "a.txt")] == [["a.txt", "3", "13", "House.Www"]]


def test_ignore_syntax_reads_markdown_as_plain_text(tmp_path):
    project(tmp_path, INI, {"a.md": "Some `utilize` here.\n"})
    assert alerts(tmp_path, "a.md") == []
    assert [a.split(":")[1:4] for a in alerts(tmp_path, "--ignore-syntax", "a.md")] == [["1", "7", "House.Utilize"]]


def test_token_block_ignores_and_scopes(tmp_path):
    ini = """
    StylesPath = styles
    IgnoredScopes = code, strong
    SkippedScopes = blockquote, h1

    [*.md]
    BasedOnStyles = House
    TokenIgnores = (\\$\\w+\\$)
    BlockIgnores = (?s)(\\{%.*?%\\})
    """
    text = "# very\n\nA $utilize$ and **very** and very.\n\n> very\n\n{% utilize\nutilize %}\n\n## very\n"
    project(tmp_path, ini, {"a.md": text}, {k: v for k, v in HOUSE.items() if "Bold" not in k})
    assert [a.split(":")[:4] for a in alerts(tmp_path, "a.md")] == [["a.md", "3", "30", "House.Very"],
                                                                    ["a.md", "10", "4", "House.Very"]]


def test_formats_map_an_extension(tmp_path):
    ini = INI + "\n[formats]\nmdx = md\n"
    project(tmp_path, ini, {"a.mdx": "# Title\n\nSome `utilize` and utilize.\n"})
    assert [a.split(":")[1:4] for a in alerts(tmp_path, "a.mdx")] == [["3", "20", "House.Utilize"]]


def test_newslint_packs_beside_vale_styles(tmp_path):
    ini = INI + "\n[newslint]\npacks = Newsroom\n"
    project(tmp_path, ini, {"a.md": "We utilize [TK] here.\n"})
    rules = {a.split(":")[3] for a in alerts(tmp_path, "a.md")}
    assert "House.Utilize" in rules and any(r.startswith("Newsroom.") for r in rules)


def test_vale_comments_in_markdown(tmp_path):
    text = "utilize\n\n<!-- vale House.Utilize = NO -->\n\nutilize\n\n<!-- vale House.Utilize = YES -->\n\nutilize\n"
    project(tmp_path, INI, {"a.md": text})
    assert [a.split(":")[1] for a in alerts(tmp_path, "a.md")] == ["1", "9"]


@pytest.mark.parametrize("pattern, path, hit", [
    ("*.md", "docs/a.md", True), ("*.{md,txt}", "a.txt", True), ("*.{md,txt}", "a.py", False),
    ("a.md", "a.md", True), ("a.md", "x/a.md", False), ("docs/**/*.md", "docs/x/y/a.md", True),
    ("docs/*.md", "docs/x/a.md", True), ("**/*.md", "a.md", True), ("!*.md", "a.md", False),
])
def test_glob_semantics(pattern, path, hit):
    assert compile_glob(pattern).match(path) is hit


def test_no_styles_path_reads_the_default_one_and_its_package_pipeline(tmp_path):
    """As Grafana's image runs Vale: no StylesPath in the ini, so the styles and the `.vale-config`
    a package put there come from Vale's default StylesPath ($VALE_STYLES_PATH)."""
    project(tmp_path / "home", "x = 1\n", {}, ini_name="unused.ini")  # puts House under home/styles
    write(tmp_path / "home" / "styles" / ".vale-config" / "1-Hugo.ini",
          "[*.md]\nTokenIgnores = ({{<[^\\n]+?>}})\n")
    write(tmp_path / "doc" / ".vale.ini", "MinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = House\n"
          "TokenIgnores = (\\$\\w+\\$)\n")
    write(tmp_path / "doc" / "a.md", "We utilize {{< utilize >}} and $utilize$ it.\n")
    env = {"VALE_STYLES_PATH": str(tmp_path / "home" / "styles")}
    run = newslint("check", "--format", "json", "--no-cache", "a.md", cwd=tmp_path / "doc", env=env)
    assert [(f["line"], f["col"], f["rule"]) for f in run.json["findings"]] == [(1, 4, "House.Utilize")], run.err
    # Without the default StylesPath the style is nowhere: one error naming the ini's line.
    run = newslint("check", "a.md", cwd=tmp_path / "doc", env={"VALE_STYLES_PATH": str(tmp_path / "none")})
    assert run.code == 2 and ".vale.ini:4:" in run.err and "style 'House' does not exist" in run.err


def test_a_bad_pattern_in_a_package_pipeline_names_that_file_and_line(tmp_path):
    project(tmp_path, INI, {"a.md": "We utilize it.\n"})
    pipe = write(tmp_path / "styles" / ".vale-config" / "2-Pkg.ini", "[*.md]\n\nBlockIgnores = (unclosed\n")
    run = newslint("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and run.err.count("\n") == 1
    assert run.err.startswith(f"newslint: {pipe}:3:") and "bad regular expression in BlockIgnores" in run.err


def test_styles_in_the_default_styles_path_are_found_beside_the_ini_one(tmp_path):
    write(tmp_path / "global" / "Global" / "Very.yml", HOUSE["House/Very.yml"].replace("Avoid", "Global: avoid"))
    project(tmp_path, INI.replace("House", "House, Global"), {"a.md": "A very big day.\n"})
    found = alerts(tmp_path, "a.md", env={"VALE_STYLES_PATH": str(tmp_path / "global")})
    assert sorted(a.split(":")[3] for a in found) == ["Global.Very", "House.Very"]


def test_a_missing_style_named_by_a_package_pipeline_names_that_file(tmp_path):
    project(tmp_path, INI, {"a.md": "We utilize it.\n"})
    pipe = write(tmp_path / "styles" / ".vale-config" / "1-Pkg.ini", "[*.md]\n\nBasedOnStyles = Missing\n")
    run = newslint("check", "a.md", cwd=tmp_path)
    assert run.code == 2 and run.err.startswith(f"newslint: {pipe}:3:") and "style 'Missing'" in run.err, run.err


def test_the_pipeline_is_read_from_the_last_styles_path_as_vale_does(tmp_path):
    """Vale's StylesPath() is the last one written: its .vale-config, not the first one's."""
    project(tmp_path, INI.replace("StylesPath = styles", "StylesPath = styles\nStylesPath = other"),
            {"a.md": "We utilize $utilize$ it.\n"})
    write(tmp_path / "styles" / ".vale-config" / "1-First.ini", "[*.md]\nTokenIgnores = (We)\n")
    write(tmp_path / "other" / ".vale-config" / "1-Last.ini", "[*.md]\nTokenIgnores = (\\$\\w+\\$)\n")
    assert [a.split(":")[1:4] for a in alerts(tmp_path, "a.md")] == [["1", "4", "House.Utilize"]]
