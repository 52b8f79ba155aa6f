"""The served app: ``dashboard/app.py`` as a Streamlit ``st.App`` with the download guard.

``python -m dashboard`` runs ``streamlit run dashboard/server.py``; Streamlit finds ``app``
below and serves it with its own routes, behind :class:`DownloadGuard` (see
``dashboard.downloads`` for what it guards and why). Running ``streamlit run
dashboard/app.py`` directly leaves the guard out: its pages then refuse every download.
"""

from __future__ import annotations

import sys
from http.cookies import CookieError, SimpleCookie
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from dashboard import audit, downloads  # noqa: E402


def _media_prefix() -> str:
    """Where Streamlit serves media files: ``/media/``, under ``server.baseUrlPath`` if set
    (``/static/media/`` holds the app's own fonts and is not guarded)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/media/" if base else "/media/"


def _cookies(headers: list[tuple[bytes, bytes]]) -> dict[str, str]:
    jar = SimpleCookie()
    for name, value in headers:
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except CookieError:
                continue
    return {key: morsel.value for key, morsel in jar.items()}


def _forwarded_https(headers: list[tuple[bytes, bytes]], scheme: str) -> bool:
    proto = dict(headers).get(b"x-forwarded-proto", b"").decode("latin-1").lower()
    return scheme == "https" or proto == "https"


class DownloadGuard:
    """ASGI middleware: gives every browser a download cookie, and serves ``/media`` files only
    against a grant (``dashboard.downloads.REGISTRY``); any other ``/media`` request gets 404."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        token = _cookies(headers).get(downloads.COOKIE)
        path = scope.get("path", "")
        media = _media_prefix()
        if path.startswith(media):
            if not self._granted(path[len(media):], token):
                await _not_found(send)
                return
            await self.app(scope, receive, send)
            return
        if downloads.valid_token(token):
            await self.app(scope, receive, send)
            return
        cookie = (f"{downloads.COOKIE}={downloads.new_token()}; Path=/; HttpOnly; "
                  f"SameSite=Strict")
        if _forwarded_https(headers, scope.get("scheme", "http")):
            cookie += "; Secure"

        async def send_with_cookie(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"set-cookie", cookie.encode("latin-1"))]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    @staticmethod
    def _granted(file_name: str, token: str | None) -> bool:
        from streamlit import runtime

        if not runtime.exists():
            return False
        stored = runtime.get_instance().media_file_mgr.read_file(file_name)
        if stored is None:
            return False
        return downloads.REGISTRY.claim(token, stored.content, audit.now())


async def _not_found(send) -> None:
    await send({"type": "http.response.start", "status": 404,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": b"Not found"})


app = st.App(str(Path(__file__).with_name("app.py")), middleware=[Middleware(DownloadGuard)])
