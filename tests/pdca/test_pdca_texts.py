"""Every PDCA text the code asks for exists in dashboard/i18n.py, also the composed keys."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard import i18n
from dashboard.pagedata import pdca as pagedata
from dashboard.queries import pdca
from dashboard.queries.indicator_series import SPECS
from dashboard.stats.spc import RULE_ORDER

ROOT = Path(__file__).resolve().parents[2]
FILES = ["pages/pdca.py", "dashboard/pagedata/pdca.py", "dashboard/queries/pdca.py"]


def test_literal_keys_exist():
    pattern = re.compile(r"""["'](pdca\.[a-z0-9_.]+[a-z0-9_])["']""")
    used = {key for name in FILES for key in pattern.findall((ROOT / name).read_text("utf-8"))}
    assert "pdca.title" in used and "pdca.err.required" in used
    assert sorted(key for key in used if key not in i18n.TEXTS) == []


def test_composed_keys_exist():
    families = {
        "pdca.variation": pagedata.VARIATION_STYLE,
        "pdca.assurance": pagedata.ASSURANCE_STYLE,
        "pdca.kind": ("improvement", "deterioration", "higher", "lower"),
        "pdca.rule": (*RULE_ORDER, "long_run"),
        "pdca.unit": {spec.unit for spec in SPECS.values()} | {"percent_points"},
        "pdca.phase": ("plan", "do", "check"),
        "pdca.field": (*pdca.FIELDS, "id"),
        "pdca.status": pdca.STATUSES,
        "pdca.decision": pdca.ACT_DECISIONS,
        "pdca.method": ("xmr", "p", "u", "run"),
        "pdca.overview": ("no_signal", "no_do", "not_started", "short_baseline"),
        "pdca.view": ("spc", "run"),
    }
    keys = [f"{prefix}.{name}" for prefix, names in families.items() for name in names]
    keys += [f"pdca.decision.{name}.long" for name in pdca.ACT_DECISIONS]
    keys += [f"pdca.field.{name}_help" for name in ("plan", "target_value", *pdca.DATE_FIELDS)]
    assert [key for key in keys if key not in i18n.TEXTS] == []
