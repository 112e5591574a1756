"""`newslint serve`'s HTTP API, through FastAPI's TestClient: the same answers as the CLI, and no 500s."""

import json
import subprocess
import sys
import warnings

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # Starlette nags about httpx vs httpx2; the client works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conftest import ROOT
from newslint.server.app import create_app

SEED = (ROOT / "seeds" / "gaza-ceasefire-talks.txt").read_text(encoding="utf-8")

# A pack of our own, so the tests do not hang on the built-in rules of the day: a substitution
# with a suggestion and an unsafe fix, whose `pos` makes it need spaCy.
HOUSE_RULE = """\
extends: substitution
message: "Spell the name '%s', not '%s'."
level: error
pos: '.*'
swap:
  Hanyahu: Haniyeh
fix: unsafe
description: |
  **What it does.** Corrects a misspelt name. <script>alert(1)</script>
examples:
  flag:
    - text: "Ismail Hanyahu said."
      at: ["1:8"]
  pass:
    - "Ismail Haniyeh said."
"""


def write_config(folder):
    (folder / "House").mkdir()
    (folder / "House" / "Haniyeh.yml").write_text(HOUSE_RULE, encoding="utf-8")
    config = folder / ".newslint.yaml"
    config.write_text("packs: [Newsroom, ./House]\n", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    return write_config(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def client(config):
    return TestClient(create_app(config))


def cli(*args, stdin=""):
    run = subprocess.run([sys.executable, "-m", "newslint", *args], input=stdin, capture_output=True,
                         text=True, encoding="utf-8", cwd=ROOT)
    assert run.returncode in (0, 1), run.stderr
    return run.stdout


def rules_of(report):
    return [f["rule"] for f in report["findings"]]


# -- /api/check ----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_check_answers_what_the_cli_prints_as_json(client, config, fmt):
    answer = client.post("/api/check", json={"text": SEED, "format": fmt})
    assert answer.status_code == 200
    expected = json.loads(cli("check", "-", "--format", "json", "--ext", f".{fmt}", "--no-cache", "--config", str(config), stdin=SEED))
    assert answer.json() == expected
    assert {"Newsroom.BracketOutsideQuote", "House.Haniyeh"} <= set(rules_of(expected))
    assert ("Newsroom.TitleSuffix" in rules_of(expected)) == (fmt == "txt")  # Markdown's title is a heading


def test_check_positions_count_an_emoji_as_one_column(client):
    text = "Talks resume\n\n👍🏽 Leaders 😀 met. [Sunday] they said. Ismail Hanyahu 🇵🇸 spoke.\n"
    report = client.post("/api/check", json={"text": text}).json()
    line = text.splitlines()[2]
    by_rule = {f["rule"]: f for f in report["findings"]}
    for rule, word in (("Newsroom.BracketOutsideQuote", "[Sunday]"), ("House.Haniyeh", "Hanyahu")):
        f = by_rule[rule]
        assert (f["line"], f["end_line"]) == (3, 3)
        assert f["col"] == line.index(word) + 1  # Python indexes code points, as the API counts
        assert line[f["col"] - 1 : f["end_col"] - 1] == word == f["match"]
    assert by_rule["Newsroom.BracketOutsideQuote"]["col"] == 19  # 👍🏽 is two code points, 😀 one (UTF-16: 4 and 2 units)


def test_markdown_is_read_as_markdown(client):
    text = "# Talks\n\n```\nx = a[Sunday]\n```\n\nThey met. [Sunday] they said.\n"
    md = client.post("/api/check", json={"text": text, "format": "md"}).json()
    assert [(f["rule"], f["line"]) for f in md["findings"] if f["rule"] == "Newsroom.BracketOutsideQuote"] == [
        ("Newsroom.BracketOutsideQuote", 7)]  # code is never checked


def test_rule_selection(client):
    body = {"text": SEED}
    only = client.post("/api/check", json={**body, "select": ["Newsroom.BracketOutsideQuote"]}).json()
    assert rules_of(only) == ["Newsroom.BracketOutsideQuote"]
    pack = client.post("/api/check", json={**body, "select": ["House"]}).json()
    assert rules_of(pack) == ["House.Haniyeh"]
    without = client.post("/api/check", json={**body, "ignore": ["Newsroom"]}).json()
    assert rules_of(without) == ["House.Haniyeh"]
    errors = client.post("/api/check", json={**body, "min_severity": "error"}).json()
    assert rules_of(errors) == ["House.Haniyeh"] and errors["summary"]["errors"] == 1
    assert errors["summary"]["unchecked"] == 0
    assert errors["summary"]["findings"] == 1
    wrong = client.post("/api/check", json={**body, "select": ["Newsroom.Placeholdr"]})
    assert wrong.status_code == 400
    assert wrong.json()["detail"] == "'select': no rule or pack named 'Newsroom.Placeholdr' (did you mean Newsroom.Placeholder?)"
    assert client.post("/api/check", json={**body, "ignore": ["Nope"]}).status_code == 400


def test_a_bom_is_not_a_column(client):
    plain = client.post("/api/check", json={"text": SEED}).json()
    assert client.post("/api/check", json={"text": "\ufeff" + SEED}).json() == plain


def test_html_is_read_as_html(client, config):
    html = ("<html><head><title>Talks resume</title></head><body>\n<h1>Talks resume</h1>\n"
            "<p>They met. <b>[Sunday]</b> they said.</p>\n<script>// They met. [Sunday] they said.</script>\n</body></html>\n")
    answer = client.post("/api/check", json={"text": html, "format": "html"}).json()
    expected = json.loads(cli("check", "-", "--format", "json", "--ext", ".html", "--no-cache", "--config", str(config), stdin=html))
    assert answer == expected
    brackets = [f for f in answer["findings"] if f["rule"] == "Newsroom.BracketOutsideQuote"]
    col = html.splitlines()[2].index("[Sunday]") + 1  # in the HTML as sent: 17
    assert [(f["line"], f["col"], f["match"]) for f in brackets] == [(3, col, "[Sunday]")]  # the script is not text
    as_text = client.post("/api/check", json={"text": html, "format": "txt"}).json()
    assert len([f for f in as_text["findings"] if f["rule"] == "Newsroom.BracketOutsideQuote"]) == 2


def test_a_path_applies_the_configs_overrides_and_ignore_globs(tmp_path):
    (tmp_path / ".newslint.yaml").write_text(
        "packs: [Newsroom]\nrules: {Newsroom: off, Newsroom.RepeatedWord: on, Newsroom.BracketOutsideQuote: on}\n"
        "overrides: [{files: ['wire/**'], rules: {Newsroom.RepeatedWord: off}}]\n"
        "ignore: ['drafts/*']\n", encoding="utf-8")
    client = TestClient(create_app(tmp_path / ".newslint.yaml"))
    text = "Title\n\nthe the copy. [Sunday] they said.\n"

    def rules(**extra):
        answer = client.post("/api/check", json={"text": text, **extra})
        assert answer.status_code == 200, answer.text
        return answer.json()

    plain = rules()
    assert rules_of(plain) == ["Newsroom.RepeatedWord", "Newsroom.BracketOutsideQuote"]
    assert {f["path"] for f in plain["findings"]} == {"-"}
    wire = rules(path="wire/2026/talks.txt")
    assert rules_of(wire) == ["Newsroom.BracketOutsideQuote"]
    assert wire["findings"][0]["path"] == "wire/2026/talks.txt"  # as --stdin-filename names it
    skipped = rules(path="drafts/talks.txt")
    assert skipped["findings"] == [] and skipped["summary"]["files"] == 0
    assert client.post("/api/fix", json={"text": text, "path": "drafts/x.txt"}).json()["text"] == text
    # the path's extension chooses the reader unless `format` says otherwise
    html = "<h1>Title</h1>\n<p>Fine.</p>\n<script>// They met. [Sunday] they said.</script>\n"
    assert rules_of(rules(text=html, path="opinion/piece.html")) == []
    assert rules_of(rules(text=html, path="opinion/piece.html", format="txt")) == ["Newsroom.BracketOutsideQuote"]
    for cli_path, api_path in (("wire/a.txt", "wire/a.txt"), ("other/a.txt", "other/a.txt")):
        run = subprocess.run([sys.executable, "-m", "newslint", "check", "-", "--format", "json", "--no-cache",
                              "--stdin-filename", cli_path], input=text, capture_output=True, text=True, cwd=tmp_path)
        assert json.loads(run.stdout) == rules(path=api_path)


@pytest.mark.parametrize("path", ["", "a\u0000b", "a\nb", "x" * 1025])
def test_a_bad_path_is_a_422(client, path):
    answer = client.post("/api/check", json={"text": "Title\n\nCopy.\n", "path": path})
    assert answer.status_code == 422 and answer.json()["detail"].startswith("path:")


# -- /api/fix --------------------------------------------------------------------------
def test_fix_does_what_fix_writes(client, config, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED, encoding="utf-8")
    cli("check", str(article), "--fix", "--config", str(config))
    answer = client.post("/api/fix", json={"text": SEED, "format": "txt"})
    assert answer.status_code == 200
    fixed = answer.json()
    assert fixed["text"] == article.read_text(encoding="utf-8") != SEED
    assert fixed["fixes_applied"] >= 3
    assert "| Israel’s war in Gaza News" not in fixed["text"] and "Leave a Comment" not in fixed["text"]
    remaining = rules_of(fixed["report"])
    assert "Newsroom.TitleSuffix" not in remaining and "Newsroom.Boilerplate" not in remaining
    assert "House.Haniyeh" in remaining  # its fix is unsafe
    assert fixed["report"] == client.post("/api/check", json={"text": fixed["text"]}).json()


def test_unsafe_fixes_on_request(client):
    fixed = client.post("/api/fix", json={"text": SEED, "unsafe": True}).json()
    assert "Ismail Haniyeh" in fixed["text"] and "House.Haniyeh" not in rules_of(fixed["report"])


def test_fix_keeps_a_bom_and_honours_the_selection(client):
    fixed = client.post("/api/fix", json={"text": "\ufeff" + SEED, "select": ["Newsroom.Boilerplate"]}).json()
    assert fixed["text"].startswith("\ufeff")
    assert "| Israel’s war in Gaza News" in fixed["text"] and "Leave a Comment" not in fixed["text"]


# -- /api/rules ------------------------------------------------------------------------
def test_rules_list(client):
    rules = client.get("/api/rules").json()
    by_name = {r["name"]: r for r in rules}
    assert by_name["House.Haniyeh"] == {"name": "House.Haniyeh", "pack": "House", "extends": "substitution",
                                        "level": "error", "enabled": True, "scope": ["text"], "fix": "unsafe",
                                        "summary": "**What it does.** Corrects a misspelt name. <script>alert(1)</script>"}
    assert "Newsroom.BracketOutsideQuote" in by_name


def test_one_rule_with_its_explanation_and_examples(client):
    rule = client.get("/api/rules/House.Haniyeh").json()
    assert rule["description"].startswith("**What it does.**")
    assert "<strong>What it does.</strong>" in rule["description_html"]
    assert "<script>" not in rule["description_html"] and "&lt;script&gt;" in rule["description_html"]
    assert rule["examples"] == {"flag": [{"text": "Ismail Hanyahu said.", "at": ["1:8"], "format": "md"}],
                                "pass": [{"text": "Ismail Haniyeh said.", "format": "md"}]}
    builtin = client.get("/api/rules/Newsroom.BracketOutsideQuote").json()
    assert builtin["examples"]["flag"][0]["at"] == ["1:44"]
    missing = client.get("/api/rules/Newsroom.Boilerplat")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "no rule named 'Newsroom.Boilerplat' (did you mean Newsroom.Boilerplate?)"


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/check", "/api/fix", "/api/rules", "/api/rules/{name}", "/api/vocabulary"} <= set(spec["paths"])
    assert spec["components"]["schemas"]["CheckIn"]["properties"]["format"]["anyOf"][0]["enum"] == ["txt", "md", "html"]
    check_in = spec["components"]["schemas"]["CheckIn"]
    assert check_in["required"] == ["text"] and check_in["additionalProperties"] is False
    assert "413" in spec["paths"]["/api/check"]["post"]["responses"]


def test_the_page_and_its_files(client):
    page = client.get("/")
    assert page.status_code == 200 and "<textarea" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("app.js", "app.css"):
        assert client.get(f"/static/{name}").status_code == 200


# -- limits and malformed requests ---------------------------------------------------------
def test_bodies_above_the_limit_get_413_and_the_server_stays_up(config):
    client = TestClient(create_app(config, max_body=2000))
    big = json.dumps({"text": "x" * 3000})
    answer = client.post("/api/check", content=big, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert answer.json()["detail"] == "request body is larger than the limit of 2000 bytes (see --max-body)"

    def chunks():  # no Content-Length: counted as it arrives
        for i in range(0, len(big), 500):
            yield big[i : i + 500].encode()

    assert client.post("/api/fix", content=chunks(), headers={"Content-Type": "application/json"}).status_code == 413
    assert client.post("/api/check", json={"text": "x" * 1500}).status_code == 200


def test_the_default_limit_is_one_mebibyte(client):
    body = json.dumps({"text": "Title\n\n" + "word " * 210_000})
    assert len(body) > 1024 * 1024
    assert client.post("/api/check", content=body, headers={"Content-Type": "application/json"}).status_code == 413


@pytest.mark.parametrize("content, headers, status, says", [
    (b"{not json", {"Content-Type": "application/json"}, 422, "JSON"),
    (b"[1, 2]", {"Content-Type": "application/json"}, 422, "body"),
    (b'{"format": "md"}', {"Content-Type": "application/json"}, 422, "text: Field required"),
    (b'{"text": 5}', {"Content-Type": "application/json"}, 422, "text: Input should be a valid string"),
    (b'{"text": "a", "format": "docx"}', {"Content-Type": "application/json"}, 422, "format: Input should be 'txt', 'md' or 'html'"),
    (b'{"text": "a", "selct": ["X"]}', {"Content-Type": "application/json"}, 422, "selct: Extra inputs are not permitted"),
    (b'{"text": "a", "select": "Newsroom"}', {"Content-Type": "application/json"}, 422, "select: Input should be a valid list"),
    (b'{"text": "a\\ud800"}', {"Content-Type": "application/json"}, 400, "lone surrogate"),
    (b'{"text": "a\\n\\u0000"}', {"Content-Type": "application/json"}, 400, "NUL character on line 2"),
    (b"text=a", {"Content-Type": "application/x-www-form-urlencoded"}, 422, "body"),
    (b'{"text": "a"}', {"Content-Type": "application/json", "Content-Length": "x"}, 400, "Content-Length"),
])
def test_malformed_requests_get_a_4xx_with_a_clear_message(client, content, headers, status, says):
    answer = client.post("/api/check", content=content, headers=headers)
    assert answer.status_code == status, answer.text
    assert isinstance(answer.json()["detail"], str) and says in answer.json()["detail"]
    assert client.post("/api/check", json={"text": "Title\n\nFine.\n"}).status_code == 200


def test_fix_validates_its_flag(client):
    answer = client.post("/api/fix", json={"text": "a", "unsafe": "yes"})
    assert answer.status_code == 422 and "unsafe: Input should be a valid boolean" in answer.json()["detail"]
    assert client.get("/api/check").status_code == 405
    assert client.get("/api/nothing").status_code == 404


def test_spacy_is_loaded_once_for_every_request(client):
    from newslint import nlp

    client.post("/api/check", json={"text": SEED})
    assert nlp.loaded()
    loads = nlp._load.cache_info().misses
    for _ in range(3):
        assert "House.Haniyeh" in rules_of(client.post("/api/check", json={"text": SEED}).json())
    assert nlp._load.cache_info().misses == loads  # no request loads the pipeline again


def test_only_loopback_hosts_when_asked(config):
    from newslint.server import LOOPBACK_NAMES, is_loopback, url_for

    guarded = TestClient(create_app(config, allowed_hosts=LOOPBACK_NAMES), base_url="http://127.0.0.1:8000")
    assert guarded.get("/api/rules").status_code == 200
    assert guarded.get("/api/rules", headers={"Host": "attacker.example"}).status_code == 400
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")
    assert url_for("::1", 8000) == "http://[::1]:8000/"


def test_serve_is_a_command():
    out = cli("serve", "--help")
    for flag in ("--host", "--port", "--config", "--max-body"):
        assert flag in out
