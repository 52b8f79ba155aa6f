"""Downloads bound to the session (issue 21, item 1), below the browser: the grant registry that
the guard in dashboard/server.py asks, and the click that makes a file (ui.download_button).
The real server is driven in test_downloads_browser.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import audit, downloads, settings, ui
from tests.auth_support import APP, ensure_user
from tests.conftest import fill_tiny_dataset

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TOKEN, OTHER = "a" * 43, "b" * 43
FILE = b"regio;verwijzingen\nNRD;634\n"


def session(seen=T0):
    return {"username": "coord", "started": T0, "seen": seen}


def test_a_grant_is_for_its_browser_once_and_shortly():
    registry = downloads.Registry()
    registry.grant(TOKEN, session(), FILE, T0)
    assert not registry.claim(None, FILE, T0)  # no cookie
    assert not registry.claim(OTHER, FILE, T0)  # another browser
    assert not registry.claim(TOKEN, b"another file", T0)
    for _fetch in range(downloads.FETCHES_PER_GRANT):  # the button's check, the download
        assert registry.claim(TOKEN, FILE, T0 + timedelta(seconds=5))
    assert not registry.claim(TOKEN, FILE, T0 + timedelta(seconds=6))  # used up
    registry.grant(TOKEN, session(), FILE, T0)
    later = T0 + timedelta(seconds=downloads.GRANT_SECONDS + 1)
    assert not registry.claim(TOKEN, FILE, later) and len(registry) == 0


def test_no_file_after_its_session_signs_out_idles_or_expires(monkeypatch):
    monkeypatch.setenv("HARTNETWERK_SESSION_IDLE_MINUTES", "1")
    settings.reset_settings_cache()
    registry = downloads.Registry()
    signed_out = session()
    registry.grant(TOKEN, signed_out, FILE, T0)
    downloads.end_once(signed_out, "auth.signed_out")
    assert not registry.claim(TOKEN, FILE, T0)
    idle = session(seen=T0 - timedelta(seconds=50))
    registry.grant(TOKEN, idle, FILE, T0)
    assert not registry.claim(TOKEN, FILE, T0 + timedelta(seconds=15))  # 65 s without action
    demo = None  # a demo session has no sign-in: bound to the browser only
    registry.grant(TOKEN, demo, FILE, T0)
    assert registry.claim(TOKEN, FILE, T0)
    settings.reset_settings_cache()


@pytest.fixture
def clicks(isolated_db, monkeypatch):
    """The download callables of the overview page of a signed-in coordinator."""
    monkeypatch.setenv("HARTNETWERK_SESSION_IDLE_MINUTES", "1")
    settings.reset_settings_cache()
    fill_tiny_dataset(isolated_db)
    made = []
    monkeypatch.setattr(MediaFileManager, "add_deferred",
                        lambda self, data, mime, coords, file_name=None, **kw: made.append(
                            (file_name, data)) or "deferred")
    account = ensure_user(isolated_db, "coord", "coordinator", regions=["NRD"])
    now = audit.now()
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["auth_session"] = {"username": account.username, "started": now,
                                        "seen": now}
    yield at, made
    settings.reset_settings_cache()


def test_a_download_is_refused_without_the_guards_cookie(clicks):
    at, made = clicks
    at.run()  # AppTest has no server: no download cookie
    assert made
    with pytest.raises(ui.DownloadRefused):
        made[0][1]()


def test_a_download_after_idle_expiry_is_refused_and_audited_once(clicks, isolated_db,
                                                                  monkeypatch):
    at, made = clicks
    monkeypatch.setattr(ui, "download_token", lambda: TOKEN)
    at.run()
    name, make = made[0]
    assert make()[:3] == b"\xef\xbb\xbf"  # made while the session is in use (a CSV, with BOM)
    exports = audit.recent(isolated_db, event="export")
    assert len(exports) == 1 and name in exports["detail"][0]
    assert exports["username"][0] == "coord"
    at.session_state["auth_session"]["seen"] -= timedelta(seconds=75)
    with pytest.raises(ui.DownloadRefused):
        make()
    with pytest.raises(ui.DownloadRefused):
        made[1][1]()
    at.run()  # the page also finds the session idle; the expiry is audited once
    assert at.session_state["auth_scope"] is None
    assert len(audit.recent(isolated_db, event="session_expired")) == 1


def test_a_download_counts_as_a_user_action(clicks, monkeypatch):
    at, made = clicks
    monkeypatch.setattr(ui, "download_token", lambda: TOKEN)
    at.run()
    session_state = at.session_state["auth_session"]
    session_state["seen"] -= timedelta(seconds=50)
    made[0][1]()
    assert audit.now() - session_state["seen"] < timedelta(seconds=5)
