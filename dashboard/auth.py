"""Accounts, passwords, sign-in with a rate limit, sessions, and the scope of an account.

No Streamlit here: the sign-in page (``dashboard.ui``) and the command line
(``python -m dashboard.users``) both call these functions.

* Passwords are hashed with argon2id (argon2-cffi's defaults, the RFC 9106 low-memory
  profile); a hash made with older parameters is upgraded at the next sign-in.
* Wrong passwords are counted in the audit log, so the limit survives reruns, reloads and
  restarts: at most ``max_failed_sign_ins_user`` per account (since its last good sign-in) and
  ``max_failed_sign_ins_client`` per client within ``sign_in_window_minutes``.
* A session ends ``session_minutes`` after sign-in, or after ``session_idle_minutes`` without
  a page view; the account is read again on every page view, so disabling it or changing its
  role takes effect at once.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, delete, func, insert, select, update

from dashboard import audit, i18n
from dashboard.models import AppUser, AuditLog, Practice, Region, UserRegion
from dashboard.scope import REGION_ROLES, ROLES, AccessDenied, Scope
from dashboard.settings import Settings, get_settings

MIN_PASSWORD_LENGTH = 12
# Written to the audit log instead of a user name that belongs to no account: such a "name" is
# often a password typed into the wrong field, and the log is shown to beheerders.
UNKNOWN_NAME = "(onbekende naam)"
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._@+-]{1,253}")
_HASHER = PasswordHasher()


def client_address(peer: str | None, forwarded_for: str | None, trusted_hops: int) -> str:
    """The address to count sign-in attempts against, behind ``trusted_hops`` reverse proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with
    ``trusted_hops`` proxies the client is the ``trusted_hops``-th entry from the right; entries
    further left were written by the client itself and could be anything, so they are never
    used (the approach of e.g. Werkzeug's ``ProxyFix``). Without trusted proxies, or when the
    header has fewer entries than expected (a request that bypassed a proxy), the peer address
    counts.
    """
    if trusted_hops > 0 and forwarded_for:
        entries = [part.strip() for part in forwarded_for.split(",") if part.strip()]
        if len(entries) >= trusted_hops:
            return entries[-trusted_hops][:128]
    return (peer or "unknown")[:128]


class AccountError(ValueError):
    """A refused account change; ``key`` is the i18n key of the reason."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return i18n.translate(self.key, lang, **self.values)


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    practice: str | None
    regions: tuple[str, ...]
    active: bool
    has_password: bool


# ---- passwords ------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    check_password(password)
    return _HASHER.hash(password)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("auth.password_short", length=MIN_PASSWORD_LENGTH)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Unknown accounts are verified against this, so a wrong name costs as long as a wrong
    # password and the response time does not tell which accounts exist.
    return _HASHER.hash("not a password of anyone")


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _dummy_hash(), password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# ---- accounts -------------------------------------------------------------------------------


def normalise_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not _USERNAME.fullmatch(name):
        raise AccountError("auth.username_invalid", name=username)
    return name


def _now() -> datetime:
    return audit.now()


def get_account(engine: Engine, username: str) -> Account | None:
    try:
        name = normalise_username(username)
    except AccountError:
        return None
    users, links = AppUser.__table__, UserRegion.__table__
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.username == name)).first()
        if row is None:
            return None
        regions = conn.execute(
            select(links.c.region).where(links.c.user_id == row.id).order_by(links.c.region)
        ).scalars().all()
    return Account(
        id=row.id,
        username=row.username,
        display_name=row.display_name or row.username,
        role=row.role,
        practice=row.practice,
        regions=tuple(regions),
        active=bool(row.active),
        has_password=bool(row.password_hash),
    )


def _check_binding(engine: Engine, role: str, practice: str | None,
                   regions: Iterable[str]) -> tuple[str | None, tuple[str, ...]]:
    if role not in ROLES:
        raise AccountError("auth.role_invalid", role=role, roles=", ".join(ROLES))
    regions = tuple(sorted({r.strip() for r in regions if r and r.strip()}))
    if role == "huisarts":
        if not practice or regions:
            raise AccountError("auth.huisarts_binding")
        with engine.connect() as conn:
            found = conn.execute(
                select(Practice.__table__.c.code).where(Practice.__table__.c.code == practice)
            ).first()
        if found is None:
            raise AccountError("auth.practice_unknown", practice=practice)
        return practice, ()
    if practice:
        raise AccountError("auth.practice_only_huisarts", role=role)
    if role in REGION_ROLES:
        if not regions:
            raise AccountError("auth.regions_needed", role=role)
        with engine.connect() as conn:
            known = set(conn.execute(select(Region.__table__.c.code)).scalars())
        unknown = [r for r in regions if r not in known]
        if unknown:
            raise AccountError("auth.region_unknown", regions=", ".join(unknown))
        return None, regions
    if regions:
        raise AccountError("auth.beheerder_all_regions")
    return None, ()


