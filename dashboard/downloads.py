"""Downloads bound to the session that made them (issue 21).

Streamlit serves a download button's file at ``/media/<hash>.<ext>`` to any request that
names it: no cookie, no session. The dashboard closes that in three steps:

1. Every download is made on click (``ui.download_button``: a callable as the button's data),
   over the websocket of the session that clicked, and only while that session is signed in
   and neither idle nor expired; making one counts as a user action and is audited.
2. Making it grants the file to that session's browser: the *download cookie* (a random token
   the guard in ``dashboard.server`` gives every browser on its first request, HttpOnly and
   SameSite=Strict) plus the content's digest, for :data:`GRANT_SECONDS`.
3. The guard in front of ``/media`` serves a file only against such a grant: the request must
   carry the cookie the grant names, the session must still be usable (not signed out,
   idle or expired at that moment), and the grant is used up by the delivery (two fetches:
   Streamlit's button checks the URL, then downloads it). Anything else is answered 404,
   whether the file exists or not.

No Streamlit here: the guard (an ASGI middleware) and the page helper both use this registry.
A session is the dict ``ui`` keeps in ``st.session_state`` (``username``, ``started``,
``seen``, and ``ended`` once it ends), shared by reference, so a sign-out or an expiry seen
by the page is seen by the guard at once. Demo sessions (no sign-in) have no session dict;
their files are still bound to the browser's cookie and used up on delivery.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dashboard import auth

COOKIE = "hartnetwerk_download"
GRANT_SECONDS = 60
# Streamlit's download button fetches the file twice: a check of the URL, then the download.
FETCHES_PER_GRANT = 2
_TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(_TOKEN_BYTES)


def valid_token(token: str | None) -> bool:
    """A token this guard could have made (the cookie is set by the client, so its shape is
    checked before it is used as a key)."""
    return bool(token) and 30 <= len(token) <= 64 and token.replace("-", "").replace(
        "_", "").isalnum()


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def session_problem(session: dict[str, Any] | None, now: datetime) -> str | None:
    """Why a signed-in session may no longer download ("auth.signed_out", "auth.idle",
    "auth.expired"), or None. ``None`` as session is a demo session: always usable."""
    if session is None:
        return None
    if session.get("ended"):
        return str(session["ended"])
    return auth.session_problem(session["started"], session["seen"], now=now)


def end_once(session: dict[str, Any], reason: str) -> bool:
    """Mark ``session`` as ended; True only for the caller that ended it (the page and a
    download may both find the same idle session, and it is audited once)."""
    with _END_LOCK:
        if session.get("ended"):
            return False
        session["ended"] = reason
        return True


_END_LOCK = threading.Lock()


@dataclass
class Grant:
    token: str
    session: dict[str, Any] | None
    expires: datetime
    fetches_left: int = FETCHES_PER_GRANT


class Registry:
    """Grants by content digest; thread-safe (the page's download thread adds, the server's
    event loop claims)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._grants: dict[str, list[Grant]] = {}

    def grant(self, token: str, session: dict[str, Any] | None, content: bytes,
              now: datetime) -> None:
        entry = Grant(token, session, now + timedelta(seconds=GRANT_SECONDS))
        with self._lock:
            self._drop_expired(now)
            self._grants.setdefault(digest(content), []).append(entry)

    def claim(self, token: str | None, content: bytes, now: datetime) -> bool:
        """Use up the grant of ``content`` for the browser holding ``token``; False when there
        is none, it expired, or its session can no longer download."""
        if not valid_token(token):
            return False
        key = digest(content)
        with self._lock:
            self._drop_expired(now)
            for entry in self._grants.get(key, []):
                if secrets.compare_digest(entry.token, token):
                    entry.fetches_left -= 1
                    if entry.fetches_left <= 0:
                        self._grants[key].remove(entry)
                        if not self._grants[key]:
                            del self._grants[key]
                    return session_problem(entry.session, now) is None
        return False

    def _drop_expired(self, now: datetime) -> None:
        for key in list(self._grants):
            kept = [entry for entry in self._grants[key] if entry.expires > now]
            if kept:
                self._grants[key] = kept
            else:
                del self._grants[key]

    def __len__(self) -> int:
        with self._lock:
            return sum(len(entries) for entries in self._grants.values())


REGISTRY = Registry()
