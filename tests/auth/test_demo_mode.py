"""Demo mode: with only synthetic data there is no sign-in but a role picker, marked on every
page; the first real region (or HARTNETWERK_DEMO=off) switches it off."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from dashboard import audit
from dashboard.scope import Scope
from dashboard.settings import reset_settings_cache
from tests.auth.test_access_pages import page_text, shown_tables
from tests.spiegel_dataset import OWN_NAME, fill_spiegel_dataset

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
SCRIPTS = ["home.py", "spiegelinformatie.py", "anderhalvelijn.py", "pdca.py", "sroi.py"]
DEMO_NL = "Demomodus — u bekijkt het dashboard als"


@pytest.fixture
def synthetic_db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    with isolated_db.begin() as conn:
        conn.execute(text("UPDATE region SET synthetic = true"))
    return isolated_db


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_every_page_without_sign_in_and_marked_as_demo(synthetic_db):
    at = run(AppTest.from_file(str(APP), default_timeout=90))
    scope = at.session_state["auth_scope"]
    assert scope.demo and scope.role == "coordinator"  # the default demo role
    assert scope.regions == {"TST", "ZND"}
    for script in SCRIPTS:
        at.switch_page(f"../pages/{script}")
        run(at)
        assert any(i.value.startswith(DEMO_NL) for i in at.info), script
        assert at.sidebar.selectbox(key="demo_role").value == "coordinator"
    with pytest.raises(ValueError):  # beheer is not for a coordinator, demo or not
        at.switch_page("../pages/beheer.py").run()


def test_role_picker_changes_what_is_shown(synthetic_db):
    at = run(AppTest.from_file(str(APP), default_timeout=90))
    at.sidebar.selectbox(key="demo_role").set_value("huisarts")
    run(at)
    at.sidebar.selectbox(key="demo_practice").set_value("P1")
    run(at)
    assert at.session_state["auth_scope"] == Scope(
        "huisarts", regions=frozenset({"TST"}), practice="P1", username="demo", demo=True)
    at.switch_page("../pages/spiegelinformatie.py")
    run(at)
    assert any(OWN_NAME in t.iloc[:, 0].tolist() for t in shown_tables(at))
    assert "Praktijk Alfa" not in page_text(at)  # own practice by name, not its pseudonym

    at.sidebar.selectbox(key="demo_role").set_value("verzekeraar")
    run(at)
    # The insurer has no spiegelinformatie: back to the start page.
    assert at.title[0].value == "Overzicht"
    assert "Praktijk Alfa" not in page_text(at) and OWN_NAME not in page_text(at)

    at.sidebar.selectbox(key="demo_role").set_value("beheerder")
    run(at)
    at.switch_page("../pages/beheer.py")
    run(at)
    assert "In de demomodus zijn accounts alleen te bekijken" in " ".join(
        i.value for i in at.info)
    assert not at.get("form")  # no account can be made by picking a role


def test_a_real_region_switches_demo_mode_off(synthetic_db):
    at = run(AppTest.from_file(str(APP), default_timeout=90))
    assert at.session_state["auth_scope"].demo
    with synthetic_db.begin() as conn:
        conn.execute(text("UPDATE region SET synthetic = false WHERE code = 'TST'"))
    at.run()
    assert at.session_state["auth_scope"] is None
    assert at.title[0].value == "Aanmelden"
    assert not at.sidebar.get("selectbox") or "demo_role" not in [
        s.key for s in at.sidebar.selectbox]


def test_demo_can_be_switched_off(synthetic_db, monkeypatch):
    monkeypatch.setenv("HARTNETWERK_DEMO", "off")
    reset_settings_cache()
    at = run(AppTest.from_file(str(APP), default_timeout=90))
    assert at.title[0].value == "Aanmelden"


def test_empty_database_is_not_a_demo(isolated_db):
    # Nothing loaded yet: not demo mode, so nobody can pick "beheerder" on a fresh install.
    at = run(AppTest.from_file(str(APP), default_timeout=90))
    assert at.title[0].value == "Aanmelden"
    assert audit.recent(isolated_db).empty


# ---- optional OIDC sign-in through st.login ---------------------------------------------------

AUTH_SECRETS = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                         "cookie_secret": "s" * 32, "client_id": "dashboard",
                         "client_secret": "x", "server_metadata_url":
                         "https://idp.example.org/.well-known/openid-configuration"}}


def test_oidc_identity_maps_to_an_account(isolated_db):
    from tests.auth_support import ensure_user
    from tests.conftest import fill_tiny_dataset

    fill_tiny_dataset(isolated_db)  # NRD is real data: sign-in needed
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets = AUTH_SECRETS
    at.user = {"is_logged_in": False}
    run(at)
    assert at.button(key="signin_oidc").label == "Aanmelden via uw organisatie"

    # Signed in at the identity provider, but no account for that address: no access.
    at.user = {"is_logged_in": True, "email": "Onbekend@Example.org"}
    run(at)
    assert at.session_state["auth_scope"] is None
    assert "geen actief account" in at.warning[-1].value
    assert audit.recent(isolated_db)["event"][0] == "sign_in_failed"

    ensure_user(isolated_db, "c.devries@example.org", "coordinator", regions=["NRD"])
    fresh = AppTest.from_file(str(APP), default_timeout=60)
    fresh.secrets = AUTH_SECRETS
    fresh.user = {"is_logged_in": True, "email": "C.deVries@example.org"}
    run(fresh)
    assert fresh.title[0].value == "Overzicht"
    assert fresh.session_state["auth_scope"].username == "c.devries@example.org"
    entry = audit.recent(isolated_db, event="sign_in")
    assert '"method": "oidc"' in entry["detail"][0]


def test_without_auth_secrets_there_is_no_oidc_button(isolated_db):
    from tests.conftest import fill_tiny_dataset

    fill_tiny_dataset(isolated_db)
    at = run(AppTest.from_file(str(APP), default_timeout=60))
    assert "signin_oidc" not in [b.key for b in at.button]


# ---- the beheer page ---------------------------------------------------------------------------


def test_beheerder_manages_accounts_on_the_page(isolated_db):
    from dashboard import auth
    from tests.auth_support import sign_in
    from tests.conftest import fill_tiny_dataset

    fill_tiny_dataset(isolated_db)
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60), isolated_db, "beheerder",
                 username="beheer")
    run(at)
    at.switch_page("../pages/beheer.py")
    run(at)
    at.selectbox(key="beheer_add_role").set_value("huisarts")
    run(at)
    at.text_input(key="beheer_add_username").input("a.jansen")
    at.selectbox(key="beheer_add_practice").set_value("P2")
    at.text_input(key="beheer_add_password").input("kort")
    submit = [b for b in at.button if b.label == "Toevoegen"][0]
    submit.click()
    run(at)
    assert "minstens 12 tekens" in at.error[0].value
    assert auth.get_account(isolated_db, "a.jansen") is None

    at.text_input(key="beheer_add_username").input("a.jansen")
    at.selectbox(key="beheer_add_practice").set_value("P2")
    at.text_input(key="beheer_add_password").input("een goed wachtwoord")
    [b for b in at.button if b.label == "Toevoegen"][0].click()
    run(at)
    account = auth.get_account(isolated_db, "a.jansen")
    assert (account.role, account.practice) == ("huisarts", "P2")
    assert at.success[0].value == "Account 'a.jansen' toegevoegd."

    at.selectbox(key="beheer_change_user").set_value("a.jansen")
    [b for b in at.button if b.label == "Uitschakelen"][0].click()
    run(at)
    assert not auth.get_account(isolated_db, "a.jansen").active
    at.selectbox(key="beheer_change_user").set_value("beheer")
    [b for b in at.button if b.label == "Uitschakelen"][0].click()
    run(at)
    assert "eigen account niet uitschakelen" in at.error[0].value

    log = audit.recent(isolated_db)
    assert list(log["event"][:2]) == ["user_disabled", "user_added"]
    assert set(log["username"][:2]) == {"beheer"}
    shown = [t for t in shown_tables(at) if "Gebeurtenis" in t.columns][0]
    assert "account uitgeschakeld" in shown["Gebeurtenis"].tolist()
