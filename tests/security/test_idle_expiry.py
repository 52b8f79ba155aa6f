"""Idle expiry (issue 21, item 3): counted from the last user action, enforced on the next
rerun, and audited. Reported: with a 1-minute idle limit the next interaction after 75 s was
still signed in, with no expiry entry.

The clock is ``dashboard.audit.now`` (what the session times and the check read), set per step.
A plain ``AppTest.run()`` is a rerun nobody asked for, as Streamlit makes them when a websocket
reconnects or a fragment timer fires; clicking the language switch is a user action.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import audit, settings
from tests.auth_support import APP, ensure_user
from tests.conftest import fill_tiny_dataset

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    now = {"value": T0}
    monkeypatch.setattr(audit, "now", lambda: now["value"])
    return now


@pytest.fixture
def app(isolated_db, monkeypatch, clock):
    monkeypatch.setenv("HARTNETWERK_SESSION_IDLE_MINUTES", "1")
    settings.reset_settings_cache()
    fill_tiny_dataset(isolated_db)
    account = ensure_user(isolated_db, "coord", "coordinator", regions=["NRD"])
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["auth_session"] = {"username": account.username, "started": T0,
                                        "seen": T0}
    at.run()
    assert signed_in(at)
    yield at
    settings.reset_settings_cache()


def signed_in(at) -> bool:
    return at.session_state["auth_scope"] is not None


def click_language(at, code: str) -> None:
    at.radio(key="lang").set_value(code).run()


def expiries(engine) -> list[str]:
    log = audit.recent(engine, event="session_expired")
    return list(log["detail"])


def test_reruns_nobody_asked_for_do_not_keep_the_session_alive(app, clock, isolated_db):
    clock["value"] = T0 + timedelta(seconds=50)
    app.run()  # no widget changed: not a user action
    assert signed_in(app)
    clock["value"] = T0 + timedelta(seconds=75)
    click_language(app, "en")
    assert not signed_in(app)
    assert len(expiries(isolated_db)) == 1 and "auth.idle" in expiries(isolated_db)[0]


def test_user_actions_keep_the_session_alive(app, clock, isolated_db):
    for seconds, code in ((40, "en"), (80, "nl"), (120, "en")):
        clock["value"] = T0 + timedelta(seconds=seconds)
        click_language(app, code)
        assert signed_in(app), seconds
    assert expiries(isolated_db) == []


def test_opening_another_page_is_a_user_action(app, clock, isolated_db):
    clock["value"] = T0 + timedelta(seconds=45)
    app.switch_page("../pages/indicatoren.py").run()
    clock["value"] = T0 + timedelta(seconds=90)
    click_language(app, "en")
    assert signed_in(app)
    assert expiries(isolated_db) == []
