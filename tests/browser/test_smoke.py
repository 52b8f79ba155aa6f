"""Smoke test in a real browser: the launcher starts the server, every page renders.

Starts ``python -m dashboard`` on a free port with its own database in a temporary folder (the
launcher fills it with the bundled sample data; a tiny hand-made database when the loader or
the sample is not there), then visits every page in headless Chromium. Screenshots go to
``test-artifacts/``. Run with ``pytest -m browser tests/browser``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from dashboard import database
from dashboard.settings import SAMPLE_DATA_DIR

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("HARTNETWERK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 180  # seconds; includes loading the sample data into a fresh database
RENDER_TIMEOUT = 60_000  # milliseconds


def _missing_browser(reason: str) -> None:
    message = f"{reason}; install it with `apt-get install -y chromium`"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sample_loadable() -> bool:
    return importlib.util.find_spec("etl.loader") is not None and any(SAMPLE_DATA_DIR.glob("*"))


def _hex_to_rgb(colour: str) -> str:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


@pytest.fixture(scope="module")
def server(tmp_path_factory, tiny_dataset_filler):
    workdir = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{workdir / 'hartnetwerk.db'}"
    command = [sys.executable, "-m", "dashboard", "--server.address=127.0.0.1"]
    if not _sample_loadable():
        engine = database.make_engine(url)
        database.init_db(engine)
        tiny_dataset_filler(engine)
        engine.dispose()
        command.append("--no-sample")
    port = _free_port()
    command += ["--port", str(port)]
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "HARTNETWERK_DATA_DIR": str(workdir),
        "HARTNETWERK_SALT": "browser-test-salt",
    }
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"

    def log_text() -> str:
        return log_path.read_text(encoding="utf-8", errors="replace")[-5000:]

    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"the dashboard exited with {process.returncode}:\n{log_text()}")
            try:
                with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as answer:
                    if answer.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"no healthy server after {START_TIMEOUT} s:\n{log_text()}")
            time.sleep(0.5)
        yield base_url
    finally:
        # The launcher exec'd Streamlit in its own session: end that whole process group.
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


@pytest.fixture(scope="module", autouse=True)
def _require_chromium():
    # Autouse fixtures run first, so a missing browser is reported before a server starts.
    if importlib.util.find_spec("playwright") is None:
        _missing_browser("the playwright Python package is not installed")
    if not CHROMIUM.exists():
        _missing_browser(f"Chromium not found at {CHROMIUM}")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


def open_and_wait(page, url: str) -> None:
    """Open ``url`` and wait until Streamlit has finished running the page script."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=RENDER_TIMEOUT)
    page.wait_for_selector("h1", timeout=RENDER_TIMEOUT)
    # The status widget shows "Running..." (or, with toolbarMode "viewer", a "Stop" button)
    # while the script runs.
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 || !document.querySelector('[data-testid="stStatusWidget"]').innerText
                        .match(/Running|Bezig|Stop/)""",
        timeout=RENDER_TIMEOUT,
    )
    page.wait_for_timeout(500)  # let late elements (tables, charts) settle before checking


def _screenshot(page, path: Path) -> None:
    # Streamlit scrolls inside its own container, so a "full page" screenshot would only show
    # the viewport: grow the viewport to the content's height instead.
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], section')]
                 .map(e => e.scrollHeight), document.body.scrollHeight)"""
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 6000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def page_urls(page, base_url: str) -> list[str]:
    open_and_wait(page, base_url + "/")
    links = page.locator('[data-testid="stSidebarNav"] a')
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    urls = [href if href.startswith("http") else base_url + href for href in hrefs if href]
    return urls or [base_url + "/"]


def test_every_page_renders(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    urls = page_urls(page, server)
    assert urls, "no pages in the navigation"
    for url in urls:
        open_and_wait(page, url)
        name = url.rstrip("/").rsplit("/", 1)[-1] or "home"
        if re.fullmatch(r"127\.0\.0\.1:\d+", name):
            name = "home"
        _screenshot(page, ARTIFACTS / f"page-{name}.png")
        assert "Hartnetwerk dashboard" in page.title(), url
        assert page.locator('[data-testid="stException"]').count() == 0, url
        assert page.get_by_text("Synthetische voorbeelddata").first.is_visible(), url
        # Sample data only: demo mode, no sign-in, and every page says so.
        assert page.get_by_text("Demomodus").first.is_visible(), url


def test_home_shows_regions(server, page):
    open_and_wait(page, server + "/")
    assert page.locator("h1").first.inner_text().strip() == "Overzicht"
    # Tiles and region cards arrive over a few hundred milliseconds: wait for them, not a guess.
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stMetric\"]').length >= 5",
        timeout=RENDER_TIMEOUT,
    )
    assert page.locator('[data-testid="stMetric"]').count() >= 5


def test_theme_from_streamlit_config(server, page):
    with (ROOT / "streamlit_config.toml").open("rb") as handle:
        theme = tomllib.load(handle)["theme"]
    open_and_wait(page, server + "/")
    sidebar = page.locator('[data-testid="stSidebar"]')
    background = sidebar.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background == _hex_to_rgb(theme["secondaryBackgroundColor"])
    app_background = page.locator('[data-testid="stApp"]').evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert app_background == _hex_to_rgb(theme["backgroundColor"])


def test_switch_to_english(server, page):
    open_and_wait(page, server + "/")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Overview").wait_for(timeout=RENDER_TIMEOUT)
    assert page.get_by_text("Synthetic sample data").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    _screenshot(page, ARTIFACTS / "page-home-en.png")


def _download(page, url: str, label: str) -> bytes:
    """Open ``url``, click the first visible download button labelled ``label``, return the file.

    A click that lands while Streamlit is still re-running the script can hit a button that is
    being replaced; on a loaded CI machine that happens now and then, so one fresh attempt is
    made before the test fails.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    last_error = None
    for _attempt in range(2):
        open_and_wait(page, url)
        button = page.locator('[data-testid="stDownloadButton"] button:visible',
                              has_text=label).first
        button.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)  # charts below the fold render when scrolled into view
        try:
            with page.expect_download(timeout=RENDER_TIMEOUT / 2) as download:
                button.click()
            return Path(download.value.path()).read_bytes()
        except PlaywrightTimeout as error:
            last_error = error
    raise last_error


def test_chart_and_table_downloads_work_in_the_browser(server, page):
    """Clicking a chart's PNG and a table's Excel button delivers the file, with no error."""
    assert _download(page, server + "/anderhalvelijn", "PNG")[:8] == b"\x89PNG\r\n\x1a\n"
    page.wait_for_timeout(1000)  # the click's callback (audit) runs after the download
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _download(page, server + "/", "Excel")[:2] == b"PK"  # an XLSX is a zip archive
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stException"]').count() == 0
