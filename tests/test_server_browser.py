"""The editors' page end to end: the real `newslint serve` and a real headless Chromium (Debian's).

Skips only when /usr/bin/chromium is absent (.ci/run installs it); Playwright drives
the system browser through `executable_path`, never a browser it downloads.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from test_server_api import SEED, write_config

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run the page tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra installs playwright")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`newslint serve` as an editor starts it, with a config that adds a rule with a suggestion."""
    config = write_config(tmp_path_factory.mktemp("browser"))
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(free_port()), "--config", str(config)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # printed once the rules (and spaCy) are loaded
        found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
        assert found, f"no URL printed: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        url = found.group(1)
        deadline = time.monotonic() + 30
        while True:  # the URL is printed just before uvicorn binds
            try:
                socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))), 1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "the server did not start"
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server)
    yield page
    context.close()
    assert not errors, errors


def paste(page, text):
    """Put text in the editor as a paste does, and wait for the answer for exactly that text."""
    before = page.get_attribute("body", "data-checked") or "0"
    page.fill("#article", text)
    page.wait_for_function("b => (document.body.dataset.checked || '0') !== b", arg=before)
    page.wait_for_function("() => !document.getElementById('status').textContent.startsWith('Edited')")


def marked(page):
    """{rule: [highlighted text, ...]} read from the highlights drawn over the article."""
    return page.evaluate("""() => {
        const out = {};
        const marks = [...document.querySelectorAll('#backdrop mark')];
        const ids = new Set(marks.flatMap(m => m.dataset.ids.split(' ')));
        for (const id of ids) {
            const parts = marks.filter(m => m.dataset.ids.split(' ').includes(id));
            const rule = parts[0].dataset.rules.split(' ')[parts[0].dataset.ids.split(' ').indexOf(id)];
            (out[rule] = out[rule] || []).push(parts.map(m => m.textContent).join(''));
        }
        return out;
    }""")


def listed(page):
    return page.eval_on_selector_all("#findings button.finding", "bs => bs.map(b => b.dataset.rule)")


def test_the_seed_is_highlighted_at_the_right_words(page):
    paste(page, SEED)
    marks = marked(page)
    assert marks["Newsroom.BracketOutsideQuote"] == ["[Sunday]"]
    assert marks["Newsroom.TitleSuffix"] == [" | Israel’s war in Gaza News"]
    assert marks["House.Haniyeh"] == ["Hanyahu"]
    assert "Related Article" in marks["Newsroom.Boilerplate"]
    classes = page.eval_on_selector_all("#backdrop mark[data-rules~='House.Haniyeh']", "ms => ms.map(m => m.className)")
    assert classes and all(c.split()[0] == "sev-error" for c in classes)  # coloured by the worst severity there
    bracket = page.locator("#backdrop mark[data-rules='Newsroom.BracketOutsideQuote']")
    assert bracket.get_attribute("class") == "sev-warning"
    # The side list is in reading order, one entry per finding of the API's answer.
    order = page.eval_on_selector_all("#findings .where", "ws => ws.map(w => w.textContent.split(':').map(Number))")
    assert order == sorted(order) and len(order) == sum(len(v) for v in marks.values())
    assert re.match(r"\d+ findings \(1 error, \d+ warnings\) · checked in \d+ ms", page.inner_text("#status"))


def test_emoji_do_not_shift_the_highlights(page):
    text = "Talks resume 🕊️\n\n👍🏽 Leaders 😀 met. [Sunday] they said. Ismail Hanyahu 🇵🇸 spoke.\n"
    paste(page, text)
    marks = marked(page)
    assert marks["Newsroom.BracketOutsideQuote"] == ["[Sunday]"] and marks["House.Haniyeh"] == ["Hanyahu"]
    page.click("#article")
    page.keyboard.press("Control+Home")
    page.keyboard.press("F8")  # the next finding: selects its words in the text
    chosen = page.evaluate("() => { const a = document.getElementById('article'); return a.value.slice(a.selectionStart, a.selectionEnd); }")
    assert chosen == "[Sunday]"


def test_clicking_a_finding_explains_it_and_a_suggestion_applies_in_one_click(page):
    paste(page, SEED)
    page.click("#findings button.finding[data-rule='House.Haniyeh']")
    detail = page.locator("#detail")
    sync_api.expect(detail).to_contain_text("Spell the name 'Haniyeh', not 'Hanyahu'.")
    sync_api.expect(detail).to_contain_text("House.Haniyeh")
    sync_api.expect(detail.locator(".description")).to_contain_text("Corrects a misspelt name.")
    sync_api.expect(detail.locator(".examples.flag")).to_contain_text("Ismail Hanyahu said.")
    sync_api.expect(detail.locator(".examples.pass")).to_contain_text("Ismail Haniyeh said.")
    assert page.locator("#detail script").count() == 0  # the description's raw HTML is shown, not run
    before = page.get_attribute("body", "data-checked")
    detail.get_by_role("button", name="Replace with “Haniyeh”").click()
    value = page.input_value("#article")
    assert "Ismail Haniyeh accused" in value and "Hanyahu" not in value
    assert value.replace("Haniyeh", "Hanyahu", 1) == SEED  # nothing else touched
    page.wait_for_function("b => document.body.dataset.checked !== b", arg=before)
    assert "House.Haniyeh" not in marked(page) and "House.Haniyeh" not in listed(page)
    assert marked(page)["Newsroom.BracketOutsideQuote"] == ["[Sunday]"]


