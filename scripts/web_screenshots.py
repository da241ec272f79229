"""Screenshots of the analyst pages on the demo corpus, at desktop and phone width, for
docs/web.md: headless Debian Chromium (the browser tests' one) on a live loopback server.

    .venv/bin/python scripts/web_screenshots.py [--out docs/img] [--data-dir /tmp/kg-shots]

Pages are named as an analyst would (by name, not id); the server redirects to the id URLs.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from werkzeug.serving import make_server

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cli.web_cmd import build_demo  # noqa: E402
from kg.config import Settings  # noqa: E402
from web import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
WIDTHS = {"desktop": 1400, "mobile": 390}
PAGES = {
    "relationship": "/relationship/United States/Mexico",
    "events": "/events?actor=Mexico",
    "timeline": "/timeline",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/kg-web-screenshots"))
    parser.add_argument("--pages", nargs="*", default=["relationship", "events"])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store, _summary = build_demo(args.data_dir)
    app = create_app(Settings(data_dir=args.data_dir), store)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox"], headless=True
            )
            for label, width in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for name in args.pages:
                    page.goto(base + PAGES[name])
                    path = args.out / f"web-{name}-{label}.png"
                    page.screenshot(path=str(path), full_page=True)
                    print(f"{path} ({page.url.removeprefix(base)})")
                context.close()
            browser.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)
        store.close()


if __name__ == "__main__":
    main()
