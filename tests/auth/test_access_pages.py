"""Who sees what, through the real app (AppTest): every role crawls every page it may open.

Dataset: tests/spiegel_dataset.py. Region TST (real) has practices P1-P5 with names and
pseudonyms (P5 "Praktijk Echo" makes 1-9 referrals in every period shown); region ZND
(synthetic) has Q1 and Q2. Because TST is real data, everyone signs in.

For each role the whole element tree of every page (texts, tables, chart data, widget
options) and the bytes of every download are searched for what the role may not see:
other practices' names, practice codes, pseudonyms of practices outside the role's
practice-level regions (all of them for an insurer), and counts from 1 to 9 in count columns
outside the own practice.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import audit, i18n, ui
from dashboard.scope import ROLES, Scope
from tests.auth_support import sign_in
from tests.spiegel_dataset import PRACTICES, fill_spiegel_dataset

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
PAGES = {  # URL path -> script, from dashboard/app.py
    "overzicht": "home.py",
    "spiegelinformatie": "spiegelinformatie.py",
    "anderhalvelijn": "anderhalvelijn.py",
    "pdca": "pdca.py",
    "sroi": "sroi.py",
    "regiovergelijking": "regiovergelijking.py",
    "indicatoren": "indicatoren.py",
    "rapport": "rapport.py",
    "vergadering": "vergadering.py",
    "beheer": "beheer.py",
}
BINDINGS = {
    "huisarts": {"practice": "P1"},
    "coordinator": {"regions": ["TST"]},
    "cardioloog": {"regions": ["ZND"]},
    "verzekeraar": {"regions": ["TST"]},
    "beheerder": {},
}
REGION_OF = {code: region for code, region, _, _ in PRACTICES}
COUNT_HEADERS = {
    i18n.translate(key, "nl") for key in (
        "col.referrals", "col.hospital_referrals", "col.alv_referrals", "spiegel.col.observed",
        "col.episodes", "col.followed_episodes", "col.resolved", "col.to_hospital",
        "col.within_4_weeks", "col.responses",
    )
}
SMALL = {str(n) for n in range(1, 10)}


def scope_of(role: str) -> Scope:
    binding = BINDINGS[role]
    if role == "huisarts":
        return Scope(role, regions=frozenset({REGION_OF[binding["practice"]]}),
                     practice=binding["practice"])
    if role == "beheerder":
        return Scope(role, all_regions=True)
    return Scope(role, regions=frozenset(binding["regions"]))


def forbidden(role: str) -> list[str]:
    scope = scope_of(role)
    words = []
    for code, region, pseudonym, name in PRACTICES:
        if not scope.is_own(code):
            words.append(name)  # nobody sees another practice's name
        if scope.is_own(code) or not scope.sees_practices_in(region):
            words.append(pseudonym)  # own practice by name only; no rows of other regions
    return words


# ---- collecting what a page shows ------------------------------------------------------------


def _walk(node):
    proto = getattr(node, "proto", None)
    if proto is not None:
        yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _message_text(message) -> list[str]:
    """Every string in a protobuf message; bytes fields (tables, chart data) decoded from
    Arrow into CSV text, so a value inside a table or chart counts as shown."""
    out = []
    for field, value in message.ListFields():
        values = value if getattr(field, "is_repeated", False) else [value]
        for item in values:
            if hasattr(item, "ListFields"):
                out += _message_text(item)
            elif isinstance(item, bytes):
                try:
                    out.append(pa.ipc.open_stream(item).read_all().to_pandas().to_csv())
                except (pa.ArrowInvalid, OSError):
                    pass
            else:
                out.append(str(item))
    return out


def page_text(at: AppTest) -> str:
    """Everything the page sent to the browser as text: labels, markdown, widget options,
    chart specs, and the values inside tables and chart data."""
    return "\n".join(text for node in _walk(at._tree) for text in _message_text(node.proto))


def shown_tables(at: AppTest) -> list[pd.DataFrame]:
    tables = []
    for frame in at.dataframe:
        stream = frame.proto.arrow_data.styler.display_values
        tables.append(pa.ipc.open_stream(stream).read_all().to_pandas() if stream
                      else frame.value.astype(str))
    return tables


def small_counts(table: pd.DataFrame, own_name: str | None) -> list[str]:
    """Cells 1-9 in count columns, outside rows that belong to the own practice."""
    found = []
    for column in table.columns:
        if str(column) not in COUNT_HEADERS:
            continue
        for index, value in table[column].items():
            row = " ".join(str(v) for v in table.loc[index].to_numpy())
            if own_name and own_name in row:
                continue
            if str(value).strip() in SMALL:
                found.append(f"{column}={value} in [{row}]")
    return found


@pytest.fixture
def downloads(monkeypatch):
    """Every file a download button would hand out, as (file name, bytes).

    Downloads are made on click (dashboard.ui.download_button): each button's callable is run
    as the browser's click would run it, with a download cookie as the guard in
    dashboard/server.py would have set (AppTest has no HTTP server)."""
    captured: list[tuple[str, bytes]] = []
    monkeypatch.setattr(ui, "download_token", lambda: "t" * 43)

    def run_now(self, data_callable, mimetype, coordinates, file_name=None, **_kwargs):
        captured.append((file_name, data_callable()))
        return "clicked"

    monkeypatch.setattr(MediaFileManager, "add_deferred", run_now)
    return captured


def csv_tables(files: list[tuple[str, bytes]]) -> list[tuple[str, pd.DataFrame]]:
    out = []
    for name, data in files:
        if name.endswith(".csv"):
            frame = pd.read_csv(io.BytesIO(data), sep=";", dtype=str, encoding="utf-8-sig",
                                keep_default_na=False)
            out.append((name, frame))
    return out


def open_as(engine, role: str, page: str, /, **query) -> AppTest:
    at = sign_in(AppTest.from_file(str(APP), default_timeout=90), engine, role, **BINDINGS[role])
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page != "overzicht":
        at.switch_page(f"../pages/{PAGES[page]}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    return isolated_db


# ---- the crawl -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_page_and_download_respects_the_role(db, downloads, role):
    scope = scope_of(role)
    own_name = next((name for code, _, _, name in PRACTICES if scope.is_own(code)), None)
    words = forbidden(role)
    codes = re.compile(r"\b(?:P[1-5]|Q[12])\b")
    visited = []
    for url_path in PAGES:
        if not scope.may_open(url_path):
            # Not in the navigation, so not reachable.
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                open_as(db, role, url_path)
            continue
        before = len(downloads)
        at = open_as(db, role, url_path)
        visited.append(url_path)
        text = page_text(at)
        if url_path != "beheer":
            # Only the beheer page (beheerders only) names practices with their codes: that
            # is where a GP's account is bound to the right practice.
            leaked = [word for word in words if word in text]
            assert not leaked, f"{role} sees {leaked} on {url_path}"
            assert not codes.findall(text), f"{role} sees practice codes on {url_path}"
        for table in shown_tables(at):
            assert not small_counts(table, own_name), (url_path, small_counts(table, own_name))
        for name, frame in csv_tables(downloads[before:]):
            csv_text = frame.to_csv()
            assert not [w for w in words if w in csv_text], (role, name)
            assert not small_counts(frame, own_name), (role, name, small_counts(frame, own_name))
        if role == "verzekeraar" and url_path == "anderhalvelijn":
            assert i18n.translate("access.practice_level_denied", "nl") in [
                i.value for i in at.info]
    expected = [p for p in PAGES if scope.may_open(p)]
    assert visited == expected and len(downloads) > 0


def test_gp_sees_own_practice_by_name_and_exact_small_counts(db, downloads):
    # P5 (Echo) is the GP's own practice here: its 5 referrals in the rolling year are shown.
    at = sign_in(AppTest.from_file(str(APP), default_timeout=90), db, "huisarts",
                 practice="P5")
    at.run()
    at.switch_page("../pages/spiegelinformatie.py").run()
    assert not at.exception
    table = next(t for t in shown_tables(at) if "Dokterspraktijk West" in t.iloc[:, 0].tolist())
    own = table[table.iloc[:, 0] == "Dokterspraktijk West"]
    assert own["Verwijzingen"].tolist() == ["5"]
    assert "Praktijk Echo" not in page_text(at)


def test_insurer_cannot_reach_practice_rows_even_in_code(db):
    from dashboard.pagedata import anderhalvelijn, spiegelinformatie
    from dashboard.scope import AccessDenied

    scope = scope_of("verzekeraar")
    with pytest.raises(AccessDenied):
        spiegelinformatie.spiegelinformatie_for(db, scope, spiegelinformatie.SpiegelFilters())
    with pytest.raises(AccessDenied):
        spiegelinformatie.regions_for(db, scope)
    data = anderhalvelijn.anderhalvelijn_for(db, scope, "TST")
    assert data.practices_denied == "access.practice_level_denied"
    assert data.practices.empty and data.funnel_chart.empty
    with pytest.raises(AccessDenied):
        anderhalvelijn.anderhalvelijn_for(db, scope, "ZND")  # not the insurer's region


def test_region_bound_roles_get_no_other_regions_practices(db):
    from dashboard.pagedata import anderhalvelijn, spiegelinformatie
    from dashboard.scope import AccessDenied

    coordinator = scope_of("coordinator")  # TST only
    with pytest.raises(AccessDenied, match="access.region_practices_denied"):
        spiegelinformatie.spiegelinformatie_for(
            db, coordinator, spiegelinformatie.SpiegelFilters(region="ZND"))
    everything = anderhalvelijn.anderhalvelijn_for(db, coordinator, None)
    assert set(everything.practices["region_name"]) == {"Regio Test"}
    other = anderhalvelijn.anderhalvelijn_for(db, coordinator, "ZND")
    assert other.practices_denied == "access.region_practices_denied" and other.practices.empty
    assert not other.share_by_region.empty  # ... but the region's aggregates are there


# ---- URL parameters --------------------------------------------------------------------------

URL_ATTACKS = {
    "region": "ZND", "regio": "ZND", "practice": "Q1", "praktijk": "P2",
    "rol": "beheerder", "role": "beheerder", "demo_role": "beheerder", "scope": "all",
    "user": "admin", "lang": "nl' OR '1'='1", "page": "beheer",
}


@pytest.mark.parametrize("role", ["coordinator", "huisarts", "verzekeraar"])
@pytest.mark.parametrize("url_path", ["overzicht", "spiegelinformatie", "anderhalvelijn",
                                      "pdca", "sroi", "regiovergelijking", "vergadering"])
def test_url_parameters_do_not_widen_the_scope(db, role, url_path):
    scope = scope_of(role)
    if not scope.may_open(url_path):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            open_as(db, role, url_path, **URL_ATTACKS)
        return
    at = open_as(db, role, url_path, **URL_ATTACKS)
    text = page_text(at)
    assert not [w for w in forbidden(role) if w in text]
    assert at.session_state["lang"] == "nl"  # the injected language was refused
    assert replace(at.session_state["auth_scope"], username="") == scope
    with pytest.raises(ValueError):  # the beheer page stays out of the navigation
        at.switch_page("../pages/beheer.py").run()


# ---- injection into text inputs and uploads --------------------------------------------------

PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+cmd",
    "-1+1",
    "@SUM(A1)",
    "x'); DROP TABLE pdca_cycle; --",
    "' OR '1'='1",
]


def test_sign_in_form_resists_injection_and_is_rate_limited(db, monkeypatch):
    from dashboard.settings import get_settings, reset_settings_cache

    monkeypatch.setenv("HARTNETWERK_MAX_FAILED_SIGN_INS_CLIENT", "50")
    monkeypatch.setenv("HARTNETWERK_MAX_FAILED_SIGN_INS", "3")
    reset_settings_cache()
    sign_in(AppTest.from_file(str(APP)), db, "coordinator", regions=["TST"], username="coord")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert [t.value for t in at.title] == ["Aanmelden"]  # real data: sign-in page only
    for payload in PAYLOADS:
        at.text_input(key="signin_username").input(payload)
        at.text_input(key="signin_password").input(payload)
        at.button[0].click().run()
        assert not at.exception
        assert at.error[0].value == "Gebruikersnaam of wachtwoord onjuist."
        assert at.session_state["auth_scope"] is None
    for _ in range(3):
        at.text_input(key="signin_username").input("coord")
        at.text_input(key="signin_password").input("wrong password!")
        at.button[0].click().run()
    # Blocked now, also with the right password: the count is in the database.
    fresh = AppTest.from_file(str(APP), default_timeout=60).run()
    fresh.text_input(key="signin_username").input("coord")
    fresh.text_input(key="signin_password").input("correct horse battery staple")
    fresh.button[0].click().run()
    assert "Te veel mislukte pogingen" in fresh.error[0].value
    assert fresh.session_state["auth_scope"] is None
    with db.connect() as conn:  # every table still there
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM app_user").scalar() == 1
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM pdca_cycle").scalar() == 0
    log = audit.recent(db)
    assert (log["event"] == "sign_in_failed").sum() == len(PAYLOADS) + 3
    assert (log["event"] == "sign_in_blocked").sum() == 1
    assert get_settings().max_failed_sign_ins_user == 3


def test_right_password_signs_in_and_sign_out_ends_it(db):
    sign_in(AppTest.from_file(str(APP)), db, "coordinator", regions=["TST"], username="coord")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.text_input(key="signin_username").input("Coord")
    at.text_input(key="signin_password").input("correct horse battery staple")
    at.button[0].click().run()
    at.run()
    assert at.title[0].value == "Overzicht"
    assert at.session_state["auth_scope"].username == "coord"
    at.sidebar.button(key="auth_sign_out").click().run()
    assert at.title[0].value == "Aanmelden"
    assert list(audit.recent(db)["event"][:2]) == ["sign_out", "sign_in"]


def test_expired_session_goes_back_to_sign_in(db):
    from datetime import timedelta

    at = sign_in(AppTest.from_file(str(APP), default_timeout=60), db, "coordinator",
                 regions=["TST"])
    session = at.session_state["auth_session"]
    session["started"] -= timedelta(hours=9)  # default lifetime 8 hours
    at.session_state["auth_session"] = session
    at.run()
    assert at.title[0].value == "Aanmelden"
    assert "Uw sessie is verlopen" in at.warning[-1].value
    assert audit.recent(db)["event"][0] == "session_expired"


def quoted(text: str) -> str:
    return text.replace('"', '""')


def test_text_inputs_and_pdca_upload_store_text_and_export_it_neutralised(db, downloads):
    at = open_as(db, "coordinator", "pdca")
    # Every text field of the new-cycle form gets a payload.
    for index, payload in enumerate(PAYLOADS):
        at.text_input(key="pdca_new_title").input(f"{payload} #{index}")
        at.text_area(key="pdca_new_plan").input(payload)
        at.text_area(key="pdca_new_notes").input(payload)
        at.button(key="pdca_new_submit").click().run()
        assert not at.exception, [e.value for e in at.exception]
    rows = "\n".join([
        "regio;indicator;titel;plan;notities",
        *[f'TST;VERW_ZH;"{quoted(p)} csv";"{quoted(p)}";x' for p in PAYLOADS],
    ]).encode("utf-8")
    at.file_uploader(key="pdca_upload").upload("cycli.csv", rows, "text/csv").run()
    at.button(key="pdca_import").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with db.connect() as conn:
        titles = set(conn.exec_driver_sql("SELECT title FROM pdca_cycle").scalars())
    # Stored verbatim as text; the DROP TABLE did nothing (the table answers).
    assert {f"{p} #{i}" for i, p in enumerate(PAYLOADS)} | {f"{p} csv" for p in PAYLOADS} == (
        titles)
    at.run()
    register = [d for n, d in downloads if n == "pdca_cycli_TST.csv"][-1]
    lines = register.decode("utf-8-sig").splitlines()
    cells = [cell.strip('"') for line in lines[1:] for cell in line.split(";")]
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or re.match(r"-\D", c)]
    assert any(c.startswith("'=HYPERLINK") for c in cells)


def test_pdca_import_into_a_region_outside_the_scope_is_refused(db):
    at = open_as(db, "coordinator", "pdca")
    data = b"regio;indicator;titel\nZND;VERW_ZH;Niet van mij\nTST;VERW_ZH;Wel van mij\n"
    at.file_uploader(key="pdca_upload").upload("cycli.csv", data, "text/csv").run()
    at.button(key="pdca_import").click().run()
    assert "cycli.csv:2:regio" in at.code[0].value
    with db.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM pdca_cycle").scalar() == 0


def test_sroi_scenario_upload_with_formulas_exports_neutralised(db, downloads):
    import openpyxl

    at = open_as(db, "verzekeraar", "sroi")
    exported = [d for n, d in downloads if n.endswith(".json")][-1]
    wrapper = json.loads(exported)
    model = wrapper["model"]
    model["name"] = "=HYPERLINK(\"http://x\",\"y\")"
    model["outcomes"][0]["name"] = "@SUM(A1)"
    model["outcomes"][0]["description"] = "x'); DROP TABLE sroi_scenario; --"
    at.file_uploader(key="sroi_upload::TST").upload(
        "scenario.json", json.dumps(wrapper).encode(), "application/json").run()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    workbook = [d for n, d in downloads if n.endswith(".xlsx")][-1]
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    values = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c for c in values if c.data_type == "f"]
    assert "'@SUM(A1)" in {c.value for c in values}
    with db.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM sroi_scenario").scalar() >= 1


def test_download_clicks_are_audited(db, downloads):
    open_as(db, "coordinator", "overzicht")
    assert downloads  # the fixture clicked every button, as a browser would
    entry = audit.recent(db, event="export").tail(1).reset_index(drop=True)
    assert len(entry) == 1 and entry["username"][0] == "test-coordinator-tst"
    assert entry["role"][0] == "coordinator" and ".csv" in entry["detail"][0]


def test_insurer_compares_and_reports_on_its_own_regions_only(db):
    from dashboard.export import report
    from dashboard.pagedata import regiovergelijking
    from dashboard.scope import AccessDenied

    insurer = scope_of("verzekeraar")  # TST only
    data = regiovergelijking.regiovergelijking_for(db, insurer)
    assert list(data.regions["region"]) == ["TST"]
    assert set(data.monthly["region"]) <= {"TST"}
    everyone = regiovergelijking.regiovergelijking_for(db, scope_of("coordinator"))
    assert set(everyone.regions["region"]) == {"TST", "ZND"}  # aggregates of every region
    assert list(report.regions_for(db, insurer)["region"]) == ["TST"]
    with pytest.raises(AccessDenied):
        report.periods_for(db, insurer, "ZND")
    content = report.assemble_for(db, insurer, report.ReportOptions(
        region="TST", period="2024", sections=("spiegelinformatie", "anderhalvelijn")))
    spiegel_section = content.sections[0]
    assert spiegel_section.paragraphs == [i18n.translate("access.practice_level_denied", "nl")]
    assert not spiegel_section.figures
