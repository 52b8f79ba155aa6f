"""Signing in inside AppTest: a real account and a session, as the sign-in page makes them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard import audit, auth, database
from dashboard.scope import Scope

ADMIN = Scope("beheerder", all_regions=True, username="beheer")

PASSWORD = "correct horse battery staple"
APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"


def ensure_user(engine, username: str, role: str, *, practice: str | None = None,
                regions: Iterable[str] = ()) -> auth.Account:
    account = auth.get_account(engine, username)
    if account is None:
        account = auth.add_user(engine, username, role, PASSWORD, practice=practice,
                                regions=regions, by=ADMIN)
    return account


def sign_in(at: AppTest, engine=None, role: str = "beheerder", *, practice: str | None = None,
            regions: Iterable[str] = (), username: str | None = None) -> AppTest:
    """Put a valid session for a (new or existing) account into ``at``'s session state.

    The default, a beheerder, sees every region with every practice under its pseudonym: what
    the pages showed before there was sign-in.
    """
    engine = engine or database.get_engine()
    regions = tuple(regions)
    name = username or "-".join(filter(None, ["test", role, practice, *regions])).lower()
    account = ensure_user(engine, name, role, practice=practice, regions=regions)
    moment = audit.now()
    at.session_state["auth_session"] = {"username": account.username, "started": moment,
                                        "seen": moment}
    return at


def open_signed_in(engine, page: str, role: str, **binding) -> AppTest:
    """The app signed in as ``role`` (``binding``: practice, regions), on ``pages/<page>.py``,
    checked to have rendered without an exception."""
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60), engine, role, **binding)
    at.run()
    at.switch_page(f"../pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
