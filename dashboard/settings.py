"""Runtime settings, read from the environment in one place.

Every other module asks this one for the database URL, the pseudonymisation salt and the
small-number threshold, so a deployment changes behaviour through environment variables only.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "var"
SAMPLE_DATA_DIR = PROJECT_ROOT / "data" / "sample"


@dataclass(frozen=True)
class Settings:
    database_url: str
    salt: str
    small_number_threshold: int
    data_dir: Path
    # Sign-in (dashboard.auth): a session ends after this many minutes, or sooner when idle.
    session_minutes: int = 480
    session_idle_minutes: int = 30
    # Wrong passwords: at most this many per account / per client within the window.
    max_failed_sign_ins_user: int = 5
    max_failed_sign_ins_client: int = 20
    sign_in_window_minutes: int = 15
    # Reverse proxies in front of the app whose X-Forwarded-For entries are trusted (0: none,
    # the peer address is the client; see docs/deployment.md).
    trusted_proxy_hops: int = 0
    # "auto": demo mode (role picker, no sign-in) while only synthetic data is loaded;
    # "off": always sign in. There is no "on": real data is never shown without sign-in.
    demo_mode: str = "auto"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _data_dir() -> Path:
    return Path(os.environ.get("HARTNETWERK_DATA_DIR", DEFAULT_DATA_DIR))


def _salt(data_dir: Path) -> str:
    """The secret salt for patient pseudonyms.

    Taken from ``HARTNETWERK_SALT``; otherwise generated once and kept in ``<data_dir>/salt``
    (mode 600) so pseudonyms stay stable between loads without anyone choosing a weak salt.
    """
    from_env = os.environ.get("HARTNETWERK_SALT")
    if from_env:
        return from_env
    path = data_dir / "salt"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)
    path.write_text(value, encoding="utf-8")
    path.chmod(0o600)
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    data_dir = _data_dir()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'hartnetwerk.db'}"
    return Settings(
        database_url=url,
        salt=_salt(data_dir),
        small_number_threshold=int(os.environ.get("HARTNETWERK_SMALL_NUMBER_THRESHOLD", "10")),
        data_dir=data_dir,
        session_minutes=_int("HARTNETWERK_SESSION_MINUTES", 480),
        session_idle_minutes=_int("HARTNETWERK_SESSION_IDLE_MINUTES", 30),
        max_failed_sign_ins_user=_int("HARTNETWERK_MAX_FAILED_SIGN_INS", 5),
        max_failed_sign_ins_client=_int("HARTNETWERK_MAX_FAILED_SIGN_INS_CLIENT", 20),
        sign_in_window_minutes=_int("HARTNETWERK_SIGN_IN_WINDOW_MINUTES", 15),
        trusted_proxy_hops=_int("HARTNETWERK_TRUSTED_PROXY_HOPS", 0, minimum=0),
        demo_mode="off" if os.environ.get("HARTNETWERK_DEMO", "auto").lower() == "off" else "auto",
    )


def _int(name: str, default: int, minimum: int = 1) -> int:
    value = int(os.environ.get(name, str(default)))
    if value < minimum:
        kind = "a positive whole number" if minimum == 1 else f"a whole number >= {minimum}"
        raise ValueError(f"{name} must be {kind}; got {value}")
    return value


def reset_settings_cache() -> None:
    """Forget cached settings (tests change the environment between cases)."""
    get_settings.cache_clear()
