"""The page's "add to vocabulary" against a server started with --allow-config-writes (#15 part 3):
the word lands in the config and its findings go. The refusal of a server without the flag is
tested in test_server_browser.py."""

import pytest

from pagekit import VIEWPORTS, browser, checked_again, opened, paste, require_browser, serving, show_findings

sync_api = require_browser()
expect = sync_api.expect

# One misspelling per screen size, so that each test adds a word of its own to the shared config.
WORDS = {"desktop": ("Hanyahu", "Haniyeh"), "tablet": ("Sinwaar", "Sinwar"), "phone": ("Abbass", "Abbas")}
RULE = "extends: substitution\nmessage: \"Spell it '%s', not '%s'.\"\nlevel: error\nswap:\n" + \
    "".join(f"  {wrong}: {right}\n" for wrong, right in WORDS.values())
STORY = "Talks resume\n\nIsmail Hanyahu, Yahya Sinwaar and Mahmoud Abbass spoke.\n"


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vocabulary")
    (folder / "House").mkdir()
    (folder / "House" / "Spelling.yml").write_text(RULE, encoding="utf-8")
    (folder / ".newslint.yaml").write_text("packs: [./House]\n", encoding="utf-8")
    return folder / ".newslint.yaml"


@pytest.fixture(scope="module")
def server(config):
    with serving(config, "--allow-config-writes") as url:
        yield url


def flagged(page):
    return page.eval_on_selector_all("#findings button.finding", "bs => bs.map(b => b.querySelector('.change').textContent)")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_add_to_vocabulary_writes_the_config_and_the_finding_goes(browser, server, config, viewport):
    wrong, right = WORDS[viewport]
    with opened(browser, server, viewport) as page:
        paste(page, STORY)
        show_findings(page)
        assert f"“{wrong}” → “{right}”" in flagged(page)
        page.locator("#findings button.finding", has_text=f"“{wrong}”").click()
        before = page.get_attribute("body", "data-checked")
        page.locator("#detail").get_by_role("button", name=f"Add “{wrong}” to vocabulary").click()
        checked_again(page, before)  # the page re-checks once the server has the word
        expect(page.locator("#status")).to_contain_text(f"added “{wrong}” to the vocabulary in {config}")
        assert not any(f"“{wrong}”" in change for change in flagged(page))
        assert wrong in config.read_text(encoding="utf-8")
