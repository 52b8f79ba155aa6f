"""Issue 21 in a real browser: nothing is fetched from another host on any page (item 6), and
no chart offers an export of its own (item 7).

Uses the launcher-started server and headless Chromium of tests/browser/test_smoke.py (sample
data, demo mode). Run with ``pytest -m browser tests/security``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.test_smoke import (  # noqa: F401  (fixtures)
    _require_chromium,
    browser,
    open_and_wait,
    page,
    page_urls,
    server,
)

pytestmark = pytest.mark.browser


def test_no_page_makes_the_browser_contact_another_host(server, page):  # noqa: F811
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("websocket", lambda socket: requested.append(socket.url))
    own = urlsplit(server).netloc
    urls = page_urls(page, server)
    for url in [*urls, server + "/?presentatie=1"]:
        open_and_wait(page, url)
        # Charts below the fold render (and would fetch) only when scrolled into view.
        page.mouse.wheel(0, 20_000)
        page.wait_for_timeout(1500)
    others = sorted({url for url in requested
                     if urlsplit(url).scheme not in ("data", "blob")
                     and urlsplit(url).netloc != own})
    assert len(urls) >= 9 and len(requested) > 50
    assert others == []


def test_no_chart_offers_its_own_export(server, page):  # noqa: F811
    open_and_wait(page, server + "/anderhalvelijn")
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    chart.hover()
    page.wait_for_timeout(500)
    toolbar = page.locator('[data-testid="stElementToolbar"]:visible').first
    labels = toolbar.locator("button:visible").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-label'))")
    assert "Fullscreen" in labels  # the toolbar is there ...
    assert "Download as PNG" not in labels and "Copy Vega-Lite spec" not in labels  # ... these not
    assert page.locator(".vega-actions, .vega-embed details").count() == 0
