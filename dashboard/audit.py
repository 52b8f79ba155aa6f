"""The audit log: who signed in (or failed to), loaded data or exported what, and when.

Written by the sign-in (``dashboard.auth``), the ETL command line, the download buttons
(``dashboard.ui``) and user management; read on the beheer page and by the sign-in rate limit.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from sqlalchemy import Engine, insert, select

from dashboard.models import AuditLog

EVENTS = (
    "sign_in",
    "sign_in_failed",
    "sign_in_blocked",
    "sign_out",
    "session_expired",
    "data_load",
    "export",
    "user_added",
    "user_changed",
    "user_disabled",
    "user_enabled",
    "password_reset",
)
COLUMNS = ["at", "event", "username", "role", "client", "detail"]


def now() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime | None) -> datetime | None:
    """A stored time as aware UTC (SQLite hands back naive datetimes)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def record(
    engine: Engine,
    event: str,
    *,
    username: str | None = None,
    role: str | None = None,
    client: str | None = None,
    at: datetime | None = None,
    **detail: Any,
) -> None:
    """Append one entry; ``detail`` (file name, rows, target user ...) is stored as JSON."""
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    with engine.begin() as conn:
        conn.execute(
            insert(AuditLog.__table__).values(
                at=at or now(),
                event=event,
                username=username,
                role=role,
                client=(client or "")[:128] or None,
                detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
                if detail else "",
            )
        )


def recent(engine: Engine, limit: int = 500, event: str | None = None) -> pd.DataFrame:
    """The newest entries first (columns ``COLUMNS``)."""
    table = AuditLog.__table__
    statement = select(*(table.c[name] for name in COLUMNS)).order_by(
        table.c.at.desc(), table.c.id.desc()
    ).limit(limit)
    if event is not None:
        statement = statement.where(table.c.event == event)
    with engine.connect() as conn:
        rows = conn.execute(statement).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=COLUMNS)