def check_manager(by: Scope) -> None:
    """Accounts are changed by a signed-in beheerder only (the command line acts as one);
    never by another role, and never from the demo role picker."""
    if by.role != "beheerder":
        raise AccessDenied("access.beheer_only")
    if by.demo:
        raise AccessDenied("access.beheer_demo")


def add_user(
    engine: Engine,
    username: str,
    role: str,
    password: str | None,
    *,
    by: Scope,
    practice: str | None = None,
    regions: Iterable[str] = (),
    display_name: str = "",
    client: str | None = None,
) -> Account:
    """Create an account. ``password`` None: an account that signs in through OIDC only.
    ``by`` is who makes it (:func:`check_manager`)."""
    check_manager(by)
    name = normalise_username(username)
    practice, regions = _check_binding(engine, role, practice, regions)
    hashed = hash_password(password) if password is not None else ""
    if get_account(engine, name) is not None:
        raise AccountError("auth.user_exists", name=name)
    moment = _now()
    with engine.begin() as conn:
        user_id = conn.execute(
            insert(AppUser.__table__).values(
                username=name, display_name=display_name.strip(), role=role,
                practice=practice, password_hash=hashed, active=True,
                created_at=moment, updated_at=moment,
            )
        ).inserted_primary_key[0]
        for region in regions:
            conn.execute(insert(UserRegion.__table__).values(user_id=user_id, region=region))
    audit.record(engine, "user_added", username=by.username, client=client, target=name,
                 role=role,
                 practice=practice, regions=list(regions))
    return get_account(engine, name)


def _require(engine: Engine, username: str) -> Account:
    account = get_account(engine, username)
    if account is None:
        raise AccountError("auth.user_unknown", name=username)
    return account


def set_password(engine: Engine, username: str, password: str, *, by: Scope,
                 client: str | None = None) -> None:
    check_manager(by)
    account = _require(engine, username)
    hashed = hash_password(password)
    with engine.begin() as conn:
        conn.execute(update(AppUser.__table__).where(AppUser.__table__.c.id == account.id)
                     .values(password_hash=hashed, updated_at=_now()))
    audit.record(engine, "password_reset", username=by.username, client=client,
                 target=account.username)


def set_active(engine: Engine, username: str, active: bool, *, by: Scope,
               client: str | None = None) -> None:
    check_manager(by)
    account = _require(engine, username)
    with engine.begin() as conn:
        conn.execute(update(AppUser.__table__).where(AppUser.__table__.c.id == account.id)
                     .values(active=active, updated_at=_now()))
    audit.record(engine, "user_enabled" if active else "user_disabled", username=by.username,
                 client=client, target=account.username)


def set_binding(engine: Engine, username: str, role: str, *, practice: str | None = None,
                regions: Iterable[str] = (), by: Scope,
                client: str | None = None) -> None:
    """Change an account's role and its practice or regions."""
    check_manager(by)
    account = _require(engine, username)
    practice, regions = _check_binding(engine, role, practice, regions)
    links = UserRegion.__table__
    with engine.begin() as conn:
        conn.execute(update(AppUser.__table__).where(AppUser.__table__.c.id == account.id)
                     .values(role=role, practice=practice, updated_at=_now()))
        conn.execute(delete(links).where(links.c.user_id == account.id))
        for region in regions:
            conn.execute(insert(links).values(user_id=account.id, region=region))
    audit.record(engine, "user_changed", username=by.username, client=client,
                 target=account.username, role=role, practice=practice, regions=list(regions))


USER_COLUMNS = ["username", "display_name", "role", "practice", "regions", "active",
                "created_at", "updated_at"]


def list_users(engine: Engine) -> pd.DataFrame:
    """Every account (columns ``USER_COLUMNS``; ``regions`` comma-separated), by name."""
    users, links = AppUser.__table__, UserRegion.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(users).order_by(users.c.username)).all()
        pairs = conn.execute(select(links.c.user_id, links.c.region)
                             .order_by(links.c.region)).all()
    regions: dict[int, list[str]] = {}
    for user_id, region in pairs:
        regions.setdefault(user_id, []).append(region)
    return pd.DataFrame(
        [(r.username, r.display_name, r.role, r.practice, ", ".join(regions.get(r.id, [])),
          bool(r.active), r.created_at, r.updated_at) for r in rows],
        columns=USER_COLUMNS,
    )


# ---- the scope of an account ------------------------------------------------------------------


