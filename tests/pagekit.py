"""What the editors' page tests share: `newslint serve` as an editor starts it, Debian's chromium
through Playwright (never a browser Playwright downloads), the three screen sizes, and
helpers that read the page as a user sees it."""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The widths the page is designed for: a laptop, a tablet held upright, a phone.
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "tablet": {"width": 820, "height": 1180},
             "phone": {"width": 390, "height": 844}}


def require_browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run the page tests",
                    allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="the test extra installs playwright")


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, one per test module; a module imports this fixture from here."""
    sync_api = require_browser()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(config: Path, *flags: str):
    """`newslint serve --config CONFIG FLAGS`, yielding its URL once it answers. Checks run in the
    server process (--workers 0): the page sends one check at a time, and a worker process would
    only load spaCy a second time (tests/test_server_workers.py tests the workers)."""
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(free_port()), "--config", str(config),
                             "--workers", "0", *flags], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # printed once the rules (and spaCy) are loaded
        found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
        assert found, f"no URL printed: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        url = found.group(1)
        deadline = time.monotonic() + 60
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


@contextlib.contextmanager
def opened(browser, url: str, viewport: str):
    """A fresh page (its own storage) at one of VIEWPORTS; fails the test on any script error."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone",
                                  has_touch=viewport != "desktop")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


class Tabs:
    """One tab per screen size, kept for a module's tests: a new tab costs a renderer process
    (a third of a second on a loaded machine), a reload with the storage cleared does not.
    Tests that add their own routes or listeners use `opened` instead."""

    def __init__(self, browser, url: str):
        self.browser, self.url, self.tabs = browser, url, {}

    @contextlib.contextmanager
    def at(self, viewport: str):
        if viewport not in self.tabs:
            context = self.browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone",
                                               has_touch=viewport != "desktop")
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            self.tabs[viewport] = (page, errors)
        page, errors = self.tabs[viewport]
        errors.clear()
        page.set_viewport_size(VIEWPORTS[viewport])
        page.goto(self.url)
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        page.reload()  # a first visit: nothing saved, nothing dismissed
        yield page
        assert not errors, errors

    def close(self):
        for page, _ in self.tabs.values():
            page.context.close()


def paste(page, text):
    """Put text in the editor as a paste does, and wait for the answer for exactly that text."""
    before = page.get_attribute("body", "data-checked") or "0"
    show_article(page)
    page.fill("#article", text)
    page.wait_for_function("b => (document.body.dataset.checked || '0') !== b", arg=before)
    page.wait_for_function("() => !document.getElementById('status').textContent.startsWith('Edited')")


def checked_again(page, before):
    page.wait_for_function("b => document.body.dataset.checked !== b", arg=before)


def is_phone(page) -> bool:
    return page.locator("#tab-findings").is_visible()


def show_findings(page):
    """On a phone the findings are behind their tab; elsewhere they are always beside the text."""
    if is_phone(page):
        page.click("#tab-findings")


def show_article(page):
    if is_phone(page):
        page.click("#tab-article")


def card(page, rule):
    return page.locator(f"#findings li.card:has(button.finding[data-rule='{rule}'])").first


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


def unreachable(page, selector) -> list[str]:
    """The visible controls matching selector that cannot be reached: scrolled into the screen,
    a tap at the centre must land on the control itself (not off the edge, not on something
    drawn over it). One round trip for them all."""
    return page.evaluate("""sel => {
        const bad = [];
        for (const el of document.querySelectorAll(sel)) {
            if (!el.getClientRects().length) continue;  // not shown in this view
            el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            const r = el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            const inside = r.width >= 1 && r.height >= 1 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
            if (!inside || !el.contains(document.elementFromPoint(x, y))) bad.push(el.id || el.textContent.trim());
        }
        return bad;
    }""", selector)
