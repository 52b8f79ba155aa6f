"""Downloads bound to the session (issue 21, item 1) on the real server: ``python -m dashboard``
(the launcher, so the guard of dashboard/server.py is in front of /media), demo mode off, a
1-minute idle limit, a coordinator signing in in headless Chromium.

Every download button of the overview page is clicked; each file's URL is then fetched
without the browser's cookie (refused), and with it again (refused: a file is delivered
once). After more than a minute without any action a click makes no file, the expiry is in
the audit log, and the URLs stay refused. Reported: the URL answered 200 with no cookie and
no session, also while its session was idle-expired. Run with ``pytest -m browser``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from dashboard import audit, auth, database
from dashboard.scope import Scope
from tests.browser.test_smoke import (  # noqa: F401  (fixtures)
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    START_TIMEOUT,
    _free_port,
    _require_chromium,
    browser,
)
from tests.conftest import fill_tiny_dataset

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def signed_in_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("downloads")
    url = f"sqlite:///{workdir / 'hartnetwerk.db'}"
    engine = database.make_engine(url)
    database.init_db(engine)
    fill_tiny_dataset(engine)
    auth.add_user(engine, "coord", "coordinator", PASSWORD, regions=["NRD", "ZD"],
                  by=Scope("beheerder", all_regions=True, username="beheer"))
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "HARTNETWERK_DATA_DIR": str(workdir),
           "HARTNETWERK_SALT": "browser-test-salt", "HARTNETWERK_DEMO": "off",
           "HARTNETWERK_SESSION_IDLE_MINUTES": "1"}
    log = (workdir / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--no-sample", "--server.address=127.0.0.1",
         "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while fetch(f"{base}/_stcore/health") != 200:
            assert process.poll() is None and time.monotonic() < deadline, "no server"
            time.sleep(0.5)
        yield base, engine
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        engine.dispose()
        log.close()


def fetch(url: str, cookie: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def test_download_urls_are_refused_without_the_session_and_after_idle_expiry(
        signed_in_server, browser):  # noqa: F811
    base, engine = signed_in_server
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400,
                                                                   "height": 1000})
    page = context.new_page()
    page.goto(base + "/", wait_until="domcontentloaded")
    page.locator("input[type=text]").first.fill("coord")
    page.locator("input[type=password]").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_selector("text=Afmelden", timeout=60_000)
    page.wait_for_selector('[data-testid="stDownloadButton"] button:visible', timeout=60_000)
    page.wait_for_timeout(2000)
    buttons = page.locator('[data-testid="stDownloadButton"] button:visible')
    count = buttons.count()
    assert count >= 2
    urls = []
    for index in range(count):
        with page.expect_download(timeout=30_000) as download:
            buttons.nth(index).click()
        assert download.value.failure() is None
        urls.append(download.value.url)
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
    assert "hartnetwerk_download=" in cookie
    for url in urls:
        assert fetch(url) == 404, url  # no cookie, no session
        assert fetch(url, cookie) == 404, url  # delivered once already
    assert len(audit.recent(engine, event="export")) == count

    page.wait_for_timeout(65_000)  # more than the 1-minute idle limit, without any action
    with pytest.raises(Exception):  # noqa: B017  (Playwright's TimeoutError: no download)
        with page.expect_download(timeout=8_000):
            buttons.nth(0).click()
    for url in urls:
        assert fetch(url, cookie) == 404 and fetch(url) == 404, url
    expired = audit.recent(engine, event="session_expired")
    assert len(expired) == 1 and "auth.idle" in expired["detail"][0]
    assert len(audit.recent(engine, event="export")) == count
    context.close()
