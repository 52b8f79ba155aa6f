"""Authorisation at the write (issue 21, item 2): every write checks the role and region of who
writes, in the function that writes, and a refused write changes nothing.

Writes: SROI scenario saved, the region's own model ("Regiomodel") overwritten, a scenario
deleted; a PDCA cycle created, changed, closed, imported from CSV; a meeting pack made, changed,
deleted; an account added, disabled, given a new password, given another role. Region TST is
where everything lives; an editing role of another region (ZND) is refused like a non-editor.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dashboard import auth, meeting_packs, sroi_models
from dashboard.queries import pdca
from dashboard.scope import AccessDenied, Scope
from tests.spiegel_dataset import fill_spiegel_dataset

ADMIN = Scope("beheerder", all_regions=True, username="beheer")
WRITERS = {
    "huisarts": Scope("huisarts", regions=frozenset({"TST"}), practice="P1", username="gp"),
    "cardioloog": Scope("cardioloog", regions=frozenset({"TST"}), username="cardio"),
    "coordinator": Scope("coordinator", regions=frozenset({"TST"}), username="coord"),
    "verzekeraar": Scope("verzekeraar", regions=frozenset({"TST"}), username="insurer"),
    "beheerder": ADMIN,
    "coordinator-elders": Scope("coordinator", regions=frozenset({"ZND"}), username="other"),
    "beheerder-demo": Scope("beheerder", all_regions=True, username="demo", demo=True),
}
SHARED_EDITORS = {"cardioloog", "coordinator", "beheerder", "beheerder-demo"}
ACCOUNT_MANAGERS = {"beheerder"}
TABLES = ("sroi_scenario", "pdca_cycle", "meeting_pack", "app_user", "app_user_region")
CSV = ("regio;indicator;titel;do_start\nTST;VERW_ZH;Geïmporteerd;01-02-2024\n").encode()
PASSWORD = "een goed wachtwoord"


def snapshot(engine) -> dict[str, list]:
    with engine.connect() as conn:
        return {name: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {name}"))), key=str)
                for name in TABLES}


@pytest.fixture
def db(isolated_db):
    fill_spiegel_dataset(isolated_db)
    sroi_models.default_scenario(isolated_db, "TST", synthetic=False, has_anderhalvelijn=True)
    doc = sroi_models.load_toml(sroi_models.TEMPLATE_DIR / sroi_models.REGION_TEMPLATE)
    sroi_models.save_scenario(isolated_db, "TST", "Voorzichtig", doc, scope=ADMIN)
    pdca.create_cycle(isolated_db, {"region": "TST", "indicator_code": "VERW_ZH",
                                    "title": "Bestaand", "do_start": "2024-01-01"}, scope=ADMIN)
    meeting_packs.save_pack(isolated_db, "Stuurgroep", "TST", [], scope=ADMIN)
    auth.add_user(isolated_db, "gp", "huisarts", PASSWORD, practice="P1", by=ADMIN)
    return isolated_db


def _default_name(engine) -> str:
    return str(sroi_models.list_scenarios(engine, "TST")["name"][0])


def _cycle(engine) -> int:
    return int(pdca.list_cycles(engine, region="TST")["id"][0])


def _pack(engine) -> int:
    return int(meeting_packs.list_packs(engine, "TST")["id"][0])


def _changed_model(engine):
    doc = sroi_models.load_scenario(engine, "TST", _default_name(engine))
    doc["outcomes"][0]["proxy"] = 1_000_000.0
    return doc


WRITES = {
    "sroi_new": lambda e, s: sroi_models.save_scenario(
        e, "TST", "Nieuw", _changed_model(e), scope=s),
    "sroi_overwrite_default": lambda e, s: sroi_models.save_scenario(
        e, "TST", _default_name(e), _changed_model(e), scope=s),
    "sroi_delete": lambda e, s: sroi_models.delete_scenario(e, "TST", "Voorzichtig", scope=s),
    "pdca_create": lambda e, s: pdca.create_cycle(e, {
        "region": "TST", "indicator_code": "VERW_ZH", "title": "Nieuw",
        "do_start": "2024-05-01"}, scope=s),
    "pdca_update": lambda e, s: pdca.update_cycle(e, _cycle(e), {"title": "Anders"}, scope=s),
    "pdca_close": lambda e, s: pdca.close_cycle(e, _cycle(e), "adopt", scope=s),
    "pdca_import": lambda e, s: pdca.import_cycles_csv(e, CSV, "cycli.csv", scope=s),
    "pack_new": lambda e, s: meeting_packs.save_pack(e, "Nieuw", "TST", [], scope=s),
    "pack_update": lambda e, s: meeting_packs.save_pack(e, "Anders", "TST", [],
                                                         pack_id=_pack(e), scope=s),
    "pack_delete": lambda e, s: meeting_packs.delete_pack(e, _pack(e), scope=s),
    "account_add": lambda e, s: auth.add_user(e, "nieuw", "coordinator", PASSWORD,
                                              regions=["TST"], by=s),
    "account_disable": lambda e, s: auth.set_active(e, "gp", False, by=s),
    "account_password": lambda e, s: auth.set_password(e, "gp", "nog een ander wachtwoord",
                                                       by=s),
    "account_role": lambda e, s: auth.set_binding(e, "gp", "coordinator", regions=["TST"],
                                                  by=s),
}


def allowed(write: str, writer: str) -> bool:
    if write.startswith("account_"):
        return writer in ACCOUNT_MANAGERS
    return writer in SHARED_EDITORS


@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("write", list(WRITES))
def test_each_write_is_refused_for_roles_that_may_not_write_it(db, write, writer):
    before = snapshot(db)
    if allowed(write, writer):
        outcome = WRITES[write](db, WRITERS[writer])
        assert snapshot(db) != before, f"{writer} could not {write} (returned {outcome!r})"
    elif write == "pdca_import" and WRITERS[writer].role in ("coordinator", "cardioloog"):
        # An editor of another region: the row naming TST is refused like an unknown region.
        assert WRITES[write](db, WRITERS[writer]).problems
        assert snapshot(db) == before
    else:
        with pytest.raises(AccessDenied):
            WRITES[write](db, WRITERS[writer])
        assert snapshot(db) == before


@pytest.mark.parametrize("writer", ["huisarts", "verzekeraar", "coordinator-elders"])
def test_the_sroi_page_path_cannot_overwrite_the_regions_model(db, writer):
    """The reported finding: a huisarts and a verzekeraar overwrote "Regiomodel" through the
    scenario editor (save_scenario_for, what pages/sroi.py calls)."""
    before = snapshot(db)
    with pytest.raises(AccessDenied):
        sroi_models.save_scenario_for(db, WRITERS[writer], "TST", _default_name(db),
                                      _changed_model(db))
    with pytest.raises(AccessDenied):
        sroi_models.delete_scenario_for(db, WRITERS[writer], "TST", "Voorzichtig")
    assert snapshot(db) == before
