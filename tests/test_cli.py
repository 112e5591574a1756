"""The command line end to end: exit codes, formats, bad input, rule commands."""

import pytest

from helpers import house_pack, newslint, write

CLEAN = "A clean headline\n\nNothing wrong here.\n"


@pytest.fixture
def repo(tmp_path):
    house_pack(tmp_path)
    return tmp_path


def test_version():
    r = newslint("--version")
    assert r.code == 0 and r.out.startswith("newslint ")


def test_exit_0_on_clean_copy(repo):
    write(repo / "a.txt", CLEAN)
    r = newslint("check", "a.txt", cwd=repo)
    assert r.code == 0, r.err
    assert "No findings in 1 file." in r.out


def test_exit_1_and_text_format(repo):
    write(repo / "a.txt", "Headline\n\nWe utilize\ttabs here.\n")
    r = newslint("check", "a.txt", "--no-color", cwd=repo)
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[0] == "a.txt:3:4: warning House.Utilize Use 'use' instead of 'utilize'."
    assert lines[1] == "    We utilize tabs here."
    assert lines[2] == "       ^^^^^^^"
    assert lines[-1] == "1 finding (1 warning) in 1 file."


def test_json_format_fields(repo):
    write(repo / "a.md", "# Title\n\nPlease utilize it.\n")
    r = newslint("check", "a.md", "--format", "json", cwd=repo)
    assert r.code == 1
    data = r.json
    assert data["version"] == 1
    assert data["findings"] == [{
        "path": "a.md", "line": 3, "col": 8, "end_line": 3, "end_col": 15, "rule": "House.Utilize",
        "severity": "warning", "message": "Use 'use' instead of 'utilize'.", "match": "utilize",
        "suggestions": [], "fix": None, "fingerprint": data["findings"][0]["fingerprint"]}]
    assert len(data["findings"][0]["fingerprint"]) == 32
    assert data["summary"]["files"] == 1 and data["summary"]["warnings"] == 1


def test_json_printed_without_findings(repo):
    write(repo / "a.txt", CLEAN)
    r = newslint("check", "a.txt", "-f", "json", cwd=repo)
    assert r.code == 0 and r.json["findings"] == [] and r.json["summary"]["findings"] == 0


def test_fail_on_and_min_severity(repo):
    write(repo / "a.txt", "Headline\n\nIt is very good.\n")
    assert newslint("check", "a.txt", cwd=repo).code == 0  # a suggestion does not fail by default
    assert newslint("check", "a.txt", "--fail-on", "suggestion", cwd=repo).code == 1
    r = newslint("check", "a.txt", "--min-severity", "warning", "--fail-on", "suggestion", cwd=repo)
    assert r.code == 0 and "No findings" in r.out
    write(repo / "b.txt", "Headline\n\nWe utilize it.\n")
    assert newslint("check", "b.txt", "--fail-on", "never", cwd=repo).code == 0
    assert newslint("check", "b.txt", "--fail-on", "error", cwd=repo).code == 0


def test_select_and_ignore(repo):
    write(repo / "a.txt", "Headline\n\nWe utilize very much.\n")
    sel = newslint("check", "a.txt", "--select", "House.Very", "-f", "json", cwd=repo).json
    assert [f["rule"] for f in sel["findings"]] == ["House.Very"]
    ign = newslint("check", "a.txt", "--ignore", "House.Very", "-f", "json", cwd=repo).json
    assert [f["rule"] for f in ign["findings"]] == ["House.Utilize"]
    r = newslint("check", "a.txt", "--select", "House.Vary", cwd=repo)
    assert r.code == 2 and "did you mean House.Very" in r.err


def test_stdin_with_ext(repo):
    r = newslint("check", "-", "--ext", ".md", "-f", "json", cwd=repo, stdin=b"Use `utilize` but utilize.\n")
    assert r.code == 1
    assert [(f["path"], f["line"], f["col"]) for f in r.json["findings"]] == [("-", 1, 19)]


def test_folders_globs_and_hidden(repo):
    write(repo / "news" / "a.md", "We utilize.\n")
    write(repo / "news" / ".hidden" / "b.md", "We utilize.\n")
    write(repo / "news" / "node_modules" / "c.md", "We utilize.\n")
    write(repo / "news" / "d.json", "utilize")
    paths = {f["path"] for f in newslint("check", "news", "-f", "json", cwd=repo).json["findings"]}
    assert paths == {"news/a.md"}
    assert newslint("check", "news/*.md", "-f", "json", cwd=repo).json["summary"]["files"] == 1


@pytest.mark.parametrize("data,why", [
    (b"Title\n\nbad \xff byte\n", "a.txt:3: not valid UTF-8 (byte 0xff)"),
    (b"Title\n\x00\x01binary", "a.txt:2: binary file"),
])
def test_bad_article_is_one_line_and_others_still_checked(repo, data, why):
    (repo / "a.txt").write_bytes(data)
    write(repo / "b.txt", "Headline\n\nWe utilize it.\n")
    r = newslint("check", "a.txt", "b.txt", "-f", "json", cwd=repo)
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newslint: {why}")
    assert [f["path"] for f in r.json["findings"]] == ["b.txt"]


