"""LanguageTool as a backend, against a local stub of /v2/check (tests/lt_stub.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import newslint, write
from lt_stub import Stub, closed_port_url
from newslint import languagetool_http as lt
from newslint.config import load_config
from newslint.document.reader import document_from_string
from newslint.engine import Selection, check_document
from newslint.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_breaker():
    lt.reset()
    yield
    lt.reset()


def project(tmp_path: Path, url: str, extra: str = "", settings: str = "") -> Path:
    """A folder with a House pack (flags 'utilize') and a config that adds LanguageTool."""
    write(tmp_path / "House" / "Utilize.yml", """
        extends: existence
        message: "Use 'use' instead of '%s'."
        level: warning
        tokens: [utilize]
        """)
    config = f"packs: [./House]\nlanguagetool:\n  url: {url}\n"
    config += "".join(f"  {line}\n" for line in settings.splitlines() if line.strip()) + extra
    (tmp_path / ".newslint.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def findings(tmp_path: Path, text: str, name: str = "a.md", selection: Selection = Selection()):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    config = load_config(tmp_path / ".newslint.yaml")
    doc = document_from_string(text, name.rsplit(".", 1)[1], path=str(path))
    return check_document(doc, config, selection)


def at(result) -> list[str]:
    return [f"{f.line}:{f.col}-{f.end_col} {f.rule} {f.match}" for f in result.findings]


# -- positions ------------------------------------------------------------------
def test_emoji_before_a_match_lands_on_the_right_column(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url)
        result = findings(tmp_path, "Title\n\n😀 We 🇵🇸 recieve it. 👍🏽 a apple\n")
    assert at(result) == [
        "3:9-16 LanguageTool.MORFOLOGIK_RULE_EN_US recieve",  # 😀 is one column, 🇵🇸 two (two code points)
        "3:24-25 LanguageTool.EN_A_VS_AN a",
    ]


def test_utf16_offsets_inside_and_after_surrogate_pairs():
    text = "a😀b"
    index = lt.utf16_map(text)
    assert index == [0, 1, 1, 2, 3]
    assert lt.span(index, 1, 2) == (1, 2)  # the emoji itself
    assert lt.span(index, 0, 4) == (0, 3)
    assert lt.span(index, 1, 1) == (1, 2)  # half a pair still covers the whole character
    assert lt.span(index, 3, 2) is None  # past the end


def test_front_matter_code_urls_and_html_are_never_sent(tmp_path):
    text = (
        "---\ntitle: Teh story\nauthor: recieve\n---\n"
        "# Ismail\n\n"
        "He said `recieve  x` and <b>recieve</b> at https://example.com/recieve today.\n\n"
        "```\nTeh code recieve\n```\n\n"
        "<!-- recieve -->\n"
    )
    with Stub() as stub:
        project(tmp_path, stub.url)
        result = findings(tmp_path, text)
        sent = [json.loads(r["data"])["annotation"] for r in stub.requests]
    visible = "".join(p.get("text", "") for parts in sent for p in parts)
    assert "author" not in visible and "code" not in visible and "example.com" not in visible
    # The title from front matter is prose; the HTML-tagged word is prose (the tags are markup).
    assert at(result) == [
        "2:8-11 LanguageTool.MORFOLOGIK_RULE_EN_US Teh",
        "5:3-9 LanguageTool.MORFOLOGIK_RULE_EN_US Ismail",
        "7:29-36 LanguageTool.MORFOLOGIK_RULE_EN_US recieve",
    ]


def test_the_whole_original_is_sent_as_text_plus_markup(tmp_path):
    """Offsets stay right because text + markup is exactly the original slice."""
    text = "---\ntitle: A story\n---\n\nA **bold** [link](http://x.org/a) and `code`.\n\n- item one\n"
    with Stub() as stub:
        project(tmp_path, stub.url)
        doc_result = findings(tmp_path, text)
        (request,) = stub.requests
    assert doc_result.errors == [] and doc_result.warnings == []
    parts = json.loads(request["data"])["annotation"]
    joined = "".join(p.get("text", p.get("markup", "")) for p in parts)
    assert joined == text[text.index("A story"): text.index("- item one") + len("- item one")]
    assert request["language"] == "en-US"


# -- splitting ------------------------------------------------------------------
def test_a_long_story_is_split_at_paragraphs_with_offsets_mapped_back(tmp_path):
    paragraphs = [f"Paragraph {i} 🎉 says we recieve a apple{'.' * (i % 3)}" + " More words here." * 4 for i in range(12)]
    text = "Headline\n\n" + "\n\n".join(paragraphs) + "\n"
    with Stub() as stub:
        project(tmp_path, stub.url, settings="max_chars: 300")
        result = findings(tmp_path, text, "a.txt")
        requests = [json.loads(r["data"])["annotation"] for r in stub.requests]
    assert len(requests) > 3
    for parts in requests:
        assert len("".join(p.get("text", p.get("markup", "")) for p in parts)) <= 300
        assert parts[0].get("text")  # every request starts on prose, at a block
    expected = []
    for n, line in enumerate(text.splitlines(), 1):
        if "recieve" in line:  # columns in code points: the 🎉 before each match is one column
            col = line.index("recieve") + 1
            expected.append(f"{n}:{col}-{col + 7} LanguageTool.MORFOLOGIK_RULE_EN_US recieve")
            col = line.index("a apple") + 1
            expected.append(f"{n}:{col}-{col + 1} LanguageTool.EN_A_VS_AN a")
    assert at(result) == expected
    assert len(expected) == 24


def test_one_huge_paragraph_is_split_between_sentences(tmp_path):
    sentences = [f"Sentence {i} says we recieve it." for i in range(40)]
    text = "Title\n\n" + " ".join(sentences) + "\n"
    with Stub() as stub:
        project(tmp_path, stub.url, settings="max_chars: 200")
        result = findings(tmp_path, text, "a.txt")
        texts = ["".join(p.get("text", "") for p in json.loads(r["data"])["annotation"]) for r in stub.requests]
    assert all(len(t) <= 200 for t in texts)
    assert all(t.rstrip().endswith(".") for t in texts[1:])  # cut after a sentence, never inside a word
    line = text.splitlines()[2]
    cols = [m.start() + 1 for m in re.finditer("recieve", line)]
    assert [(f.line, f.col) for f in result.findings] == [(3, c) for c in cols]


# -- failures -------------------------------------------------------------------
FAILURES = [
    ("http500", "HTTP 500 (Error: something went wrong)"),
    ("http429", "rate limited, HTTP 429 (Error: too many requests)"),
    ("http400", "HTTP 400 (Error: something went wrong)"),
    ("garbage", "malformed answer (not JSON)"),
    ("shape", "malformed answer (no 'matches' list)"),
    ("slow", "timed out after 0.5 s"),
    ("trickle", "timed out after 0.5 s"),
]


@pytest.mark.parametrize("mode,reason", FAILURES)
def test_a_failing_server_is_one_warning_and_the_other_rules_still_report(tmp_path, mode, reason):
    with Stub(mode=mode) as stub:
        project(tmp_path, stub.url, settings="timeout: 0.5")
        write(tmp_path / "a.md", "We utilize it and recieve it.\n")
        run = newslint("check", "a.md", "--no-cache", cwd=tmp_path)
        required = newslint("check", "a.md", "--no-cache", "--require", "languagetool", cwd=tmp_path)
    assert run.code == 1, run.err  # House.Utilize still fails the run, as it would without LanguageTool
    assert "House.Utilize" in run.out and "LanguageTool" not in run.out
    lines = run.err.splitlines()
    assert lines == [f"newslint: warning: LanguageTool server {stub.url}: {reason}; LanguageTool findings skipped"]
    assert required.code == 2
    assert f"{stub.url}: {reason}" in required.err and "warning" not in required.err


def test_connection_refused_keeps_exit_code_and_is_one_line_for_many_files(tmp_path):
    url = closed_port_url()
    project(tmp_path, url)
    for name in ("a.md", "b.md", "c.txt"):
        write(tmp_path / name, "Clean copy.\n")
    run = newslint("check", ".", "--no-cache", cwd=tmp_path)
    assert run.code == 0
    assert run.err.splitlines() == [
        f"newslint: warning: LanguageTool server {url}: connection refused; LanguageTool findings skipped (3 files)"]
    assert newslint("check", ".", "--no-cache", "--require", "languagetool", cwd=tmp_path).code == 2


def test_require_without_a_languagetool_config_is_an_error(tmp_path):
    write(tmp_path / ".newslint.yaml", "packs: []\n")
    write(tmp_path / "a.md", "Clean.\n")
    run = newslint("check", "a.md", "--require", "languagetool", cwd=tmp_path)
    assert run.code == 2 and "no config sets 'languagetool:'" in run.err
    assert newslint("check", "a.md", "--require", "spacy", cwd=tmp_path).code == 2


def test_require_passes_when_the_server_answers(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url)
        write(tmp_path / "a.md", "We recieve it.\n")
        run = newslint("check", "a.md", "--no-cache", "--require", "languagetool", "--format", "json", cwd=tmp_path)
    assert run.code == 1 and run.err == ""
    (finding,) = run.json["findings"]
    assert finding["rule"] == "LanguageTool.MORFOLOGIK_RULE_EN_US"
    assert (finding["line"], finding["col"], finding["severity"]) == (1, 4, "warning")
    assert finding["suggestions"] == ["receive"] and finding["fix"]["safe"] is False


def test_a_failed_run_is_not_cached(tmp_path):
    write(tmp_path / "a.md", "We recieve it.\n")
    cache = tmp_path / "cache"
    with Stub(mode="http500") as stub:
        project(tmp_path, stub.url)
        assert newslint("check", "a.md", "--cache-dir", cache, cwd=tmp_path).code == 0
        stub.mode = "ok"  # the same server (so the same config) comes back
        run = newslint("check", "a.md", "--cache-dir", cache, cwd=tmp_path)
        assert run.code == 1 and "recieve" in run.out
        before = len(stub.requests)
        again = newslint("check", "a.md", "--cache-dir", cache, cwd=tmp_path)
        assert again.out == run.out and len(stub.requests) == before  # a good run is cached


def test_a_server_that_failed_is_not_asked_again_for_every_file(tmp_path):
    with Stub(mode="http500") as stub:
        project(tmp_path, stub.url)
        for i in range(5):
            result = findings(tmp_path, f"Story {i} says recieve.\n")
            assert result.findings == [] and len(result.warnings) == 1
        assert len(stub.requests) == 1


# -- rules, levels, selection, suppression --------------------------------------
TEXT = "He said a apple was very unique and he go home.\n"


def test_severity_comes_from_category_and_issue_type(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url)
        result = findings(tmp_path, TEXT)
    assert [(f.rule, f.severity) for f in result.findings] == [
        ("LanguageTool.EN_A_VS_AN", "warning"),  # issueType misspelling
        ("LanguageTool.EN_UNIQUE", "suggestion"),  # STYLE
        ("LanguageTool.HE_VERB_AGR", "warning"),  # GRAMMAR
    ]


def test_disabled_rules_and_settings_are_sent(tmp_path):
    settings = """
