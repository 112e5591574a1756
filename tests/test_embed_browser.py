"""/embed.js in a "CMS" page on another origin, end to end: the real `newslint serve`, a second tiny
HTTP server for the CMS page, and Debian's headless Chromium (#15).

Skips only when /usr/bin/chromium is absent, as tests/test_server_browser.py does.
"""

import contextlib
import functools
import http.server
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

from pagekit import browser, require_browser  # noqa: F401 (browser is a fixture)

require_browser()  # skips the module without chromium or playwright

RULE = "extends: substitution\nmessage: \"Spell the name '%s', not '%s'.\"\nlevel: error\nswap:\n  Hanyahu: Haniyeh\n"
CMS_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Sample CMS</title>
<style>
  body {{ font: 16px/1.5 Georgia, serif; margin: 24px; }}
  .panel {{ position: relative; margin-left: 40px; }}
  textarea {{ width: 560px; height: 160px; padding: 10px 12px; border: 2px solid #888; font: 17px/1.6 Georgia, serif; }}
  #rich {{ width: 560px; min-height: 80px; border: 1px solid #888; padding: 8px; }}
</style></head>
<body>
  <h1>Edit story</h1>
  <div class="panel">
    <textarea id="body">Talks resume

The talks went on. Leaders 😀 met on Sunday, and Ismail Hanyahu spoke to reporters.
</textarea>
  </div>
  <div id="rich" contenteditable="true"><p>Talks resume</p><p>👍🏽 Later, <b>Ismail</b> Hanyahu spoke again.</p></div>
  <script>
    window.events = [];
    const body = document.getElementById("body");
    body.addEventListener("newslint:findings", (e) => events.push(["findings", e.detail.findings.length]));
    body.addEventListener("newslint:error", (e) => events.push(["error", e.detail.message]));
  </script>
  <script src="{server}embed.js" data-newslint-target="#body"{extra}></script>
</body></html>
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc=None) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return
        except OSError:
            assert time.monotonic() < deadline and (proc is None or proc.poll() is None), "the server did not start"
            time.sleep(0.1)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def cms_and_newslint(folder, token=None):
    """(newslint serve's URL, the CMS's port): the CMS page's origin, http://127.0.0.1:PORT, is allowed."""
    (folder / "House").mkdir()
    (folder / "House" / "Haniyeh.yml").write_text(RULE, encoding="utf-8")
    (folder / ".newslint.yaml").write_text("packs: [./House]\n", encoding="utf-8")
    cms_port, api_port = free_port(), free_port()
    server = f"http://127.0.0.1:{api_port}/"
    site = folder / "cms"
    site.mkdir()
    extra = f' data-newslint-token="{token}"' if token else ""
    (site / "edit.html").write_text(CMS_PAGE.format(server=server, extra=extra), encoding="utf-8")
    cms = http.server.ThreadingHTTPServer(("127.0.0.1", cms_port), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=cms.serve_forever, daemon=True).start()
    flags = ["--allow-origin", f"http://127.0.0.1:{cms_port}"]
    if token:
        (folder / "token").write_text(token + "\n")
        flags += ["--token-file", str(folder / "token")]
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(api_port), "--workers", "1", *flags],
                            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(api_port, proc)
        yield server, cms_port
    finally:
        proc.terminate()
        proc.wait(10)
        cms.shutdown()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with cms_and_newslint(tmp_path_factory.mktemp("embed")) as both:
        yield both


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def click_middle(page, box):
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_textarea_is_underlined_and_a_suggestion_applies(page, servers):
    _, cms_port = servers
    page.goto(f"http://127.0.0.1:{cms_port}/edit.html")
    page.wait_for_function("() => document.getElementById('body').dataset.newslintFindings === '1'")
    marks = page.locator(".newslint-overlay .newslint-mark")
    assert marks.count() == 1 and marks.first.text_content() == "Hanyahu"
    assert "newslint-error" in marks.first.get_attribute("class")
    box, area = marks.first.bounding_box(), page.locator("#body").bounding_box()
    assert area["x"] < box["x"] and box["x"] + box["width"] < area["x"] + area["width"]
    assert area["y"] < box["y"] and box["y"] + box["height"] < area["y"] + area["height"]
    # The underline sits on the word itself: a click on it puts the caret inside "Hanyahu".
    click_middle(page, box)
    value = page.input_value("#body")
    caret = page.evaluate("() => document.getElementById('body').selectionStart")
    assert value.index("Hanyahu") < caret < value.index("Hanyahu") + len("Hanyahu")
    popover = page.locator(".newslint-popover")
    popover.wait_for()
    assert "Spell the name 'Haniyeh', not 'Hanyahu'." in popover.inner_text()
    assert popover.locator("button.newslint-suggestion").all_inner_texts() == ["Haniyeh"]
    popover.locator("button.newslint-suggestion").click()
    assert "Ismail Haniyeh spoke" in page.input_value("#body")
    assert page.locator(".newslint-popover").count() == 0
    page.wait_for_function("() => document.getElementById('body').dataset.newslintFindings === '0'")
    assert page.locator(".newslint-overlay .newslint-mark").count() == 0
    assert page.evaluate("() => events.every(e => e[0] === 'findings')")