def test_missing_file(repo):
    r = newslint("check", "nope.md", cwd=repo)
    assert r.code == 2 and r.err.strip() == "newslint: nope.md: no such file or folder"


@pytest.mark.parametrize("args,needle", [
    (["check", "--format", "xml", "x"], "--format"),
    (["check", "--bogus", "x"], "No such option"),
    (["check"], "Missing argument"),
    (["check", "--ext", ".doc", "-"], "--ext"),
    (["explain", "No.Such"], "no rule named"),
])
def test_usage_errors_exit_2_one_line(repo, args, needle):
    r = newslint(*args, cwd=repo)
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1 and needle in r.err
    assert "Traceback" not in r.err


RULE_ERRORS = [
    ("extends: existence\nmessage: x\ntokens: [a]\nbogus: 1\n", ":4: unknown key 'bogus'"),
    ("extends: existence\nmessage: x\ntokens: a\n", ":3: 'tokens' must be a list"),
    ("extends: existence\nmessage: x\ntokens: ['(unclosed']\n", ":3: bad regular expression"),
    ("message: x\ntokens: [a]\n", ":1: missing required key 'extends'"),
    ("extends: existence\nmessage: [x\n", ":3: invalid YAML"),
    ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n", ":3: 'level' must be one of"),
    ("extends: nosuchkind\nmessage: x\n", ":1: unknown kind"),
    ("extends: script\nmessage: x\nscript: 'x := 1'\n", ":1: Vale's 'script' kind"),
    ("- just\n- a list\n", ":1: a rule must be a YAML mapping"),
]


@pytest.mark.parametrize("yaml_text,expected", RULE_ERRORS, ids=[e[1] for e in RULE_ERRORS])
def test_broken_rule_stops_everything_under_strict(repo, yaml_text, expected):
    (repo / "House" / "Broken.yml").write_text(yaml_text)
    write(repo / "a.txt", "Headline\n\nWe utilize it.\n")
    r = newslint("check", "--strict", "a.txt", cwd=repo)
    assert r.code == 2
    assert r.out == ""  # nothing checked
    err = r.err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("newslint: ") and "House/Broken.yml" + expected in err, err


@pytest.mark.parametrize("yaml_text,expected", RULE_ERRORS, ids=[e[1] for e in RULE_ERRORS])
def test_broken_rule_is_skipped_with_one_warning(repo, yaml_text, expected):
    (repo / "House" / "Broken.yml").write_text(yaml_text)
    write(repo / "a.txt", "Headline\n\nWe utilize it.\n")
    r = newslint("check", "a.txt", "--no-color", cwd=repo)
    assert r.code == 1, r.err  # the other rules ran
    assert r.out.startswith("a.txt:3:4: warning House.Utilize")
    err = r.err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("newslint: warning: ") and "House/Broken.yml" + expected in err, err
    assert err.endswith("rule skipped (--strict makes this an error)")


def test_broken_config(repo):
    write(repo / ".newslint.yaml", "packs: [./House]\nrulez: {}\n")
    write(repo / "a.txt", CLEAN)
    r = newslint("check", "a.txt", cwd=repo)
    assert r.code == 2 and r.out == ""
    assert r.err.strip().endswith(".newslint.yaml:2: unknown key 'rulez' (known: packs, rules, min_severity, vocabulary, overrides, ignore, regex_timeout, languagetool, serve)")


@pytest.mark.parametrize("value", [".nan", ".inf", "0", "-1", "61", "true", "soon"])
def test_regex_timeout_must_be_a_finite_budget(repo, value):
    write(repo / ".newslint.yaml", f"packs: [./House]\nregex_timeout: {value}\n")
    write(repo / "a.txt", CLEAN)
    r = newslint("check", "a.txt", cwd=repo)
    assert r.code == 2 and r.err.strip().endswith(".newslint.yaml:2: 'regex_timeout' must be a number of seconds from 0.01 to 60"), r.err


def test_runaway_regex_is_stopped_and_reported(repo):
    write(repo / "House" / "Slow.yml", """
        extends: existence
        message: slow
        raw: ['(a|aa)+$']
        """)
    write(repo / ".newslint.yaml", "packs: [./House]\nregex_timeout: 0.2\n")
    write(repo / "a.txt", "Headline\n\n" + "a" * 60 + "!\n")
    write(repo / "b.txt", "Headline\n\nWe utilize it.\n")
    r = newslint("check", "a.txt", "b.txt", "-f", "json", "--select", "House.Slow", "--select", "House.Utilize", cwd=repo, timeout=60)
    assert r.code == 2
    assert "rule House.Slow" in r.err and "time limit" in r.err
    assert [f["path"] for f in r.json["findings"]] == ["b.txt"]


