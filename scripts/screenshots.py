"""Regenerate docs/screenshots/: the editors' page with the seed article, at desktop, tablet and phone widths.

    python scripts/screenshots.py [--seed FILE] [--out DIR] [--chromium PATH]

Starts `newslint serve` (the repository's default rules, checks in the server process),
drives Debian's chromium through Playwright (`pip install 'newslint[test]'`; never a
downloaded browser), pastes the seed, waits for its findings and selects the
"Hanyahu → Haniyeh" finding, so each picture shows a card, its detail and the highlights.
"""

from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEWPORTS = {"desktop": (1280, 800), "tablet": (820, 1180), "phone": (390, 844)}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--hide-scrollbars", "--font-render-hinting=none"]


def start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    found = re.search(r"open (http://127\.0\.0\.1:\d+/)", proc.stdout.readline() or "")
    if not found:
        proc.kill()
        sys.exit("newslint serve did not start")
    deadline = time.monotonic() + 30
    while True:  # the URL is printed just before the port is bound
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return proc, found.group(1)
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                sys.exit("newslint serve did not start")
            time.sleep(0.1)


def shoot(browser, url: str, seed: str, out: Path) -> list[Path]:
    written = []
    for name, (width, height) in VIEWPORTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                      is_mobile=name == "phone", has_touch=name != "desktop")
        page = context.new_page()
        page.goto(url)
        page.fill("#article", seed)
        page.wait_for_function("() => document.getElementById('status').textContent.includes('checked in')")
        page.evaluate("() => document.activeElement.blur()")  # no focus ring in the pictures
        card = page.locator("#findings button.finding", has_text="Hanyahu").first
        if name == "phone":  # the article first, then the findings tab with the card open
            page.evaluate("() => document.getElementById('editor').scrollTop = 0")
            written.append(save(page, out / "phone-article.png"))
            page.click("#tab-findings")
            card.click()
            page.wait_for_selector("#detail .description")
            written.append(save(page, out / "phone-findings.png"))
        else:
            card.click()
            page.wait_for_selector("#detail .description")
            written.append(save(page, out / f"{name}.png"))
        context.close()
    return written


def save(page, path: Path) -> Path:
    page.wait_for_timeout(200)  # let the rule titles that were fetched settle into the cards
    page.screenshot(path=str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=ROOT / "seeds" / "gaza-ceasefire-talks.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    seed = args.seed.read_text(encoding="utf-8")
    proc, url = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
            for path in shoot(browser, url, seed, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
