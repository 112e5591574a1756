"""The conventions ruff, Vale and pre-commit users expect, through the real command line: colour
switches, output file, quiet, statistics, fixes shown and counted, stdin named, shell completion,
`init`, typos with a did-you-mean, and help texts that read as words."""

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from helpers import house_pack, newslint, write

REPEAT = "Headline\n\nWe utilize the the plan.\n"


@pytest.fixture
def repo(tmp_path):
    house_pack(tmp_path)
    return tmp_path


# -- colour ----------------------------------------------------------------------------------------
def test_no_color_and_force_color(repo):
    write(repo / "a.txt", "Headline\n\nWe utilize it.\n")
    assert "\x1b[" not in newslint("check", "a.txt", cwd=repo).out  # a pipe: no colour
    assert "\x1b[" in newslint("check", "a.txt", cwd=repo, env={"FORCE_COLOR": "1"}).out
    both = newslint("check", "a.txt", cwd=repo, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.out  # NO_COLOR wins over FORCE_COLOR
    assert "\x1b[" in newslint("check", "a.txt", "--color", cwd=repo, env={"NO_COLOR": "1"}).out  # the flag wins


# -- output ----------------------------------------------------------------------------------------
def test_output_file_quiet_and_statistics(repo):
    write(repo / "a.txt", "Headline\n\nWe utilize it, very very much. We utilize it.\n")
    r = newslint("check", "a.txt", "-f", "json", "--output-file", "report.json", cwd=repo)
    assert r.code == 1 and r.out == ""
    assert len(json.loads((repo / "report.json").read_text())["findings"]) == 4

    quiet = newslint("check", "a.txt", "--quiet", cwd=repo)
    assert quiet.code == 1 and "finding" not in quiet.out.splitlines()[-1] and "a.txt:3:4" in quiet.out

    stats = newslint("check", "a.txt", "--statistics", cwd=repo)
    assert stats.code == 1
    assert stats.out.splitlines()[:2] == ["2  House.Utilize", "2  House.Very"]
    rows = newslint("check", "a.txt", "--statistics", "-f", "json", cwd=repo).json
    assert rows == [{"rule": "House.Utilize", "count": 2, "fixable": 0}, {"rule": "House.Very", "count": 2, "fixable": 0}]
    bad = newslint("check", "a.txt", "--statistics", "-f", "sarif", cwd=repo)
    assert bad.code == 2 and "--statistics" in bad.err


def test_output_file_that_cannot_be_written_is_one_line(repo):
    write(repo / "a.txt", "Headline\n\nFine.\n")
    r = newslint("check", "a.txt", "--output-file", "no/such/dir/out.txt", cwd=repo)
    assert r.code == 2 and r.err.startswith("newslint: --output-file no/such/dir/out.txt: cannot write") and "Traceback" not in r.err


# -- fixes -------------------------------------------------------------------------------------------
def test_fixable_findings_are_marked_and_fix_says_what_it_did(repo):
    write(repo / ".newslint.yaml", "packs: [Newsroom, ./House]\n")
    write(repo / "a.txt", REPEAT)
    r = newslint("check", "a.txt", "--show-fixes", "--select", "House", "--select", "Newsroom.RepeatedWord", cwd=repo)
    lines = r.out.splitlines()
    assert any(re.match(r"a\.txt:3:\d+: \w+ Newsroom\.RepeatedWord \[\*\] ", line) for line in lines), r.out
    assert any(line.startswith("    fix (safe): delete 3:") for line in lines), r.out
    assert "a.txt:3:4: warning House.Utilize Use" in r.out  # not fixable: no mark
    assert lines[-1] == "[*] 1 fixable with --fix."

    fixed = newslint("check", "a.txt", "--fix", "--show-fixes", "--select", "House", "--select", "Newsroom.RepeatedWord", cwd=repo)
    assert "Fixed 1 finding in 1 file (1 remaining; 0 more with --unsafe-fixes)" in fixed.out, fixed.out
    assert "    a.txt: 1 × Newsroom.RepeatedWord" in fixed.out
    assert (repo / "a.txt").read_text() == "Headline\n\nWe utilize the plan.\n"


def test_fix_line_counts_unsafe_fixes_left(tmp_path):
    write(tmp_path / "a.md", "# Talks\n\nA cease-fire was agreed. The ceasefire holds. The ceasefire is fragile.\n")
    r = newslint("check", "a.md", "--fix", "--select", "Newsroom.Variants", "--no-cache", cwd=tmp_path)
    assert "Fixed 0 findings in 0 files (1 remaining; 1 more with --unsafe-fixes)" in r.out, r.out + r.err
    assert "Newsroom.Variants [~] " in r.out
    r = newslint("check", "a.md", "--fix", "--unsafe-fixes", "--select", "Newsroom.Variants", "--no-cache", cwd=tmp_path)
    assert "Fixed 1 finding in 1 file (0 remaining)" in r.out, r.out
    json_run = newslint("check", "a.md", "--fix", "-f", "json", "--no-cache", "--select", "Newsroom.Variants", cwd=tmp_path)
    json_run.json  # the fix line goes to stderr, so stdout stays JSON
    assert "Fixed 0 findings" in json_run.err


# -- stdin -------------------------------------------------------------------------------------------
def test_stdin_filename_applies_config_globs_and_path(repo):
    write(repo / ".newslint.yaml", """
        packs: [./House]
        overrides:
          - files: ["wire/*"]
            rules: {House.Utilize: off}
        ignore: ["drafts/*"]
        """)
    text = b"We utilize `utilize` very much.\n"
    r = newslint("check", "-", "--stdin-filename", "news/a.md", "-f", "json", cwd=repo, stdin=text)
    assert [(f["path"], f["rule"], f["col"]) for f in r.json["findings"]] == [("news/a.md", "House.Utilize", 4),
                                                                              ("news/a.md", "House.Very", 22)]
    wire = newslint("check", "-", "--stdin-filename", "wire/a.md", "-f", "json", cwd=repo, stdin=text)
    assert [f["rule"] for f in wire.json["findings"]] == ["House.Very"]
    draft = newslint("check", "-", "--stdin-filename", "drafts/a.md", "-f", "json", cwd=repo, stdin=text)
    assert draft.code == 0 and draft.json["summary"]["files"] == 0
    # the nearest config of the named file, not of the working folder
    write(repo / "other" / ".newslint.yaml", "packs: [../House]\nrules: {House.Very: off}\n")
    other = newslint("check", "-", "--stdin-filename", "other/a.txt", "-f", "json", cwd=repo, stdin=b"T\n\nvery utilize\n")
    assert [f["rule"] for f in other.json["findings"]] == ["House.Utilize"]
    assert newslint("check", "a.md", "--stdin-filename", "x.md", cwd=repo).code == 2


# -- completion and init -------------------------------------------------------------------------
def test_shell_completion_is_on():
    r = newslint(env={"_NEWSLINT_COMPLETE": "complete_bash", "COMP_WORDS": "newslint ch", "COMP_CWORD": "1"})
    assert r.code == 0 and r.out.split() == ["check"]
    assert "--install-completion" in newslint("--help").out


def test_init_writes_a_commented_config_and_never_overwrites(tmp_path):
    r = newslint("init", cwd=tmp_path)
    assert r.code == 0 and "Wrote .newslint.yaml" in r.out
    written = (tmp_path / ".newslint.yaml").read_text()
    assert written.startswith("# newslint configuration") and written.count("\n#") > 5
    write(tmp_path / "a.txt", "Headline\n\nTK: the figure.\n")
    check = newslint("check", "a.txt", "--no-nlp", "-f", "json", cwd=tmp_path)
    assert check.code == 1 and {f["rule"]: f["severity"] for f in check.json["findings"]} == {"Newsroom.Placeholder": "error"}

    (tmp_path / ".newslint.yaml").write_text("packs: []\n")
    again = newslint("init", cwd=tmp_path)
    assert again.code == 2 and "never overwrites" in again.err
    assert (tmp_path / ".newslint.yaml").read_text() == "packs: []\n"


def test_init_detects_a_vale_config(tmp_path):
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n")
    r = newslint("init", cwd=tmp_path)
    assert r.code == 0 and "Vale config" in r.out and ".vale.ini" in r.out
    assert not (tmp_path / ".newslint.yaml").exists()


# -- typos -------------------------------------------------------------------------------------------
TYPO = re.compile(r"unknown rule or pack '([^']+)' \(did you mean ([\w.]+)\?\)")


def test_unknown_names_warn_alike_everywhere(repo):
    write(repo / "a.md", "# Title\n\n<!-- newslint-disable-next-line House.Utilise -->\nWe utilize it.\n")
    r = newslint("check", "a.md", "--ignore", "House.Vary", "--select", "House", "--select", "Hous.Very", cwd=repo)
    assert r.code == 1
    warnings = [line for line in r.err.splitlines() if line]
    assert all(line.startswith("newslint: warning: ") for line in warnings), r.err
    assert sorted(TYPO.search(line).groups() for line in warnings) == [
        ("Hous.Very", "House.Very"), ("House.Utilise", "House.Utilize"), ("House.Vary", "House.Very")]
    assert any(line.startswith("newslint: warning: --ignore: ") for line in warnings)
    assert any(line.startswith("newslint: warning: a.md:3: suppression comment: ") for line in warnings)

    write(repo / ".newslint.yaml", "packs: [./House]\nrules:\n  House.Utilise: off\n")
    config = newslint("check", "a.md", cwd=repo)
    assert config.code == 1, config.err  # a warning, not a broken config: the rest still applies
    assert "newslint: warning: " in config.err and ".newslint.yaml:2: 'rules': unknown rule or pack 'House.Utilise' (did you mean House.Utilize?)" in config.err

    nothing = newslint("check", "a.md", "--select", "House.Vary", cwd=repo)
    assert nothing.code == 2 and "did you mean House.Very" in nothing.err and "nothing left to check" in nothing.err


# -- help -------------------------------------------------------------------------------------------
def _commands(args=()):
    out = newslint(*args, "--help", env={"COLUMNS": "200"}).out
    yield list(args), out
    if "Commands:" in out:
        for line in out.split("Commands:", 1)[1].splitlines():
            if line.startswith("  ") and line.split():
                yield from _commands((*args, line.split()[0]))


def test_every_help_text_reads_as_words():
    helps = dict((" ".join(args), out) for args, out in _commands())
    assert {"", "check", "init", "serve", "rules list", "rules test", "names learn", "furniture learn", "cache clear"} <= set(helps)
    for name, text in helps.items():
        leftovers = re.findall(r"<\w[\w\[\], |]*>|\[/?(?:bold|red|green|dim|cyan|yellow)\]|\\\[|\{[A-Z.]+\}", text)
        assert not leftovers, f"`newslint {name} --help` shows {leftovers}"
    check = helps["check"]
    assert "pip install 'newslint[dask]'" in check
    for flag, word in (("--select", "RULE"), ("--fail-on", "LEVEL"), ("--output-file", "FILE"), ("--stdin-filename", "PATH")):
        assert re.search(rf"{flag} {word}\b", check), flag
    assert "Usage: newslint check [OPTIONS] PATH..." in check
    assert "3  the port could not be bound" in helps["serve"]


def test_rules_list_shows_one_plain_sentence_per_rule():
    out = newslint("rules", "list").out
    for line in out.splitlines():
        summary = line.split(None, 3)[3]
        assert "**" not in summary and "`" not in summary and summary.endswith((".", ".”", '."', "…")), line


# -- the README's config example --------------------------------------------------------------------
def test_readme_config_example_runs(tmp_path):
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Configuration", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert '"(?i)al-qahera"' in block
    (tmp_path / ".newslint.yaml").write_text(block)
    house_pack(tmp_path / "styles")
    write(tmp_path / "a.txt", "Headline\n\nAl-Qahera News and AL-QAHERA said Haniyeh would utilize it.\n")
    r = newslint("check", "a.txt", "--no-nlp", cwd=tmp_path)
    assert r.code in (0, 1), r.err
    write(tmp_path / ".newslint.yaml", 'vocabulary: {accept: ["(?i)al-qahera", "a(b"]}\n')
    bad = newslint("check", "a.txt", "--no-nlp", cwd=tmp_path)
    assert bad.code == 2 and ".newslint.yaml:1: bad pattern 'a(b' in 'vocabulary.accept': missing )" in bad.err, bad.err
    assert len(bad.err.splitlines()) == 1


# -- --diff-base in a shallow clone ---------------------------------------------------------------
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_base_on_a_missing_or_shallow_ref_says_fetch_depth(tmp_path):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    origin = tmp_path / "origin"
    house_pack(origin)
    for i in range(2):
        write(origin / f"a{i}.txt", "Headline\n\nFine.\n")
        subprocess.run(["git", "init", "-q"], cwd=origin, check=True)
        subprocess.run(["git", "add", "."], cwd=origin, check=True)
        subprocess.run(["git", "commit", "-qm", f"c{i}"], cwd=origin, check=True, env={**__import__("os").environ, **env})
    missing = newslint("check", ".", "--diff-base", "origin/nope", cwd=origin)
    assert missing.code == 2 and "no such commit, branch or tag" in missing.err and "fetch-depth: 0" in missing.err
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    shallow = newslint("check", ".", "--diff-base", "HEAD~1", cwd=clone)
    assert shallow.code == 2 and "shallow" in shallow.err and "fetch-depth: 0" in shallow.err
    assert len(shallow.err.strip().splitlines()) == 1