def test_config_overrides_and_levels(repo):
    write(repo / ".newslint.yaml", """
        packs: [./House]
        rules: {House.Very: error}
        overrides:
          - files: ["opinion/*"]
            rules: {House.Very: off}
        """)
    write(repo / "news" / "a.txt", "Headline\n\nIt is very good.\n")
    write(repo / "opinion" / "b.txt", "Headline\n\nIt is very good.\n")
    data = newslint("check", "news", "opinion", "-f", "json", cwd=repo).json
    assert [(f["path"], f["severity"]) for f in data["findings"]] == [("news/a.txt", "error")]


def test_config_found_upward_and_explicit(repo, tmp_path_factory):
    write(repo / "deep" / "er" / "a.txt", "Headline\n\nWe utilize it.\n")
    assert newslint("check", "deep/er/a.txt", cwd=repo).code == 1
    other = tmp_path_factory.mktemp("other")
    write(other / "a.txt", "Headline\n\nWe utilize it.\n")
    assert newslint("check", other / "a.txt", "--config", repo / ".newslint.yaml").code == 1


def test_vocabulary(repo):
    write(repo / ".newslint.yaml", "packs: [./House]\nvocabulary: {accept: [Utilize], reject: [cease-fire]}\n")
    write(repo / "a.txt", "Headline\n\nWe Utilize a cease-fire, utilize.\n")
    data = newslint("check", "a.txt", "-f", "json", cwd=repo).json
    # 'Utilize' is accepted as written; 'utilize' in lower case is not; 'cease-fire' is rejected.
    assert [(f["rule"], f["col"]) for f in data["findings"]] == [("Vale.Avoid", 14), ("House.Utilize", 26)]


def test_rules_list_and_explain(repo):
    r = newslint("rules", "list", cwd=repo, )
    assert r.code == 0
    r = newslint("explain", "House.Utilize", "--config", repo / ".newslint.yaml")
    assert r.code == 0 and "House.Utilize (existence, warning" in r.out


def test_rules_test_passes_and_fails(repo):
    write(repo / "Good" / "R.yml", """
        extends: existence
        message: x
        tokens: [bad]
        examples:
          flag: [{text: "a bad day", at: ["1:3"]}]
          pass: ["a good day"]
        """)
    r = newslint("rules", "test", repo / "Good")
    assert r.code == 0 and "1 rules, 2 examples, 0 failed." in r.out
    write(repo / "Bad" / "R.yml", """
        extends: existence
        message: x
        tokens: [bad]
        examples:
          flag: [{text: "a bad day", at: ["1:4"]}]
          pass: ["bad"]
        """)
    r = newslint("rules", "test", repo / "Bad")
    assert r.code == 1 and "2 failed" in r.out and "expected ['1:4'], got ['1:3']" in r.out


def test_rules_test_checks_fixed_text(repo):
    write(repo / "Fix" / "R.yml", """
        extends: existence
        message: x
        tokens: ['really ']
        nonword: true
        fix: safe
        examples:
          flag: [{text: "a really bad day", at: ["1:3"], fixed: "a bad  day"}]
          pass: ["a bad day"]
        """)
    r = newslint("rules", "test", repo / "Fix")
    assert r.code == 1 and "expected ['a bad  day'], got ['a bad day']" in r.out


def test_json_summary_counts_error_findings_and_unchecked_files(repo):
    write(repo / "House" / "Bad.yml", "extends: existence\nmessage: x\nlevel: error\ntokens: [bad]\n")
    write(repo / "a.txt", "Headline\n\nA bad day.\n")
    (repo / "b.txt").write_bytes(b"\xff")
    summary = newslint("check", "a.txt", "b.txt", "-f", "json", cwd=repo).json["summary"]
    assert (summary["errors"], summary["unchecked"], summary["files"]) == (1, 1, 1)


def test_per_file_ignore_list_for_plain_text(repo):
    write(repo / ".newslint.yaml", """
        packs: [./House]
        ignore:
          - "drafts/*"
          - {"news/legacy-*.txt": [House.Utilize]}
        """)
    write(repo / "drafts" / "a.txt", "Headline\n\nWe utilize it.\n")
    write(repo / "news" / "legacy-1.txt", "Headline\n\nWe utilize it, very much.\n")
    write(repo / "news" / "new.txt", "Headline\n\nWe utilize it.\n")
    data = newslint("check", "drafts", "news", "-f", "json", cwd=repo).json
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [("news/legacy-1.txt", "House.Very"), ("news/new.txt", "House.Utilize")]
    assert data["summary"]["files"] == 2
    write(repo / ".newslint.yaml", "packs: [./House]\nignore: [{\"x\": \"House.Very\"}]\n")
    r = newslint("check", "news", cwd=repo)
    assert r.code == 2 and ".newslint.yaml:2: each 'ignore' entry" in r.err
