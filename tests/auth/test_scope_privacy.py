"""The scope rules, the one practice-level gate (privacy.scoped_practices), formula-safe
exports, page access and the audit of data loads."""

from __future__ import annotations

import ast
import importlib
import inspect
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard import audit, privacy
from dashboard.scope import AccessDenied, Scope
from dashboard.sroi_models import write_xlsx

ROOT = Path(__file__).resolve().parents[2]

GP = Scope("huisarts", regions=frozenset({"N"}), practice="P1")
COORD = Scope("coordinator", regions=frozenset({"N"}))
INSURER = Scope("verzekeraar", regions=frozenset({"Z"}))
ADMIN = Scope("beheerder", all_regions=True)

PRACTICES = pd.DataFrame({
    "practice": ["P1", "P2", "P3", "Q1"],
    "region": ["N", "N", "N", "Z"],
    "pseudonym": ["Praktijk A", "Praktijk B", "Praktijk C", "Praktijk D"],
    "name": ["De Linde", "Het Baken", "Noord", "Zuid"],
    "referrals": [4, 7, 120, 30],
    "share": [0.5, 0.2, 0.3, 0.4],
})


def test_scope_rules():
    assert GP.sees_practices_in("N") and not GP.sees_practices_in("Z")
    assert GP.sees_region("Z")  # other regions as aggregates
    assert COORD.practice_regions(["N", "Z"]) == ["N"]
    assert INSURER.visible_regions(["N", "Z"]) == ["Z"] and not INSURER.practice_level
    with pytest.raises(AccessDenied) as denied:
        INSURER.check_practices()
    assert denied.value.reason == "access.practice_level_denied"
    with pytest.raises(AccessDenied, match="access.region_practices_denied"):
        COORD.check_practices("Z")
    with pytest.raises(AccessDenied, match="access.region_denied"):
        INSURER.check_region("N")
    assert COORD.may_edit("N") and not COORD.may_edit("Z") and not GP.may_edit("N")
    assert ADMIN.may_open("beheer") and not COORD.may_open("beheer")
    assert not INSURER.may_open("spiegelinformatie") and INSURER.may_open("sroi")
    assert hash(GP) == hash(Scope("huisarts", regions=frozenset({"N"}), practice="P1"))


def test_gp_sees_own_practice_by_name_and_unsuppressed():
    shown = privacy.scoped_practices(PRACTICES, GP, ["referrals"], ["share"])
    assert list(shown["display_name"]) == ["De Linde", "Praktijk B", "Praktijk C"]
    assert "name" not in shown.columns  # names never leave the gate
    assert list(shown["referrals"]) == [4, "<10", 120]  # own 4 kept, other 7 suppressed
    assert shown["share"].isna().tolist() == [False, True, False]


def test_coordinator_sees_own_regions_under_pseudonyms():
    shown = privacy.scoped_practices(PRACTICES, COORD, ["referrals"], ["share"])
    assert list(shown["display_name"]) == ["Praktijk A", "Praktijk B", "Praktijk C"]
    assert list(shown["referrals"]) == ["<10", "<10", 120]
    assert not shown["own"].any()


def test_insurer_gets_no_practice_rows_at_all():
    with pytest.raises(AccessDenied):
        privacy.scoped_practices(PRACTICES, INSURER, ["referrals"])


def test_threshold_is_configurable():
    shown = privacy.scoped_practices(PRACTICES, ADMIN, ["referrals"], limit=50)
    assert list(shown["referrals"]) == ["<50", "<50", 120, "<50"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd", "'+cmd"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("-12", "-12"),  # plain numbers are data, not formulas
        ("-0,5", "-0,5"),
        ("Praktijk A", "Praktijk A"),
        ("<10", "<10"),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise_formula(value, expected):
    assert privacy.neutralise_formula(value) == expected


def test_csv_and_xlsx_exports_carry_no_formulas():
    frame = pd.DataFrame({"=cmd": ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "ok"],
                          "value": [-1.5, 2.0, 3.0]})
    safe = privacy.neutralise_formulas(frame)
    assert list(safe.columns) == ["'=cmd", "value"]
    assert list(safe["value"]) == [-1.5, 2.0, 3.0]  # numbers untouched
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx({"Blad": frame})))
    cells = [[cell.value for cell in row] for row in book["Blad"].iter_rows()]
    types = [cell.data_type for cell in book["Blad"]["A"]]
    assert cells[1][0] == '\'=HYPERLINK("http://x","y")' and cells[2][0] == "'@SUM(A1)"
    assert "f" not in types  # openpyxl would store "=..." as a formula ("f")
    assert cells[1][1] == -1.5


# ---- every function the pages call takes the user's scope -----------------------------------

SCOPE_FREE = {
    # (module, function): why it needs no scope
    ("dashboard.pagedata.periods", "period_keys"): "pure date arithmetic",
}


def _page_calls(path: Path) -> list[tuple[str, str]]:
    """(module, function) of every call in a page to a function of dashboard.queries,
    dashboard.pagedata or dashboard.sroi_models whose first parameter is the engine."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                ("dashboard.queries", "dashboard.pagedata", "dashboard.sroi_models")):
            for alias in node.names:
                module = importlib.import_module(node.module)
                target = getattr(module, alias.name, None)
                if target is None:  # a submodule: `from dashboard.pagedata import sroi`
                    target = importlib.import_module(f"{node.module}.{alias.name}")
                if inspect.ismodule(target):
                    names[alias.asname or alias.name] = target.__name__
                else:
                    names[alias.asname or alias.name] = f"{node.module}:{alias.name}"
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        candidates = [node.func, *node.args[:1]]  # direct call, or ui.cached_query(fn, ...)
        for candidate in candidates:
            if isinstance(candidate, ast.Attribute) and isinstance(candidate.value, ast.Name):
                module = names.get(candidate.value.id)
                if module and ":" not in module:
                    found.append((module, candidate.attr))
            elif isinstance(candidate, ast.Name) and ":" in names.get(candidate.id, ""):
                found.append(tuple(names[candidate.id].split(":")))
    return found


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_pass_the_scope_to_every_data_function(page):
    for module_name, function_name in _page_calls(page):
        function = getattr(importlib.import_module(module_name), function_name)
        if not callable(function) or inspect.isclass(function):
            continue
        parameters = list(inspect.signature(function).parameters)
        if not parameters or parameters[0] != "engine":
            continue  # pure functions on data already in scope
        assert parameters[1:2] == ["scope"] or (module_name, function_name) in SCOPE_FREE, (
            f"{page.name} calls {module_name}.{function_name}{tuple(parameters)} without a scope"
        )


def test_data_loads_are_audited(isolated_db, tmp_path):
    from etl.loader import load_paths

    bad = tmp_path / "regions.csv"
    bad.write_text("code;naam\nA;Regio A\n", encoding="utf-8")
    report = load_paths([bad], engine=isolated_db, actor="cli:tester")
    log = audit.recent(isolated_db, event="data_load")
    assert len(log) == 1 and log["username"][0] == "cli:tester"
    assert f'"ok": {str(report.ok).lower()}' in log["detail"][0]
    assert "regions.csv" in log["detail"][0]
