"""Accounts, passwords, the sign-in rate limit, sessions and the users CLI (dashboard.auth)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from dashboard import audit, auth, users
from dashboard.scope import Scope
from dashboard.settings import get_settings
from tests.conftest import fill_tiny_dataset

ADMIN = Scope("beheerder", all_regions=True, username="beheer")

GOOD = "een lang genoeg wachtwoord"


@pytest.fixture
def db(isolated_db):
    fill_tiny_dataset(isolated_db)  # regions NRD, ZD; practices P1-P3 (NRD), P4 (ZD)
    return isolated_db


def events(engine, event=None):
    return list(audit.recent(engine, event=event)["event"])


def test_password_is_stored_as_an_argon2id_hash(db):
    auth.add_user(db, "A.Jansen", "huisarts", GOOD, practice="P1", by=ADMIN)
    with db.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT username, password_hash FROM app_user").one()
    assert stored[0] == "a.jansen"  # user names are case-insensitive
    assert stored[1].startswith("$argon2id$") and GOOD not in stored[1]
    # An independent verifier accepts it (the hash is standard PHC format).
    assert PasswordHasher().verify(stored[1], GOOD)


@pytest.mark.parametrize(
    ("role", "binding", "reason"),
    [
        ("huisarts", {}, "auth.huisarts_binding"),
        ("huisarts", {"practice": "NOPE"}, "auth.practice_unknown"),
        ("huisarts", {"practice": "P1", "regions": ["NRD"]}, "auth.huisarts_binding"),
        ("coordinator", {}, "auth.regions_needed"),
        ("cardioloog", {"regions": ["XX"]}, "auth.region_unknown"),
        ("verzekeraar", {"practice": "P1", "regions": ["NRD"]}, "auth.practice_only_huisarts"),
        ("beheerder", {"regions": ["NRD"]}, "auth.beheerder_all_regions"),
        ("admin", {}, "auth.role_invalid"),
    ],
)
def test_bindings_are_checked(db, role, binding, reason):
    with pytest.raises(auth.AccountError) as error:
        auth.add_user(db, "someone", role, GOOD, **binding, by=ADMIN)
    assert error.value.key == reason
    assert auth.get_account(db, "someone") is None


def test_short_passwords_bad_names_and_duplicates_are_refused(db):
    with pytest.raises(auth.AccountError, match="auth.password_short"):
        auth.add_user(db, "kort", "beheerder", "elf tekens!", by=ADMIN)
    for name in ("", "x", "met spatie", "'; DROP TABLE app_user; --", "=HYPERLINK(\"x\")"):
        with pytest.raises(auth.AccountError, match="auth.username_invalid"):
            auth.add_user(db, name, "beheerder", GOOD, by=ADMIN)
    auth.add_user(db, "beheer", "beheerder", GOOD, by=ADMIN)
    with pytest.raises(auth.AccountError, match="auth.user_exists"):
        auth.add_user(db, "BEHEER", "beheerder", GOOD, by=ADMIN)


def test_scope_of_each_role(db):
    auth.add_user(db, "gp", "huisarts", GOOD, practice="P4", by=ADMIN)
    auth.add_user(db, "cardio", "cardioloog", GOOD, regions=["NRD", "ZD"], by=ADMIN)
    auth.add_user(db, "insurer", "verzekeraar", GOOD, regions=["ZD"], by=ADMIN)
    auth.add_user(db, "admin", "beheerder", GOOD, by=ADMIN)
    gp = auth.scope_for(db, auth.get_account(db, "gp"))
    assert (gp.role, gp.practice, gp.regions) == ("huisarts", "P4", frozenset({"ZD"}))
    assert auth.scope_for(db, auth.get_account(db, "cardio")).regions == {"NRD", "ZD"}
    insurer = auth.scope_for(db, auth.get_account(db, "insurer"))
    assert not insurer.practice_level and insurer.visible_regions(["NRD", "ZD"]) == ["ZD"]
    assert auth.scope_for(db, auth.get_account(db, "admin")).all_regions


def test_sign_in_audits_success_and_failure_alike_for_unknown_names(db):
    auth.add_user(db, "gp", "huisarts", GOOD, practice="P1", by=ADMIN)
    assert auth.authenticate(db, "GP", GOOD, "10.0.0.1").ok
    wrong = auth.authenticate(db, "gp", "wrong password!", "10.0.0.1")
    unknown = auth.authenticate(db, "nobody", GOOD, "10.0.0.1")
    assert (wrong.ok, wrong.reason) == (unknown.ok, unknown.reason) == (False, "auth.wrong")
    log = audit.recent(db)
    assert list(log["event"]) == ["sign_in_failed", "sign_in_failed", "sign_in", "user_added"]
    assert list(log["username"][:3]) == [auth.UNKNOWN_NAME, "gp", "gp"]
    assert set(log["client"][:3]) == {"10.0.0.1"}


def test_disabled_account_cannot_sign_in_and_enable_restores(db):
    auth.add_user(db, "gp", "huisarts", GOOD, practice="P1", by=ADMIN)
    auth.set_active(db, "gp", False, by=ADMIN)
    assert auth.authenticate(db, "gp", GOOD, "c").reason == "auth.wrong"
    auth.set_active(db, "gp", True, by=ADMIN)
    assert auth.authenticate(db, "gp", GOOD, "c").ok
    auth.set_password(db, "gp", "een heel ander wachtwoord", by=ADMIN)
    assert not auth.authenticate(db, "gp", GOOD, "c").ok
    assert auth.authenticate(db, "gp", "een heel ander wachtwoord", "c").ok


def test_wrong_passwords_are_rate_limited_per_account(db):
    settings = replace(get_settings(), max_failed_sign_ins_user=3, sign_in_window_minutes=15)
    auth.add_user(db, "gp", "huisarts", GOOD, practice="P1", by=ADMIN)
    start = audit.now()
    for minute in range(3):
        result = auth.authenticate(db, "gp", "fout wachtwoord", f"client-{minute}",
                                   now=start + timedelta(minutes=minute), settings=settings)
        assert result.reason == "auth.wrong"
    # The fourth try is blocked even with the right password and from another client: the
    # count lives in the database, not in a session, so reruns and reloads do not reset it.
    blocked = auth.authenticate(db, "gp", GOOD, "client-new",
                                now=start + timedelta(minutes=3), settings=settings)
    assert (blocked.ok, blocked.reason, blocked.minutes) == (False, "auth.blocked", 15)
    assert events(db, "sign_in_blocked") == ["sign_in_blocked"]
    # After the window the account may try again.
    later = auth.authenticate(db, "gp", GOOD, "client-new",
                              now=start + timedelta(minutes=17), settings=settings)
    assert later.ok


def test_a_good_sign_in_resets_the_account_count(db):
    settings = replace(get_settings(), max_failed_sign_ins_user=3)
    auth.add_user(db, "gp", "huisarts", GOOD, practice="P1", by=ADMIN)
    start = audit.now()
    for minute, password in enumerate(["fout 1 xxxxxxx", "fout 2 xxxxxxx", GOOD,
                                       "fout 3 xxxxxxx", "fout 4 xxxxxxx"]):
        auth.authenticate(db, "gp", password, "c", now=start + timedelta(minutes=minute),
                          settings=settings)
    assert auth.authenticate(db, "gp", GOOD, "c", now=start + timedelta(minutes=6),
                             settings=settings).ok


def test_wrong_passwords_are_rate_limited_per_client(db):
    settings = replace(get_settings(), max_failed_sign_ins_client=4)
    auth.add_user(db, "gp", "huisarts", GOOD, practice="P1", by=ADMIN)
    start = audit.now()
    # Password spraying: one client, a different account name each time.
    for index in range(4):
        auth.authenticate(db, f"guess{index}", "fout wachtwoord", "203.0.113.9",
                          now=start + timedelta(seconds=index), settings=settings)
    blocked = auth.authenticate(db, "gp", GOOD, "203.0.113.9",
                                now=start + timedelta(seconds=5), settings=settings)
    assert blocked.reason == "auth.blocked"
    assert auth.authenticate(db, "gp", GOOD, "198.51.100.1",
                             now=start + timedelta(seconds=6), settings=settings).ok


def test_session_expiry_and_idle_timeout():
    settings = replace(get_settings(), session_minutes=60, session_idle_minutes=15)
    start = audit.now()
    assert auth.session_problem(start, start, now=start + timedelta(minutes=14),
                                settings=settings) is None
    assert auth.session_problem(start, start, now=start + timedelta(minutes=16),
                                settings=settings) == "auth.idle"
    seen = start + timedelta(minutes=55)
    assert auth.session_problem(start, seen, now=start + timedelta(minutes=59),
                                settings=settings) is None
    assert auth.session_problem(start, seen, now=start + timedelta(minutes=61),
                                settings=settings) == "auth.expired"


def test_settings_come_from_the_environment(monkeypatch, isolated_db):
    from dashboard.settings import reset_settings_cache

    monkeypatch.setenv("HARTNETWERK_SESSION_MINUTES", "90")
    monkeypatch.setenv("HARTNETWERK_MAX_FAILED_SIGN_INS", "7")
    monkeypatch.setenv("HARTNETWERK_DEMO", "off")
    reset_settings_cache()
    settings = get_settings()
    assert (settings.session_minutes, settings.max_failed_sign_ins_user) == (90, 7)
    assert settings.demo_mode == "off"
    monkeypatch.setenv("HARTNETWERK_SESSION_MINUTES", "0")
    reset_settings_cache()
    with pytest.raises(ValueError, match="HARTNETWERK_SESSION_MINUTES"):
        get_settings()


def test_users_cli(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(GOOD + "\n"))
    assert users.main(["add", "c.devries", "--role", "coordinator", "--region", "NRD",
                       "--region", "ZD", "--name", "C. de Vries", "--password-stdin"]) == 0
    assert "added c.devries (coordinator; NRD, ZD)" in capsys.readouterr().out
    assert users.main(["add", "gp", "--role", "huisarts", "--practice", "P1",
                       "--oidc-only"]) == 0
    assert not auth.get_account(db, "gp").has_password
    assert auth.authenticate(db, "gp", "", "c").reason == "auth.wrong"

    assert users.main(["add", "xy", "--role", "huisarts", "--oidc-only"]) == 1
    assert "A GP belongs to exactly one practice" in capsys.readouterr().err

    assert users.main(["disable", "c.devries"]) == 0
    assert not auth.get_account(db, "c.devries").active
    assert users.main(["enable", "c.devries"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("nog een ander wachtwoord\n"))
    assert users.main(["reset-password", "c.devries", "--password-stdin"]) == 0
    assert auth.authenticate(db, "c.devries", "nog een ander wachtwoord", "c").ok
    assert users.main(["change", "gp", "--role", "cardioloog", "--region", "NRD"]) == 0
    assert auth.get_account(db, "gp").role == "cardioloog"
    capsys.readouterr()
    assert users.main(["list"]) == 0
    listing = capsys.readouterr().out
    assert "c.devries" in listing and "cardioloog" in listing
    actions = audit.recent(db)
    assert set(actions["event"]) >= {"user_added", "user_disabled", "user_enabled",
                                     "password_reset", "user_changed"}
    assert actions.loc[actions["event"] == "user_added", "username"].str.startswith(
        "cli").all()


def test_scope_refuses_inconsistent_bindings():
    with pytest.raises(ValueError):
        Scope("huisarts", practice="P1")  # no region
    with pytest.raises(ValueError):
        Scope("coordinator")
    with pytest.raises(ValueError):
        Scope("beheerder")  # must be all regions
    with pytest.raises(ValueError):
        Scope("verzekeraar", regions=frozenset({"A"}), practice="P1")


# ---- the client address behind reverse proxies ------------------------------------------------


def test_client_address_without_trusted_proxies_is_the_peer_even_with_a_header():
    # A client can send any X-Forwarded-For; without a configured proxy it must not count.
    assert auth.client_address("203.0.113.9", "198.51.100.1", 0) == "203.0.113.9"


def test_client_address_behind_one_proxy_takes_the_entry_the_proxy_appended():
    # nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the client's address.
    header = "10.0.0.1, 192.0.2.77"  # "10.0.0.1" forged by the client
    assert auth.client_address("172.16.0.2", header, 1) == "192.0.2.77"


def test_client_address_behind_two_proxies():
    header = "forged, 192.0.2.77, 172.16.0.3"
    assert auth.client_address("172.16.0.2", header, 2) == "192.0.2.77"


def test_client_address_falls_back_to_the_peer_when_the_header_is_short_or_absent():
    assert auth.client_address("172.16.0.2", "192.0.2.77", 2) == "172.16.0.2"
    assert auth.client_address("172.16.0.2", None, 1) == "172.16.0.2"
    assert auth.client_address(None, None, 1) == "unknown"


def test_trusted_proxy_hops_setting(monkeypatch):
    from dashboard.settings import reset_settings_cache

    monkeypatch.setenv("HARTNETWERK_TRUSTED_PROXY_HOPS", "1")
    reset_settings_cache()
    assert get_settings().trusted_proxy_hops == 1
    monkeypatch.setenv("HARTNETWERK_TRUSTED_PROXY_HOPS", "-1")
    reset_settings_cache()
    with pytest.raises(ValueError, match="HARTNETWERK_TRUSTED_PROXY_HOPS must be a whole number"):
        get_settings()
    monkeypatch.delenv("HARTNETWERK_TRUSTED_PROXY_HOPS")
    reset_settings_cache()
    assert get_settings().trusted_proxy_hops == 0
