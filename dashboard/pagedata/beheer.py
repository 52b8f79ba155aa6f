"""The beheer page's data: accounts and the audit log, for a ``beheerder`` scope only.

Reading needs the beheerder role; changing accounts also needs a real sign-in (not the demo
role picker), so nobody can make an account by choosing "beheerder" in a demo.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlalchemy import Engine

from dashboard import audit, auth
from dashboard.queries.common import practice_directory, region_directory
from dashboard.scope import AccessDenied, Scope


def _check_read(scope: Scope) -> None:
    if scope.role != "beheerder":
        raise AccessDenied("access.beheer_only")


def _check_write(scope: Scope) -> None:
    _check_read(scope)
    if scope.demo:
        raise AccessDenied("access.beheer_demo")


def users(engine: Engine, scope: Scope) -> pd.DataFrame:
    _check_read(scope)
    return auth.list_users(engine)


def audit_log(engine: Engine, scope: Scope, limit: int = 500,
              event: str | None = None) -> pd.DataFrame:
    _check_read(scope)
    return audit.recent(engine, limit=limit, event=event)


def binding_choices(engine: Engine, scope: Scope) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Regions and practices (with names: a beheerder binds a GP to the right practice)."""
    _check_read(scope)
    return region_directory(engine), practice_directory(engine)


def add_user(engine: Engine, scope: Scope, username: str, role: str, password: str | None, *,
             practice: str | None = None, regions: Iterable[str] = (),
             display_name: str = "", client: str | None = None) -> auth.Account:
    _check_write(scope)
    return auth.add_user(engine, username, role, password, by=scope, practice=practice,
                         regions=regions, display_name=display_name, client=client)


def set_active(engine: Engine, scope: Scope, username: str, active: bool,
               client: str | None = None) -> None:
    _check_write(scope)
    if not active and auth.normalise_username(username) == scope.username:
        raise auth.AccountError("auth.not_yourself")
    auth.set_active(engine, username, active, by=scope, client=client)


def set_password(engine: Engine, scope: Scope, username: str, password: str,
                 client: str | None = None) -> None:
    _check_write(scope)
    auth.set_password(engine, username, password, by=scope, client=client)