def scope_for(engine: Engine, account: Account) -> Scope:
    """The :class:`Scope` an account works in (a huisarts's region is its practice's)."""
    if account.role == "beheerder":
        return Scope("beheerder", all_regions=True, username=account.username)
    if account.role == "huisarts":
        table = Practice.__table__
        with engine.connect() as conn:
            region = conn.execute(
                select(table.c.region).where(table.c.code == account.practice)
            ).scalar()
        if region is None:
            raise AccountError("auth.practice_unknown", practice=account.practice)
        return Scope("huisarts", regions=frozenset({region}), practice=account.practice,
                     username=account.username)
    return Scope(account.role, regions=frozenset(account.regions), username=account.username)


# ---- signing in -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignIn:
    ok: bool
    account: Account | None = None
    reason: str = ""  # i18n key of the message when not ok
    minutes: int = 0  # for a blocked sign-in: the window after which it may be tried again


def _failures(conn, column, value: str, since: datetime, attempt: str | None = None) -> int:
    table = AuditLog.__table__
    condition = (table.c.event == "sign_in_failed") & (column == value) & (table.c.at >= since)
    if attempt is not None:
        condition &= table.c.detail.contains(attempt)
    return conn.execute(select(func.count()).where(condition)).scalar_one()


def attempt_token(name: str, salt: str) -> str:
    """A keyed hash of a user name that belongs to no account: the per-name limit on wrong
    passwords still counts it (so the answer does not tell unknown names from known ones)
    while the log never holds what was typed. Keyed with the secret salt, so the token cannot
    be reversed by hashing guesses."""
    return hmac.new(salt.encode(), name.encode(), hashlib.sha256).hexdigest()[:24]


def _last_success(conn, username: str) -> datetime | None:
    table = AuditLog.__table__
    return conn.execute(
        select(func.max(table.c.at)).where(
            table.c.event == "sign_in", table.c.username == username
        )
    ).scalar()


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    client: str | None,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
) -> SignIn:
    """Check a username and password, within the rate limit; every attempt is audited.

    Unknown names, wrong passwords and disabled accounts get the same answer, so the sign-in
    page does not tell which accounts exist.
    """
    settings = settings or get_settings()
    moment = now or _now()
    since = moment - timedelta(minutes=settings.sign_in_window_minutes)
    name = (username or "").strip().lower()[:254]
    client_key = (client or "unknown")[:128]
    table = AuditLog.__table__
    account = get_account(engine, name)
    # Only an existing account's name is logged; anything else is the fixed marker plus a
    # keyed token in the detail, which the per-name limit counts.
    logged, attempt = (account.username, None) if account is not None else (
        UNKNOWN_NAME, attempt_token(name, settings.salt))
    extra = {"attempt": attempt} if attempt else {}
    with engine.connect() as conn:
        last_good = audit.aware(_last_success(conn, logged)) if attempt is None else None
        user_since = max(since, last_good) if last_good else since
        per_user = _failures(conn, table.c.username, logged, user_since, attempt)
        per_client = _failures(conn, table.c.client, client_key, since)
    if (per_user >= settings.max_failed_sign_ins_user
            or per_client >= settings.max_failed_sign_ins_client):
        audit.record(engine, "sign_in_blocked", username=logged, client=client_key, at=moment,
                     failed_user=per_user, failed_client=per_client, **extra)
        return SignIn(False, reason="auth.blocked", minutes=settings.sign_in_window_minutes)
    stored = ""
    if account is not None:
        with engine.connect() as conn:
            stored = conn.execute(
                select(AppUser.__table__.c.password_hash).where(
                    AppUser.__table__.c.id == account.id)
            ).scalar() or ""
    good = _verify(stored, password or "")
    if not good or account is None or not account.active:
        audit.record(engine, "sign_in_failed", username=logged, client=client_key, at=moment,
                     reason="inactive" if good and account is not None else "password",
                     **extra)
        return SignIn(False, reason="auth.wrong")
    if _HASHER.check_needs_rehash(stored):
        with engine.begin() as conn:
            conn.execute(update(AppUser.__table__).where(AppUser.__table__.c.id == account.id)
                         .values(password_hash=_HASHER.hash(password)))
    audit.record(engine, "sign_in", username=account.username, role=account.role,
                 client=client_key, at=moment, method="password")
    return SignIn(True, account=account)


def session_problem(started: datetime, last_seen: datetime, *, now: datetime | None = None,
                    settings: Settings | None = None) -> str | None:
    """Why a session has ended ("auth.expired" / "auth.idle"), or None while it is valid."""
    settings = settings or get_settings()
    moment = now or _now()
    if moment - started > timedelta(minutes=settings.session_minutes):
        return "auth.expired"
    if moment - last_seen > timedelta(minutes=settings.session_idle_minutes):
        return "auth.idle"
    return None