language: en-GB
mother_tongue: de-DE
disabled_rules: [LanguageTool.EN_UNIQUE, EN_A_VS_AN]
enabled_categories: [STYLE]
picky: true
"""
    with Stub() as stub:
        project(tmp_path, stub.url, settings=settings)
        result = findings(tmp_path, TEXT)
        (form,) = stub.requests
    assert [f.rule for f in result.findings] == ["LanguageTool.HE_VERB_AGR"]
    assert form["language"] == "en-GB" and form["motherTongue"] == "de-DE" and form["level"] == "picky"
    assert form["disabledRules"] == "EN_UNIQUE,EN_A_VS_AN" and form["enabledCategories"] == "STYLE"


def test_per_rule_overrides_work_on_languagetool_names(tmp_path):
    extra = ("rules:\n  LanguageTool.EN_A_VS_AN: off\n  LanguageTool.EN_UNIQUE: error\n"
             "overrides:\n  - files: ['opinion/*']\n    rules: {LanguageTool: off}\n")
    with Stub() as stub:
        project(tmp_path, stub.url, extra=extra)
        result = findings(tmp_path, TEXT)
        (tmp_path / "opinion").mkdir()
        opinion = findings(tmp_path, TEXT, "opinion/b.md")
    assert [(f.rule, f.severity) for f in result.findings] == [
        ("LanguageTool.EN_UNIQUE", "error"), ("LanguageTool.HE_VERB_AGR", "warning")]
    assert opinion.findings == []


def test_the_whole_pack_level_wins_over_the_mapped_severity(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url, extra="rules:\n  LanguageTool: error\n")
        result = findings(tmp_path, TEXT)
    assert {f.severity for f in result.findings} == {"error"}


def test_an_unknown_rule_name_is_still_a_typo_warning(tmp_path):
    """A typo in `rules:` is a warning with a did-you-mean, as in --ignore (tests/test_cli_conventions.py);
    any LanguageTool.<RULE_ID> is a name, but only where `languagetool:` is configured."""
    with Stub() as stub:
        project(tmp_path, stub.url, extra="rules:\n  LanguageTol.X: off\n  LanguageTool.Y: off\n")
        (warning,) = load_config(tmp_path / ".newslint.yaml").unknown_rules()
        assert "unknown rule or pack 'LanguageTol.X'" in warning
    write(tmp_path / ".newslint.yaml", "packs: []\nrules:\n  LanguageTool.X: off\n")
    (warning,) = load_config(tmp_path / ".newslint.yaml").unknown_rules()  # no languagetool: configured
    assert "'LanguageTool.X'" in warning


def test_select_and_ignore_accept_languagetool_names(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url)
        write(tmp_path / "a.md", "We utilize " + TEXT)
        only = newslint("check", "a.md", "--no-cache", "--format", "json", "--select", "LanguageTool.EN_UNIQUE", cwd=tmp_path)
        pack = newslint("check", "a.md", "--no-cache", "--format", "json", "--select", "LanguageTool", cwd=tmp_path)
        ignored = newslint("check", "a.md", "--no-cache", "--format", "json", "--ignore", "LanguageTool.HE_VERB_AGR",
                           "--ignore", "House", cwd=tmp_path)
        typo = newslint("check", "a.md", "--select", "LanguageTol.EN_UNIQUE", cwd=tmp_path)
    assert [f["rule"] for f in only.json["findings"]] == ["LanguageTool.EN_UNIQUE"]
    assert len(pack.json["findings"]) == 3
    assert [f["rule"] for f in ignored.json["findings"]] == ["LanguageTool.EN_A_VS_AN", "LanguageTool.EN_UNIQUE"]
    assert typo.code == 2


def test_suppression_comments_name_languagetool_rules(tmp_path):
    text = ("<!-- newslint-disable-next-line LanguageTool.EN_A_VS_AN -->\n" + TEXT + "\n"
            "<!-- vale LanguageTool = NO -->\n\n" + TEXT)
    with Stub() as stub:
        project(tmp_path, stub.url)
        result = findings(tmp_path, text)
    assert [(f.line, f.rule) for f in result.findings] == [(2, "LanguageTool.EN_UNIQUE"), (2, "LanguageTool.HE_VERB_AGR")]


def test_replacements_are_unsafe_fixes(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url)
        path = write(tmp_path / "a.md", "We recieve a apple.\n")
        assert newslint("check", "a.md", "--fix", cwd=tmp_path).code == 1
        assert path.read_text() == "We recieve a apple.\n"
        newslint("check", "a.md", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert path.read_text() == "We receive an apple.\n"


def test_answers_without_optional_fields(tmp_path):
    with Stub(minimal=True) as stub:
        project(tmp_path, stub.url)
        result = findings(tmp_path, "We recieve a apple.\n")
    assert [(f.rule, f.col, f.severity, f.suggestions, f.fix) for f in result.findings] == [
        ("LanguageTool.MORFOLOGIK_RULE_EN_US", 4, "suggestion", (), None),
        ("LanguageTool.EN_A_VS_AN", 12, "suggestion", (), None),
    ]
    assert result.findings[0].message == "Possible spelling mistake found."


def test_odd_matches_are_skipped_not_fatal(tmp_path, monkeypatch):
    answer = {"matches": [
        {"message": "out of range", "offset": 999, "length": 3, "rule": {"id": "X"}},
        {"message": "no offset", "rule": {"id": "Y"}},
        "not a match",
        {"offset": 3, "length": 7},  # no message, no rule: still a finding, under the check's own name
    ]}
    monkeypatch.setattr(lt, "check", lambda *a, **k: answer)
    project(tmp_path, "http://127.0.0.1:9")
    result = findings(tmp_path, "We recieve it.\n")
    assert [(f.rule, f.col, f.message) for f in result.findings] == [("LanguageTool", 4, "LanguageTool finding")]


def test_markup_at_the_edges_of_a_span_is_trimmed_and_blocks_the_fix(tmp_path, monkeypatch):
    text = "We <b>recieve</b> the **the** news.\n"
    spans = [(3, 14, "receive"), (18, 11, "the")]  # "<b>recieve</b>", "the **the**"
    answer = {"matches": [{"message": "m", "offset": o, "length": n, "replacements": [{"value": v}],
                           "rule": {"id": "R"}} for o, n, v in spans]}
    monkeypatch.setattr(lt, "check", lambda *a, **k: answer)
    project(tmp_path, "http://127.0.0.1:9")
    result = findings(tmp_path, text)
    assert [(f.col, f.match, f.fix is not None) for f in result.findings] == [(7, "recieve", True), (19, "the **the", False)]


# -- noise control --------------------------------------------------------------
def test_spelling_matches_on_names_the_story_establishes_are_dropped(tmp_path):
    text = (
        "Hamas leader Ismail Haniyeh spoke on Tuesday.\n\n"
        "Haniyeh said Khalil had left. Teh talks recieve support.\n\n"
        "Hamdan agreed.\n"
    )
    with Stub() as stub:
        project(tmp_path, stub.url, extra="vocabulary:\n  accept: [Hamdan]\n")
        result = findings(tmp_path, text, "a.txt")
    # Haniyeh recurs; Ismail stands beside it; Hamdan is accepted. Khalil (once, alone),
    # the sentence-initial typo "Teh" and the lower-case "recieve" are still reported.
    assert [f.match for f in result.findings] == ["Khalil", "Teh", "recieve"]


def test_a_name_used_once_beside_another_single_word_is_reported(tmp_path):
    with Stub() as stub:
        project(tmp_path, stub.url)
        result = findings(tmp_path, "Title\n\nIsmail Haniyeh spoke.\n", "a.txt")
    assert [f.match for f in result.findings] == ["Ismail", "Haniyeh"]


# -- config ---------------------------------------------------------------------
@pytest.mark.parametrize("body,message", [
    ("languagetool: yes\n", "'languagetool' must be a mapping"),
    ("languagetool:\n  url: http://x\n  colour: red\n", "has no key 'colour'"),
    ("languagetool:\n  language: en-GB\n", "either 'url'"),
    ("languagetool:\n  url: http://x\n  local: true\n", "either 'url'"),
    ("languagetool:\n  url: localhost:8081\n", "http:// or https://"),
    ("languagetool:\n  url: http://x\n  timeout: 0\n", "positive number"),
    ("languagetool:\n  url: http://x\n  timeout: soon\n", "'languagetool.timeout' must be a number"),
    ("languagetool:\n  url: http://x\n  max_chars: 10\n", "at least 100"),
    ("languagetool:\n  url: http://x\n  disabled_rules: EN_QUOTES\n", "must be a list"),
])
def test_config_errors_name_the_file_and_line(tmp_path, body, message):
    path = write(tmp_path / ".newslint.yaml", "packs: []\n\n" + body)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:3: ") and message in str(info.value)


def test_fingerprint_changes_with_languagetool_settings(tmp_path):
    a = load_config(project(tmp_path / "a", "http://127.0.0.1:1") / ".newslint.yaml")
    b = load_config(project(tmp_path / "b", "http://127.0.0.1:1", settings="picky: true") / ".newslint.yaml")
    assert a.languagetool != b.languagetool and a.languagetool.url == "http://127.0.0.1:1"
    assert a.fingerprint != b.fingerprint


def test_endpoint_accepts_the_usual_spellings_of_a_server_url():
    for url in ("http://h:8081", "http://h:8081/", "http://h:8081/v2", "http://h:8081/v2/check"):
        assert lt.endpoint(url) == "http://h:8081/v2/check"


def test_local_true_without_java_is_a_warning_not_a_crash(tmp_path, monkeypatch):
    """`local: true` cannot really start here (no Java, no download): it must fail softly."""
    import sys
    import types

    def refuse(*args, **kwargs):
        raise OSError("java not found")

    monkeypatch.setitem(sys.modules, "language_tool_python", types.SimpleNamespace(LanguageTool=refuse))
    write(tmp_path / ".newslint.yaml", "packs: []\nlanguagetool:\n  local: true\n")
    result = findings(tmp_path, "We recieve it.\n")
    assert result.findings == []
    assert result.warnings == [("languagetool", "local LanguageTool server: could not start it "
                                "(OSError: java not found); LanguageTool findings skipped")]


# -- README ---------------------------------------------------------------------
def test_readme_documents_languagetool_and_its_example_loads(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Grammar and spelling with LanguageTool", 1)[1].split("\n## ", 1)[0]
    for needed in ("local: true", "Java", "--require languagetool", "UTF-16", "LanguageTool.", "disabled_rules",
                   "front matter", "max_chars", "timeout"):
        assert needed in section, needed
    example = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    write(tmp_path / ".newslint.yaml", example)
    config = load_config(tmp_path / ".newslint.yaml")
    assert config.languagetool.url and "LanguageTool" in {c.rule.name for c in config.checks}
