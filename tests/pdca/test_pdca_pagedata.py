"""Page data of the PDCA page on hand-made series: limits, colours, assurance, Check, overview.

The u-chart arithmetic: exposure is the denominator in thousands of person-years. With 10,000
person-years a month (exposure 10) and about 100 events, u-bar = 10 per 1,000 and sigma =
sqrt(10 / 10) = 1, so the limits are 7 and 13; a month with 60 events (6 per 1,000) lies below.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.formatting import format_number
from dashboard.pagedata import pdca as pagedata
from tests.peers import read_peer

MONTHS = pd.date_range("2023-01-01", periods=24, freq="MS")
# Around 100 events a month before Do (alternating so the regression has residuals), 60 after.
BEFORE = [99, 101] * 6
AFTER = [59, 61] * 6


def rate_series(counts, months=MONTHS, person_years=10_000.0) -> pd.DataFrame:
    counts = np.asarray(counts, dtype=float)
    return pd.DataFrame(
        {
            "month": months[: len(counts)],
            "numerator": counts,
            "denominator": person_years,
            "value": counts / person_years * 1000,
        }
    )


def cycle(**values) -> dict:
    return {
        "indicator_code": "VERW_ZH",
        "do_start": date(2024, 1, 1),
        "check_date": date(2024, 7, 1),
        "target_value": 8.0,
        **values,
    }


def test_limits_are_fixed_on_the_period_before_do():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle())

    assert trend.has_chart and trend.chart_kind == "u"
    plot = trend.plot
    assert plot["centre"].tolist() == pytest.approx([10.0] * 24)
    assert plot["lower"].tolist() == pytest.approx([7.0] * 24)
    assert plot["upper"].tolist() == pytest.approx([13.0] * 24)
    assert trend.limits_note == "Grenzen vastgelegd op de periode vóór Do (jan 2023 – dec 2023)"
    # Fewer hospital referrals is better: the points after Do are improvement (blue).
    assert set(plot["variation"][:12]) == {"Gewone variatie"}
    assert set(plot["variation"][12:]) == {"Speciale oorzaak: verbetering"}
    # Beyond the limit is not "close to" it: no two-of-three (NHSRplotthedots' rule).
    assert plot["rule"].iloc[12] == "punt onder de ondergrens, 7+ punten onder het gemiddelde"
    assert trend.variation.key == "improvement" and trend.variation.symbol == "trending_down"
    assert trend.variation.markdown == (
        ":blue-badge[:material/trending_down: Speciale oorzaak: verbetering]"
    )
    # Target 8 lies within the limits 7-13 of the process the chart judges against.
    assert trend.assurance.key == "hit_and_miss"
    assert trend.rebase_hint


def test_plot_frame_holds_exactly_the_plotted_columns():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle(), show_2sigma=True)

    assert list(trend.plot.columns) == [
        "month",
        "phase",
        "value",
        "centre",
        "lower",
        "upper",
        "lower_2sigma",
        "upper_2sigma",
        "segment",
        "variation",
        "rule",
        "target",
    ]
    assert trend.plot["upper_2sigma"].iloc[0] == pytest.approx(12.0)
    no_target = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle(target_value=None))
    assert "target" not in no_target.plot and "upper_2sigma" not in no_target.plot


def test_phases_are_plan_do_check_and_label_each_month():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle())

    assert [(p.key, p.start.date(), p.end.date()) for p in trend.phases] == [
        ("plan", date(2023, 1, 1), date(2024, 1, 1)),
        ("do", date(2024, 1, 1), date(2024, 7, 1)),
        ("check", date(2024, 7, 1), date(2025, 1, 1)),
    ]
    assert trend.plot["phase"].tolist() == ["Plan"] * 12 + ["Do"] * 6 + ["Check"] * 6


def test_rebasing_gives_the_new_process_its_own_limits_and_assurance():
    series = rate_series(BEFORE + AFTER)
    sigma = np.sqrt(6 / 10)  # u-bar 6 per 1,000 on exposure 10

    rebased = pagedata.trend(series, "VERW_ZH", cycle(target_value=9.0), rebase=True)
    assert rebased.plot["segment"].tolist() == [0] * 12 + [1] * 12
    assert rebased.plot["upper"].iloc[-1] == pytest.approx(6 + 3 * sigma)  # 8.32
    assert rebased.limits_note == "Grenzen opnieuw berekend vanaf de start van Do (januari 2024)"
    assert set(rebased.plot["variation"]) == {"Gewone variatie"}
    assert rebased.assurance.key == "pass"  # 9 lies above the upper limit 8.32
    assert not rebased.rebase_hint
    hit = pagedata.trend(series, "VERW_ZH", cycle(target_value=8.0), rebase=True)
    fail = pagedata.trend(series, "VERW_ZH", cycle(target_value=3.0), rebase=True)
    assert (hit.assurance.key, fail.assurance.key) == ("hit_and_miss", "fail")


def test_check_finds_the_signal_since_do_and_the_level_change():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle())
    check = trend.check

    assert check.status == "signal" and check.signal == "improvement"
    assert check.first_signal_month == pd.Timestamp("2024-01-01")
    assert check.rules == ("outside_limits_low", "shift_low")
    assert check.text.startswith(
        "**Signaal sinds de start van Do (januari 2024)**, vergeleken met de grenzen van de 12 "
        "maanden ervoor: Speciale oorzaak van verbetering sinds januari 2024"
    )
    assert check.baseline_note == ""
    # 10 -> 6 per 1,000: a jump of about -4 (the alternating noise tilts the fitted slopes).
    assert check.its.level_change == pytest.approx(-4.0, abs=0.5)
    shown = format_number(check.its.level_change, 2)
    assert check.its_value == f"{shown} per 1.000 per jaar"
    low, high = (format_number(x, 2) for x in check.its.level_change_ci)
    assert check.its_summary.startswith(f"95%-interval {low} tot {high} per 1.000 per jaar; p = ")
    assert "samenhang in de tijd, geen bewijs" in check.its_text


def test_check_without_signal_and_with_an_unstable_baseline():
    steady = pagedata.trend(rate_series(BEFORE * 2), "VERW_ZH", cycle())
    assert steady.check.status == "no_signal"
    assert steady.check.text == (
        "**Geen signaal.** Sinds de start van Do (januari 2024) blijven de punten binnen de "
        "gewone variatie van de 12 maanden ervoor."
    )
    # A drop that began three months before Do: the baseline itself was not stable.
    early = pagedata.trend(rate_series(BEFORE[:9] + [60] * 15), "VERW_ZH", cycle())
    assert early.check.status == "signal"
    assert early.check.baseline_note.startswith("Let op: de periode vóór Do was zelf niet stabiel.")


@pytest.mark.parametrize(
    ("values", "status", "text"),
    [
        ({"do_start": None}, "no_do", "Deze cyclus heeft nog geen startdatum van Do."),
        ({"do_start": date(2026, 1, 1)}, "not_started", "De Do-fase is in de gegevens nog niet"),
        ({"do_start": date(2023, 6, 1)}, "short_baseline", "Te weinig punten vóór de start van Do"),
    ],
)
def test_check_explains_when_it_cannot_judge(values, status, text):
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle(**values))

    assert trend.check.status == status
    assert trend.check.text.startswith(text)


def test_without_a_cycle_all_points_set_the_limits_and_there_is_no_check():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH")

    assert trend.check is None and trend.phases == [] and trend.target is None
    assert trend.limits_note == "Grenzen berekend op alle punten"
    assert trend.plot["centre"].iloc[0] == pytest.approx(8.0)  # (12 x 100 + 12 x 60) / 240


def test_target_belongs_to_the_cycles_own_indicator_only():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_CARD", cycle())

    assert trend.target is None and trend.assurance.key == "none"
    assert trend.phases  # the phases still show, for a balancing measure
    # Neutral direction: lower, not "improvement".
    assert trend.variation.key == "lower"
    assert trend.variation.text == "🟣 Speciale oorzaak: lager"


def test_percentages_are_shown_as_0_to_100():
    months = pd.date_range("2024-01-01", periods=12, freq="MS")
    series = pd.DataFrame({"month": months, "numerator": 25.0, "denominator": 100.0, "value": 0.25})
    trend = pagedata.trend(
        series,
        "ALV_AANDEEL",
        {"indicator_code": "ALV_AANDEEL", "do_start": None, "target_value": 80},
    )

    assert trend.chart_kind == "p"
    assert trend.plot["value"].tolist() == pytest.approx([25.0] * 12)
    # p-bar 0.25, n = 100: 25 +/- 3 x sqrt(0.25 x 0.75 / 100) x 100 = 25 +/- 12.99.
    assert trend.plot["upper"].iloc[0] == pytest.approx(25 + 300 * np.sqrt(0.25 * 0.75 / 100))
    assert trend.assurance.key == "fail"  # 80% lies above the upper limit of 38%


def test_small_counts_are_hidden_in_the_plot_but_used_for_the_limits():
    counts = BEFORE + AFTER
    counts[3] = 5
    trend = pagedata.trend(rate_series(counts), "VERW_ZH", cycle())

    assert trend.hidden_points == 1
    assert np.isnan(trend.plot["value"].iloc[3])
    assert trend.plot["centre"].iloc[0] == pytest.approx(sum(counts[:12]) / 120)  # 1104 / 120


@pytest.mark.parametrize(
    ("series", "code", "message"),
    [
        (rate_series([]), "VERW_ZH", "Voor deze indicator zijn in deze regio nog geen gegevens"),
        (rate_series(BEFORE[:11]), "VERW_ZH", "Te weinig maanden voor een trendkaart: 11 punten"),
        (
            rate_series([7.0] * 5, pd.date_range("2021-01-01", periods=5, freq="YS")),
            "WERKPLEZIER",
            "Deze indicator wordt één keer per jaar gemeten: 5 punten",
        ),
    ],
)
def test_no_chart_for_empty_or_short_series(series, code, message):
    trend = pagedata.trend(series, code)

    assert not trend.has_chart
    assert trend.message.startswith(message)


def test_run_chart_colours_the_long_run_by_direction():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle(), view="run")

    assert list(trend.plot.columns) == [
        "month",
        "phase",
        "value",
        "median",
        "variation",
        "rule",
        "target",
    ]
    assert trend.plot["median"].iloc[0] == pytest.approx(8.0)
    # 12 points above the median then 12 below: both runs are longer than round(log2(24) + 3).
    assert set(trend.plot["variation"][:12]) == {"Speciale oorzaak: verslechtering"}
    assert set(trend.plot["variation"][12:]) == {"Speciale oorzaak: verbetering"}
    assert trend.summary.startswith("Niet-toevallige variatie: een ongewoon lange reeks (12")
    assert trend.assurance.key == "none"


def test_english_texts():
    trend = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", cycle(), lang="en")

    assert trend.variation.label == "Special cause: improvement"
    assert trend.check.text.startswith("**Signal since the start of Do (January 2024)**")
    assert trend.check.its_value.endswith(" per 1,000 per year")


def test_overview_lists_each_cycle_with_its_signal():
    cycles = pd.DataFrame(
        [
            {"id": 1, "region": "R1", "title": "Feedback", **cycle()},
            {"id": 2, "region": "R2", "title": "Nog niet", **cycle(do_start=None)},
            {"id": 3, "region": "R3", "title": "Leeg", **cycle()},
        ]
    )
    data = {
        "R1": rate_series(BEFORE + AFTER),
        "R2": rate_series(BEFORE + AFTER),
        "R3": rate_series([]),
    }

    table = pagedata.overview(
        cycles, lambda code, region: data[region], region_names={"R1": "Regio Een"}
    )

    assert list(table.columns) == pagedata.OVERVIEW_COLUMNS
    assert table["region"].tolist() == ["Regio Een", "R2", "R3"]
    assert table["check"].tolist() == [
        "Signaal: verbetering sinds jan 2024",
        "Nog geen start van Do",
        "Voor deze indicator zijn in deze regio nog geen gegevens geladen. Kies een andere "
        "indicator of regio, of laad de gegevens (zie `docs/data-format.md`).",
    ]
    assert table["variation"].iloc[0] == "🔵 Speciale oorzaak: verbetering"
    assert table["assurance"].iloc[0] == "🔀 Doel wisselend gehaald (toeval)"
    assert table["latest_value"].iloc[0] == pytest.approx(6.1)
    assert table["latest_month"].iloc[0] == pd.Timestamp("2024-12-01")


def test_assurance_follows_nhsrplotthedots_including_a_target_on_a_limit():
    vectors = read_peer("nhsrplotthedots_assurance_vectors.csv")
    keys = {"consistent_pass": "pass", "consistent_fail": "fail", "inconsistent": "hit_and_miss"}
    for row in vectors.to_dict("records"):
        chart = pd.DataFrame({"lower": [float(row["lpl"])], "upper": [float(row["upl"])]})
        direction = "higher" if row["improvement_direction"] == "increase" else "lower"
        assert pagedata.assurance_key(chart, direction, float(row["target"])) == keys[
            row["assurance_type"]], row["case"]


def score_series(scores, months=MONTHS, responses=20.0) -> pd.DataFrame:
    scores = np.asarray(scores, dtype=float)
    return pd.DataFrame({
        "month": months[: len(scores)],
        "numerator": scores * responses,
        "denominator": responses,
        "value": scores,
    })


# Satisfaction (an XmR indicator) alternating 7.0 / 7.4 with one freak month of 9.8 (Jun 2023).
SCORES = [7.0, 7.4] * 2 + [7.0, 9.8] + [7.0, 7.4] * 9


def test_freezing_fixes_the_limits_on_the_months_up_to_the_chosen_one():
    series = rate_series(BEFORE + AFTER)
    assert pagedata.freeze_options(pd.DatetimeIndex(series["month"]))[0] == MONTHS[11]
    trend = pagedata.trend(series, "VERW_ZH", freeze_until=MONTHS[11])
    # 100 a month on 10,000 person-years: 10 per 1,000, limits 10 -/+ 3 sqrt(10 / 10) = 7, 13
    assert trend.plot["centre"].tolist() == pytest.approx([10.0] * 24)
    assert trend.plot["upper"].tolist() == pytest.approx([13.0] * 24)
    assert trend.limits_note == "Grenzen vastgezet op jan 2023 – dec 2023"
    assert set(trend.plot["variation"][12:]) == {"Speciale oorzaak: verbetering"}
    # Fewer than MIN_BASELINE points cannot be frozen: all points set the limits.
    short = pagedata.trend(series, "VERW_ZH", freeze_until=MONTHS[5])
    assert short.limits_note == "Grenzen berekend op alle punten"
    # The run chart's median of the frozen months.
    run = pagedata.trend(series, "VERW_ZH", view="run", freeze_until=MONTHS[11])
    assert run.plot["median"].tolist() == pytest.approx([10.0] * 24)
    assert run.limits_note == "Runchart: mediaan vastgezet (Grenzen vastgezet op jan 2023 – " \
        "dec 2023), regels van Anhøj"


def test_excluded_months_leave_the_limits_but_stay_on_the_chart():
    series = score_series(SCORES)
    trend = pagedata.trend(series, "TEVREDENHEID", exclude=[MONTHS[5]])
    assert trend.chart_kind == "xmr" and trend.excluded_points == 1
    # Without June: 23 points, mean (7.0 x 12 + 7.4 x 11) / 23; 22 moving ranges: the May and
    # July points (both 7.0) now meet, range 0, the other 21 are 0.4.
    assert trend.plot["centre"].iloc[0] == pytest.approx((7.0 * 12 + 7.4 * 11) / 23)
    assert trend.plot["upper"].iloc[0] - trend.plot["centre"].iloc[0] == pytest.approx(
        2.66 * 21 * 0.4 / 22)
    assert trend.plot["excluded"].tolist() == [i == 5 for i in range(24)]
    assert trend.plot["rule"].iloc[5] == (
        "punt boven de bovengrens, uitgesloten van de berekening")
    assert trend.limits_note.endswith("· 1 punt(en) uitgesloten van de berekening")
    plain = pagedata.trend(series, "TEVREDENHEID")
    assert "excluded" not in plain.plot.columns


def test_screening_choice_changes_xmr_limits_as_making_data_count_excel_does():
    series = score_series(SCORES)
    screened = pagedata.trend(series, "TEVREDENHEID")
    unscreened = pagedata.trend(series, "TEVREDENHEID", screen_outliers=False)
    # Moving ranges: 21 of 0.4 and the jumps 2.8 up and 2.8 down; mean 14 / 23 = 0.609.
    # 3.267 x 0.609 = 1.99, so screening drops the two jumps: mean moving range 0.4.
    mean = sum(SCORES) / 24
    assert screened.plot["upper"].iloc[0] == pytest.approx(mean + 2.66 * 0.4)
    assert unscreened.plot["upper"].iloc[0] == pytest.approx(mean + 2.66 * (21 * 0.4 + 5.6) / 23)
    assert unscreened.limits_note.endswith(
        "· zonder screening van grote sprongen (zoals de Making Data Count Excel-tool)")
    assert screened.limits_note == "Grenzen berekend op alle punten"
    # Not an XmR chart: the choice does not apply.
    rate = pagedata.trend(rate_series(BEFORE + AFTER), "VERW_ZH", screen_outliers=False)
    assert "screening" not in rate.limits_note
