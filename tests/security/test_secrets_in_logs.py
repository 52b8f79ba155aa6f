"""No secrets in logs (issue 21, item 4): a failed sign-in logs the attempted name only when it
is an existing account, never a password or the salt; the client address is recorded."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import audit, auth
from dashboard.scope import Scope
from dashboard.settings import get_settings
from tests.auth_support import APP
from tests.conftest import fill_tiny_dataset

ADMIN = Scope("beheerder", all_regions=True, username="beheer")
PASSWORD = "correct horse battery staple"


@pytest.fixture
def db(isolated_db):
    fill_tiny_dataset(isolated_db)
    auth.add_user(isolated_db, "gp", "huisarts", PASSWORD, practice="P1", by=ADMIN)
    return isolated_db


def everything_logged(engine) -> str:
    log = audit.recent(engine, limit=10_000)
    return "\n".join(" ".join(map(str, row)) for row in log.itertuples(index=False))


def test_a_password_typed_as_the_user_name_is_not_logged(db, caplog):
    caplog.set_level(logging.DEBUG)
    result = auth.authenticate(db, PASSWORD, PASSWORD, "10.0.0.7")
    assert not result.ok
    entry = audit.recent(db, event="sign_in_failed").iloc[0]
    assert entry["username"] == auth.UNKNOWN_NAME
    logged = everything_logged(db) + caplog.text
    assert PASSWORD.lower() not in logged.lower()
    assert get_settings().salt not in logged


def test_an_existing_accounts_name_is_logged_never_its_password(db, caplog):
    caplog.set_level(logging.DEBUG)
    auth.authenticate(db, "GP ", "een verkeerd wachtwoord", "10.0.0.7")
    auth.authenticate(db, "gp", PASSWORD, "10.0.0.7")
    failed = audit.recent(db, event="sign_in_failed").iloc[0]
    assert failed["username"] == "gp"
    logged = everything_logged(db) + caplog.text
    assert "een verkeerd wachtwoord" not in logged and PASSWORD not in logged
    assert get_settings().salt not in logged


def test_unknown_names_are_still_limited_per_name_without_being_logged(db):
    """The per-name limit must not tell unknown names from accounts: five wrong tries block an
    unknown name just as they block an account, and a different unknown name is not blocked."""
    settings = get_settings()
    for _ in range(settings.max_failed_sign_ins_user):
        assert auth.authenticate(db, "mijn geheim 123", "x", "10.0.0.8").reason == "auth.wrong"
    assert auth.authenticate(db, "mijn geheim 123", "x", "10.0.0.8").reason == "auth.blocked"
    assert auth.authenticate(db, "iets anders", "x", "10.0.0.8").reason == "auth.wrong"
    assert "mijn geheim" not in everything_logged(db)


def test_the_client_address_of_a_local_browser_is_recorded(db, monkeypatch):
    """Streamlit documents ``st.context.ip_address`` as None for a loopback peer; the log says
    "localhost" instead of "unknown" when the request is a real one (it has a Host header).
    AppTest cannot send headers, so ``st.context`` answers as Streamlit does for a local
    browser."""
    import streamlit

    local_browser = SimpleNamespace(ip_address=None, headers={"Host": "127.0.0.1:8501"})
    monkeypatch.setattr(streamlit, "context", local_browser)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.text_input(key="signin_username").input("gp")
    at.text_input(key="signin_password").input("fout fout fout")
    at.button[-1].click().run()
    entry = audit.recent(db, event="sign_in_failed").iloc[0]
    assert (entry["username"], entry["client"]) == ("gp", "localhost")