def test_typing_is_checked_after_a_pause(page, servers):
    _, cms_port = servers
    page.goto(f"http://127.0.0.1:{cms_port}/edit.html")
    page.wait_for_function("() => document.getElementById('body').dataset.newslintFindings === '1'")
    page.click("#body")
    page.keyboard.press("Control+End")
    page.keyboard.type(" Hanyahu again, and Hanyahu.")
    page.wait_for_function("() => document.getElementById('body').dataset.newslintFindings === '3'")
    assert page.locator(".newslint-overlay .newslint-mark").all_text_contents() == ["Hanyahu"] * 3


def test_a_contenteditable_field_through_the_api(page, servers):
    server, cms_port = servers
    page.goto(f"http://127.0.0.1:{cms_port}/edit.html")
    page.evaluate("s => NewslintEmbed.attach(document.getElementById('rich'), {endpoint: s})", server)
    page.wait_for_function("() => document.getElementById('rich').dataset.newslintFindings === '1'")
    # an emoji of two code points (four UTF-16 units) before the word on its line does not shift it
    assert page.evaluate("() => [...CSS.highlights.get('newslint-error')].map(r => r.toString())") == ["Hanyahu"]
    box = page.evaluate("""() => {
        const r = [...CSS.highlights.get('newslint-error')][0].getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height};
    }""")
    click_middle(page, box)
    page.locator(".newslint-popover button.newslint-suggestion").click()
    assert page.inner_text("#rich").splitlines()[-1] == "👍🏽 Later, Ismail Haniyeh spoke again."
    page.wait_for_function("() => document.getElementById('rich').dataset.newslintFindings === '0'")
    assert not page.evaluate("() => CSS.highlights.has('newslint-error')")


def test_a_page_on_an_origin_not_listed_gets_nothing(page, servers):
    _, cms_port = servers
    page.goto(f"http://localhost:{cms_port}/edit.html")  # another origin than http://127.0.0.1:PORT
    page.wait_for_function("() => events.length > 0")
    assert page.evaluate("() => events[0][0]") == "error"
    assert page.get_attribute("#body", "data-newslint-status") == "error"
    assert page.locator(".newslint-mark").count() == 0


def test_embed_js_is_served_as_a_script(servers):
    import urllib.request

    server, _ = servers
    with urllib.request.urlopen(server + "embed.js") as answer:
        assert answer.headers["Content-Type"].startswith("text/javascript")
        assert re.search(r"window\.NewslintEmbed = ", answer.read().decode())


def test_a_server_with_a_token_answers_the_script_tags_token(page, tmp_path):
    with cms_and_newslint(tmp_path, token="embed-test-token-0123456789") as (server, cms_port):
        page.goto(f"http://127.0.0.1:{cms_port}/edit.html")
        page.wait_for_function("() => document.getElementById('body').dataset.newslintFindings === '1'")
        assert page.locator(".newslint-overlay .newslint-mark").all_text_contents() == ["Hanyahu"]
        # the same page attaching a field without the token is told why it gets nothing
        page.evaluate("""s => {
            const rich = document.getElementById('rich');
            rich.addEventListener('newslint:error', e => window.refused = e.detail.message);
            NewslintEmbed.attach(rich, {endpoint: s});
        }""", server)
        page.wait_for_function("() => window.refused !== undefined")
        assert "Bearer <token>" in page.evaluate("() => window.refused")
