"""dashboard.ui helpers that later pages build on: show_table and its CSV download."""

from __future__ import annotations

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest


def _table_script(lang: str) -> None:
    from datetime import date

    import pandas as pd
    import streamlit as st

    from dashboard import ui

    st.session_state["lang"] = lang
    frame = pd.DataFrame(
        {
            "practice": ["Praktijk A", "Praktijk B"],
            "share": [0.1234, None],
            "cost": [1234.5, 20.0],
            "referrals": [1234, 5],
            "day": [date(2025, 12, 31), date(2025, 1, 2)],
        }
    )
    ui.show_table(
        frame,
        file_name="test",
        columns={
            "practice": "col.practice",
            "share": "col.share",
            "cost": "col.cost",
            "referrals": "col.referrals",
            "day": "col.data_date",
        },
        formats={"share": "percent", "cost": "euro"},
        about="Bron: test.",
    )
    st.code(ui._csv_bytes(frame).decode("utf-8-sig"))


@pytest.mark.parametrize(
    ("lang", "row", "csv_line"),
    [
        (
            "nl",
            ["Praktijk A", "12,3%", "€ 1.234,50", "1.234", "31-12-2025"],
            "Praktijk A;0,1234;1234,5;1234;31-12-2025",
        ),
        (
            "en",
            ["Praktijk A", "12.3%", "€1,234.50", "1,234", "31 Dec 2025"],
            "Praktijk A,0.1234,1234.5,1234,2025-12-31",
        ),
    ],
)
def test_show_table_formats_per_language(lang, row, csv_line):
    at = AppTest.from_function(_table_script, args=(lang,), default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]

    stream = at.dataframe[0].proto.arrow_data.styler.display_values
    shown = pa.ipc.open_stream(stream).read_all().to_pandas()
    assert list(shown.iloc[0]) == row
    assert shown.iloc[1, 1] == "–"
    assert at.dataframe[0].value.iloc[0, 3] == 1234  # raw values underneath, for sorting
    assert at.expander[0].label in ("Over deze gegevens", "About this data")
    assert csv_line in at.code[0].value.splitlines()
