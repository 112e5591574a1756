"""The page against a server started with --token-file (#15): a 401 shows a token field, a wrong
token is refused, the right one checks the article, and every later API call of the page sends it.
That a server without a token file shows no field is tested in test_server_browser.py."""

import pytest

from pagekit import (VIEWPORTS, browser, card, checked_again, listed, opened, require_browser, serving,
                     show_article, show_findings, unreachable)
from test_server_api import SEED, write_config

sync_api = require_browser()
expect = sync_api.expect
TOKEN = "page-test-token-0123456789"
HANIYEH = "House.Haniyeh"  # the test config's substitution: "Hanyahu" → "Haniyeh" in the seed


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("token")
    (folder / "token").write_text(TOKEN + "\n", encoding="utf-8")
    with serving(write_config(folder), "--token-file", str(folder / "token")) as url:
        yield url


def use_token(page, value):
    page.get_by_label("Token").fill(value)
    page.get_by_role("button", name="Use token").click()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_page_asks_for_the_token_and_sends_it_on_every_call(browser, server, viewport):
    with opened(browser, server, viewport) as page:
        sent = []
        page.on("request", lambda r: sent.append((r.url, r.headers.get("authorization"))) if "/api/" in r.url else None)
        form = page.locator("#token-form")
        expect(form).to_be_hidden()  # nothing asked before the page calls the API
        show_article(page)
        page.fill("#article", SEED)
        # The check gets 401: the field, not a generic error.
        expect(form).to_be_visible()
        expect(form).to_contain_text("This server needs the token from its --token-file")
        expect(page.locator("#token-refused")).to_be_hidden()
        field = page.get_by_label("Token")
        assert field.get_attribute("type") == "password"
        assert "Could not check" not in page.inner_text("#status")
        assert not unreachable(page, "#token-form input, #token-form button"), viewport
        assert not listed(page)
        # A wrong token: refused, and the field comes back.
        use_token(page, "not-the-token-0123456789")
        expect(page.locator("#token-refused")).to_have_text("That token was refused.")
        expect(form).to_be_visible()
        expect(field).to_be_focused()  # ready for another try
        expect(page.locator("#status")).to_have_text("Not checked: waiting for the server's token.")
        assert not listed(page)
        # The right one: the check goes through, and the findings appear.
        assert page.get_attribute("body", "data-checked") is None  # no answer shown yet
        use_token(page, TOKEN)
        page.wait_for_function("() => document.body.dataset.checked")
        expect(form).to_be_hidden()
        show_findings(page)
        assert HANIYEH in listed(page)
        expect(card(page, HANIYEH).locator(".change")).to_have_text("“Hanyahu” → “Haniyeh”")
        expect(card(page, HANIYEH).locator(".title")).to_have_text("Corrects a misspelt name")  # /api/rules/… too
        # A later call (the safe fixes) sends it as well.
        before = page.get_attribute("body", "data-checked")
        page.click("#fix-all")
        checked_again(page, before)
        expect(page.locator("#status")).to_contain_text("applied")
        assert any(url.endswith("/api/fix") for url, _ in sent)
        first = next(i for i, (_, auth) in enumerate(sent) if auth == f"Bearer {TOKEN}")
        assert all(auth == f"Bearer {TOKEN}" for _, auth in sent[first:]), sent
        # A reload in the same tab keeps the token (sessionStorage): no field, the text checked again.
        page.reload()
        page.wait_for_function("() => document.body.dataset.checked")
        expect(form).to_be_hidden()
        show_findings(page)
        assert HANIYEH in listed(page)