def test_clicking_in_the_text_shows_the_finding_there(page):
    paste(page, SEED)
    line = SEED.splitlines().index(next(l for l in SEED.splitlines() if "[Sunday]" in l))
    offset = sum(len(l) + 1 for l in SEED.splitlines()[:line]) + SEED.splitlines()[line].index("[Sunday]") + 3
    page.focus("#article")
    page.evaluate("o => document.getElementById('article').setSelectionRange(o, o)", offset)
    page.keyboard.press("ArrowRight")
    sync_api.expect(page.locator("#detail h2")).to_contain_text("'[Sunday]' is an editorial insertion")
    assert page.locator("#backdrop mark.active").inner_text() == "[Sunday]"


def test_apply_all_safe_fixes_does_what_fix_does(page, server):
    paste(page, SEED)
    before = page.get_attribute("body", "data-checked")
    page.click("#fix-all")
    page.wait_for_function("b => document.body.dataset.checked !== b", arg=before)
    value = page.input_value("#article")
    assert value.splitlines()[0] == "Hamas delegation leaves Cairo, Gaza ceasefire talks at critical stage"
    assert "Leave a Comment" not in value and "Related Article" not in value
    rules = listed(page)
    assert "Newsroom.TitleSuffix" not in rules and "Newsroom.Boilerplate" not in rules
    assert "House.Haniyeh" in rules  # unsafe: left for the editor
    sync_api.expect(page.locator("#status")).to_contain_text(re.compile(r"^\d+ fix(es)? applied"))
    import json
    import urllib.request

    request = urllib.request.Request(server + "api/fix", data=json.dumps({"text": SEED}).encode(),
                                     headers={"Content-Type": "application/json"})
    assert value == json.load(urllib.request.urlopen(request))["text"]


def test_typing_rechecks_debounced_and_the_latest_answer_wins(page):
    paste(page, "Talks resume\n\nThey met.\n")
    checks = []
    page.on("request", lambda r: checks.append(r) if r.url.endswith("/api/check") else None)
    page.focus("#article")
    page.keyboard.press("Control+End")
    page.keyboard.type(" Ismail Hanyahu spoke [Monday] at noon.", delay=15)
    page.wait_for_function("() => document.getElementById('status').textContent.includes('checked in')")
    page.wait_for_timeout(400)
    assert 1 <= len(checks) < 10  # not one per keystroke
    marks = marked(page)
    assert marks["Newsroom.BracketOutsideQuote"] == ["[Monday]"] and marks["House.Haniyeh"] == ["Hanyahu"]


def test_stale_answers_are_dropped(page):
    """An answer that arrives after a newer edit must not paint the old findings over the new text."""
    slow = []

    def delay_first(route):
        if not slow:
            slow.append(route)  # hold the first check back
            return
        route.continue_()

    page.route("**/api/check", delay_first)
    page.fill("#article", "Talks resume\n\nThey met. [Sunday] they said.\n")
    page.wait_for_function("() => document.getElementById('status').textContent === 'Checking…'")
    page.fill("#article", "Talks resume\n\nThey met. Ismail Hanyahu said.\n")
    page.wait_for_function("() => document.getElementById('status').textContent.includes('checked in')")
    slow[0].continue_()  # the old answer arrives last
    page.wait_for_timeout(500)
    marks = marked(page)
    assert "Newsroom.BracketOutsideQuote" not in marks and marks["House.Haniyeh"] == ["Hanyahu"]


def test_keyboard_reaches_every_control(page):
    paste(page, SEED)
    page.focus("a.skip")  # the first stop of the page
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.id || document.activeElement.className"))
    assert reached[:4] == ["format", "open-button", "fix-all", "article"]
    assert reached[4].startswith("finding")  # then the findings, in reading order
    page.focus("#findings button.finding[data-rule='Newsroom.BracketOutsideQuote']")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#detail h2")).to_contain_text("'[Sunday]'")
    assert outline != "none"
    # Text stays readable on a laptop: body copy of at least 16px, the side column visible.
    assert page.evaluate("() => parseFloat(getComputedStyle(document.getElementById('article')).fontSize)") >= 16
    assert page.locator("#findings").is_visible()


def test_open_a_markdown_file(page, tmp_path):
    article = tmp_path / "story.md"
    article.write_bytes("\ufeff# Talks resume\n\n```\nx = [Sunday]\n```\n\nThey met. [Monday] they said.\n".encode())
    before = page.get_attribute("body", "data-checked") or "0"
    page.set_input_files("#open", str(article))
    page.wait_for_function("b => (document.body.dataset.checked || '0') !== b", arg=before)
    assert page.input_value("#format") == "md"
    assert not page.input_value("#article").startswith("\ufeff")
    assert marked(page)["Newsroom.BracketOutsideQuote"] == ["[Monday]"]
