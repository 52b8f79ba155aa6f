"""Spiegelinformatie page data against numbers worked out by hand from tests/spiegel_dataset.py.

Signals were checked with the exact one-sided Poisson tail probabilities, e.g. P2 in 2024:
P(X >= 55 | mean 40) = 0.014 (< 0.025, > 0.001): above the 95% limit only.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard import database, settings
from dashboard.pagedata.spiegelinformatie import (
    SpiegelFilters,
    available_years,
    person_years,
    resolve_period,
    spiegelinformatie,
)
from tests.spiegel_dataset import OWN_NAME, fill_spiegel_dataset


@pytest.fixture(scope="module")
def spiegel_db(tmp_path_factory):
    """One database for the whole module: the page data only read it."""
    folder = tmp_path_factory.mktemp("spiegel")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", f"sqlite:///{folder / 'hartnetwerk.db'}")
        patch.setenv("HARTNETWERK_DATA_DIR", str(folder))
        patch.setenv("HARTNETWERK_SALT", "test-salt")
        settings.reset_settings_cache()
        engine = database.make_engine(settings.get_settings().database_url)
        database.init_db(engine)
        fill_spiegel_dataset(engine)
        yield engine
        engine.dispose()
    settings.reset_settings_cache()


def run(engine, **choices):
    return spiegelinformatie(engine, SpiegelFilters(**{"region": "TST", **choices}))


def run_without_suppression(engine, **choices):
    """The page data with the small-number rule off (threshold 1): for checking the statistics
    of practices that privacy would hide in this five-practice region."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HARTNETWERK_SMALL_NUMBER_THRESHOLD", "1")
        settings.reset_settings_cache()
        try:
            return run(engine, **choices)
        finally:
            patch.delenv("HARTNETWERK_SMALL_NUMBER_THRESHOLD")
            settings.reset_settings_cache()


def by_practice(table: pd.DataFrame) -> dict[str, dict]:
    return table.set_index("practice_name").to_dict(orient="index")


def test_standardised_ratios_2024(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P1")
    assert data.status == "ok"
    assert data.period.label == "2024" and not data.period.partial
    rows = by_practice(data.table)
    # Own practice by name, the others by pseudonym; own first, then by pseudonym.
    assert list(data.table["practice_name"]) == [
        OWN_NAME, "Praktijk Bravo", "Praktijk Charlie", "Praktijk Delta", "Praktijk Echo"
    ]
    # E = listed A x 0.010 + listed B x 0.050.
    expected = {OWN_NAME: 45.0, "Praktijk Bravo": 40.0, "Praktijk Charlie": 70.0,
                "Praktijk Delta": 40.0, "Praktijk Echo": 10.0}
    # Echo's 7 would follow from the region's total (205 - 53 - 55 - 65 - 25), so the smallest
    # other count that is not the viewer's own (Delta, 25) is hidden with it ("–").
    observed = {OWN_NAME: 53, "Praktijk Bravo": 55, "Praktijk Charlie": 65,
                "Praktijk Delta": "–", "Praktijk Echo": "<10"}
    listed = {OWN_NAME: 2500, "Praktijk Bravo": 3200, "Praktijk Charlie": 2200,
              "Praktijk Delta": 4000, "Praktijk Echo": 600}
    for name, row in rows.items():
        assert row["expected"] == pytest.approx(expected[name])
        assert row["observed"] == observed[name]
        assert row["listed_patients"] == listed[name]
    assert rows[OWN_NAME]["ratio"] == pytest.approx(5300 / 45)
    assert rows["Praktijk Bravo"]["ratio"] == pytest.approx(137.5)
    assert np.isnan(rows["Praktijk Delta"]["ratio"]) and rows["Praktijk Delta"]["suppressed"]
    # Exact Poisson interval of 53: chi2(0.025; 106)/2 = 39.70, chi2(0.975; 108)/2 = 69.33.
    assert rows[OWN_NAME]["interval"] == "88–154"
    assert rows[OWN_NAME]["crude_rate"] == pytest.approx(53 / 2500 * 1000)  # 21.2
    # Echo has 7 referrals: count shown as "<10", ratio, interval and rate hidden.
    assert rows["Praktijk Echo"]["suppressed"]
    assert np.isnan(rows["Praktijk Echo"]["ratio"])
    assert np.isnan(rows["Praktijk Echo"]["crude_rate"])
    assert rows["Praktijk Echo"]["interval"] == "–"
    signals = {name: None if pd.isna(row["signal"]) else row["signal"]
               for name, row in rows.items()}
    # Echo's signal is built on its small count, so it is hidden with the ratio; so is Delta's.
    assert signals == {OWN_NAME: "within", "Praktijk Bravo": "high_95",
                       "Praktijk Charlie": "within", "Praktijk Delta": None,
                       "Praktijk Echo": None}
    assert data.region_rate == pytest.approx(16.4)  # 205 / 12,500 x 1,000
    assert data.conclusion == (
        "Uw praktijk verwijst 18% meer dan verwacht op basis van leeftijd en geslacht van uw "
        "patiënten; dat valt binnen de normale spreiding. (53 verwijzingen waar 45,0 werden "
        "verwacht; verwijsratio 118, 95%-betrouwbaarheidsinterval 88–154.)"
    )


def test_statistics_of_the_practices_privacy_hides(spiegel_db):
    rows = by_practice(run_without_suppression(spiegel_db, period="year", year=2024,
                                               practice="P1").table)
    # Delta: O = 25, E = 40: ratio 62.5; P(X <= 25 | 40) = 0.0077 < 0.025: below 95%.
    assert rows["Praktijk Delta"]["observed"] == 25
    assert rows["Praktijk Delta"]["ratio"] == pytest.approx(62.5)
    assert rows["Praktijk Delta"]["signal"] == "low_95"
    # Echo: O = 7, E = 10: ratio 70, within.
    assert rows["Praktijk Echo"]["observed"] == 7
    assert rows["Praktijk Echo"]["ratio"] == pytest.approx(70.0)
    assert rows["Praktijk Echo"]["signal"] == "within"


def test_funnel_points_and_privacy_of_tooltips(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P1")
    points = data.funnel_points.set_index("display_name")
    assert points.loc[OWN_NAME, "own"] and points["own"].sum() == 1
    assert points.loc["Praktijk Bravo", "x"] == pytest.approx(40.0)
    assert points.loc["Praktijk Bravo", "y"] == pytest.approx(137.5)
    assert points.loc["Praktijk Bravo", "observed_text"] == "55"
    assert points.loc["Praktijk Bravo", "value_text"] == "138"
    # Small count of another practice (Echo, 7 referrals): not drawn at all, since its position
    # (ratio 70 at E = 10) would give the count away; the region summary still counts it.
    assert "Praktijk Echo" not in points.index
    # Nor is Delta, its companion (Echo's count would follow from the total and Delta's).
    assert "Praktijk Delta" not in points.index
    assert data.funnel_hidden == 2 and len(data.signals) == 5
    assert data.funnel_target == 100
    assert set(data.funnel_lines["line"]) == {"lower_95", "upper_95", "lower_998", "upper_998"}
    # The limits bracket the target and the 99.8% lines lie outside the 95% ones.
    wide = data.funnel_lines.pivot_table(index="x", columns="line", values="y")
    assert (wide["lower_998"] <= wide["lower_95"]).all()
    assert (wide["lower_95"] < 100).all() and (wide["upper_95"] > 100).all()
    assert (wide["upper_95"] <= wide["upper_998"]).all()
    # No practice code leaves the page data for the funnel.
    assert "practice" not in data.funnel_points.columns
    assert not set(data.funnel_points["display_name"]) & {"P1", "P2", "P3", "P4", "P5"}


def test_region_view_without_own_practice(spiegel_db):
    data = run(spiegel_db, period="year", year=2024)
    assert data.own is None
    # Echo's 7 is hidden and Delta's 25 with it (the smallest other count); Delta is the one
    # below its limits (25 against 40), so counting it would give its hidden signal away. Of
    # the three shown, Bravo (55 against 40) is above.
    assert data.conclusion == (
        "In Regio Test zijn 5 praktijken vergeleken. Van de 3 getoonde verwijzen er 1 meer en "
        "0 minder dan op grond van toeval te verwachten is (buiten de 95%-grenzen); 2 liggen "
        "binnen de normale spreiding. Bij 2 praktijk(en) blijft het signaal verborgen, net als "
        "hun aantal verwijzingen. Een huisarts ziet hier ook de eigen praktijk, bij naam en "
        "uitgelicht."
    )
    assert set(data.table["practice_name"]) == {
        "Praktijk Alfa", "Praktijk Bravo", "Praktijk Charlie", "Praktijk Delta", "Praktijk Echo"
    }
    assert list(data.trend["series"].unique()) == ["region"]
    assert list(data.destinations["group"].unique()) == ["region"]


def test_own_small_practice_is_not_suppressed(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P5")
    rows = by_practice(data.table)
    assert rows["Dokterspraktijk West"]["observed"] == 7
    assert rows["Dokterspraktijk West"]["ratio"] == pytest.approx(70.0)
    assert rows["Praktijk Alfa"]["observed"] == 53
    assert data.conclusion.startswith(
        "Uw praktijk verwijst 30% minder dan verwacht op basis van leeftijd en geslacht"
    )


def test_hospital_only(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P1", destination="ziekenhuis")
    rows = by_practice(data.table)
    # Hospital rates: A 70/10500 = 1/150, B 65/2000 = 0.0325.
    assert rows[OWN_NAME]["expected"] == pytest.approx(2000 / 150 + 500 * 0.0325)  # 29.583
    assert rows[OWN_NAME]["observed"] == 33
    assert rows["Praktijk Bravo"]["expected"] == pytest.approx(26.5)
    assert rows["Praktijk Bravo"]["signal"] == "high_95"  # P(X >= 42 | 26.5) = 0.0033
    assert rows["Praktijk Echo"]["observed"] == "<10"  # 4 hospital referrals
    assert data.own["ratio"] == pytest.approx(33 / 29.583333)
    assert "12% meer dan verwacht" in data.conclusion  # 111.5


def test_condition_filter_and_practice_without_expected(spiegel_db):
    data = run_without_suppression(spiegel_db, period="year", year=2024, practice="P1",
                                   condition="hartfalen")
    rows = by_practice(data.table)
    # Heart failure is stratum B only (rate 100/2000); Delta lists nobody there.
    assert set(rows) == {OWN_NAME, "Praktijk Bravo", "Praktijk Charlie", "Praktijk Echo"}
    assert rows[OWN_NAME]["expected"] == pytest.approx(25.0)
    assert rows["Praktijk Bravo"]["ratio"] == pytest.approx(150.0)
    assert data.conclusion.startswith(
        "Uw praktijk verwijst evenveel als verwacht op basis van leeftijd en geslacht"
    )
    assert any("Praktijk Delta" in note for note in data.notes)


def test_empty_selection_is_a_message(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, condition="af")
    assert data.status == "empty_selection"
    assert data.message.startswith("Geen verwijzingen in Regio Test voor deze selectie (2024)")


def test_year_outside_the_data(spiegel_db):
    data = run(spiegel_db, period="year", year=2019)
    assert data.status == "empty_selection"
    assert "deze selectie (2019)" in data.message


def test_rolling_12_months(spiegel_db):
    data = run(spiegel_db, practice="P1")  # default: the 12 months up to 30-06-2025
    assert data.data_date == date(2025, 6, 30)
    assert (data.period.start, data.period.end) == (date(2024, 7, 1), date(2025, 6, 30))
    assert data.period.label == "jul 2024 – jun 2025"
    # In the window: the e-consults of August 2024 and the hospital referrals of June 2025.
    # A: 8 + 70 = 78 events, B: 9 + 65 = 74; P1: O = 5 + 33 = 38,
    # E = 2000 x 78/10500 + 500 x 74/2000 = 14.857 + 18.5 = 33.357.
    assert data.own["observed"] == 38
    assert data.own["expected"] == pytest.approx(2000 * 78 / 10500 + 500 * 74 / 2000)
    # Person-years: 2500 x (184/366 + 181/365) = 2496.56.
    assert data.own["person_years"] == pytest.approx(2500 * (184 / 366 + 181 / 365))
    assert data.own["crude_rate"] == pytest.approx(38 / (2500 * (184 / 366 + 181 / 365)) * 1000)


def test_partial_calendar_year(spiegel_db):
    data = run(spiegel_db, period="year", year=2025, practice="P1")
    assert data.period.partial
    assert data.period.label == "2025 (01-01-2025 t/m 30-06-2025)"
    assert data.own["observed"] == 33
    # Half a year of person-time: 2500 x 181/365; the rate is per year.
    assert data.own["crude_rate"] == pytest.approx(33 / (2500 * 181 / 365) * 1000)  # 26.6


def test_crude_measure(spiegel_db):
    data = run_without_suppression(spiegel_db, period="year", year=2024, practice="P1",
                                   measure="crude")
    points = data.funnel_points.set_index("display_name")
    assert data.funnel_target == pytest.approx(16.4)
    assert points.loc[OWN_NAME, "x"] == pytest.approx(2500)  # person-years
    assert points.loc[OWN_NAME, "y"] == pytest.approx(21.2)
    # Crude E = person-years x 0.0164: Charlie 65 vs 36.08 and Delta 25 vs 65.6 are far out.
    assert points.loc["Praktijk Charlie", "signal"] == "high_998"
    assert points.loc["Praktijk Delta", "signal"] == "low_998"
    assert points.loc[OWN_NAME, "signal"] == "within"  # P(X >= 53 | 41) = 0.040
    assert data.conclusion.startswith(
        "Uw praktijk verwijst 21,2 per 1.000 patiënten per jaar, 29% meer dan het "
        "regiogemiddelde van 16,4 (niet gecorrigeerd voor leeftijd en geslacht); dat valt "
        "binnen de normale spreiding. (53 verwijzingen; 95%-betrouwbaarheidsinterval "
        "15,9–27,7 per 1.000 per jaar.)"
    )


def hand_phi(observed, expected) -> float:
    """Spiegelhalter's phi by hand: square-root z-scores, winsorised at 10%/90%."""
    z = 2 * (np.sqrt(observed) - np.sqrt(expected))
    low, high = np.quantile(z, [0.1, 0.9])
    return float(np.mean(np.clip(z, low, high) ** 2))


def test_overdispersion_multiplicative(spiegel_db):
    # phi from the shown practices only: Echo (7, "<10") and Delta (25, its companion) are
    # left out, as their hidden counts would be one equation away from it.
    observed, expected = np.array([53, 55, 65]), np.array([45, 40, 70.0])
    phi = hand_phi(observed, expected)
    assert phi > 1
    plain = run(spiegel_db, period="year", year=2024, practice="P1")
    wide = run(spiegel_db, period="year", year=2024, practice="P1",
               overdispersion="multiplicative")
    assert wide.phi == pytest.approx(phi) and wide.inflated
    assert f"√φ = {np.sqrt(phi):.2f}".replace(".", ",") in wide.dispersion_note
    # Bravo's 95% upper limit on the square-root scale: (1 + 1.96 sqrt(phi) / (2 sqrt(40)))^2.
    lines = wide.funnel_lines[wide.funnel_lines["line"] == "upper_95"]
    at_bravo = lines.loc[np.isclose(lines["x"], 40.0), "y"]
    assert at_bravo.max() == pytest.approx(
        100 * (1 + 1.959964 * np.sqrt(phi) / (2 * np.sqrt(40))) ** 2, rel=1e-4
    )
    signals_plain = by_practice(plain.table)
    signals_wide = by_practice(wide.table)
    # Widening can only move practices towards "within".
    assert signals_plain["Praktijk Bravo"]["signal"] == "high_95"
    for name, row in signals_wide.items():
        if signals_plain[name]["signal"] == "within":
            assert row["signal"] == "within"
    assert "(De grenzen zijn verbreed voor de extra spreiding tussen praktijken.)" in (
        wide.conclusion
    )


def test_overdispersion_additive(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, overdispersion="additive")
    # The shown practices only (Echo and Delta hidden, see above).
    observed, expected = np.array([53, 55, 65]), np.array([45, 40, 70.0])
    phi = hand_phi(observed, expected)
    # tau^2 = (I phi - (I - 1)) / (sum w - sum w^2 / sum w), w = 1/s^2 = 4E.
    w = 4 * expected
    tau2 = (3 * phi - 2) / (w.sum() - (w**2).sum() / w.sum())
    assert data.tau2 == pytest.approx(tau2)
    assert "τ²" in data.dispersion_note


def test_trend_per_quarter(spiegel_db):
    crude = run(spiegel_db, period="year", year=2024, practice="P1", measure="crude")
    trend = crude.trend
    # Data start in January 2024, so the 12 quarters shrink to the four of 2024.
    assert list(trend.loc[trend["series"] == "region", "quarter_label"]) == [
        "K1 2024", "K2 2024", "K3 2024", "K4 2024"
    ]
    q1 = trend[trend["quarter"] == date(2024, 1, 1)].set_index("series")
    # Q1 2024 has 91 of 366 days: 135 / (12,500 x 91/366) x 1,000 = 43.44.
    assert q1.loc["region", "rate"] == pytest.approx(135 * 366 / (12.5 * 91))
    assert q1.loc["own", "rate"] == pytest.approx(33 * 366 / (2.5 * 91))  # 53.09
    assert q1.loc["own", "referrals_text"] == "33"
    standardised = run(spiegel_db, period="year", year=2024, practice="P1").trend
    q1 = standardised[standardised["quarter"] == date(2024, 1, 1)].set_index("series")
    # Ratio against the region's hospital rates of the quarter, (33 / 29.583) x 43.44.
    assert q1.loc["own", "rate"] == pytest.approx(33 / 29.583333 * 135 * 366 / (12.5 * 91),
                                                  rel=1e-6)
    # Q4 2024 has no referrals in the region: nothing to standardise against.
    q4 = standardised[standardised["quarter"] == date(2024, 10, 1)].set_index("series")
    assert q4.loc["region", "rate"] == 0
    assert "own" not in q4.index or np.isnan(q4.loc["own", "rate"])


def test_destinations(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P1", destination="ziekenhuis")
    shares = data.destinations.set_index(["group", "destination"])
    # The destination filter does not apply here: all 53 referrals of P1 are split.
    assert shares.loc[("own", "ziekenhuis"), "share"] == pytest.approx(3300 / 53)
    assert shares.loc[("own", "econsult"), "share_text"] == "9%"
    assert shares.loc[("region", "ziekenhuis"), "share_text"] == "66%"  # 135/205
    assert shares.loc[("region", "anderhalvelijn"), "share_text"] == "26%"  # 53/205
    assert shares.loc[("own", "econsult"), "referrals"] == 5  # own counts are not suppressed


def test_opportunity(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P1")
    chance = data.opportunity
    # Hospital O/E: 1.1155, 1.5849, 0.8978, 0.5625, 0.6076; median 41/45.667 (Charlie).
    median = 41 / (1000 / 150 + 1200 * 0.0325)
    assert chance.median_ratio == pytest.approx(median)
    fewer_p1 = 33 - median * (2000 / 150 + 500 * 0.0325)  # 6.44
    fewer_p2 = 42 - median * 26.5  # 18.21
    assert chance.own_fewer == pytest.approx(fewer_p1)
    assert chance.fewer == pytest.approx(fewer_p1 + fewer_p2)
    assert (chance.practices_above, chance.practices, chance.hospital_referrals) == (2, 5, 135)
    assert "ongeveer **25** ziekenhuisverwijzingen minder zijn: 18% van de 135" in chance.text
    assert "Voor uw praktijk gaat het om ongeveer 6,4 verwijzingen." in chance.text


def test_region_without_anderhalvelijn_and_practice_without_referrals(spiegel_db):
    data = run(spiegel_db, region="ZND", period="year", year=2024, practice="Q2")
    assert data.period.label == "2024 (01-02-2024 t/m 15-02-2024)"
    assert data.own["observed"] == 0
    assert data.own["expected"] == pytest.approx(6.0)  # 1000 x 12/2000
    assert data.own["signal"] == "low_95"  # P(X = 0 | 6) = 0.0025
    assert data.conclusion.startswith(
        "Uw praktijk heeft in deze periode geen verwijzingen in deze selectie, waar er 6,0 "
        "werden verwacht; dat ligt onder de 95%-grens"
    )
    assert "Regio Zonder heeft geen anderhalvelijnszorg" in data.destinations_note
    assert "Uw praktijk heeft in deze periode geen verwijzingen" in data.destinations_note
    assert set(data.destinations["group"]) == {"region"}
    # A quarter cut short by the first month and the data date is flagged.
    assert list(data.trend["quarter_label"]) == ["K1 2024*", "K1 2024*"]
    own = data.trend.set_index("series").loc["own"]
    assert (own["rate"], own["referrals"]) == (0, 0)
    assert "Onvolledig kwartaal" in data.trend_note


def test_english(spiegel_db):
    data = run(spiegel_db, period="year", year=2024, practice="P1", lang="en")
    assert data.conclusion == (
        "Your practice refers 18% more than expected given the age and sex of your patients; "
        "that is within the normal variation. (53 referrals where 45.0 were expected; "
        "referral ratio 118, 95% confidence interval 88–154.)"
    )
    assert set(data.table["signal_label"]) >= {"Within the limits", "Above 95% limit"}


def test_empty_database(isolated_db):
    data = spiegelinformatie(isolated_db, SpiegelFilters())
    assert data.status == "no_region"


def test_bad_filters_are_refused():
    with pytest.raises(ValueError, match="measure must be one of"):
        SpiegelFilters(measure="weird")


def test_periods_and_person_years():
    assert available_years(date(2021, 3, 1), date(2025, 6, 30)) == [2025, 2024, 2023, 2022, 2021]
    assert available_years(None, None) == []
    rolling = resolve_period("rolling", None, date(2021, 1, 1), date(2025, 11, 17))
    assert (rolling.start, rolling.end, rolling.partial) == (
        date(2024, 12, 1), date(2025, 11, 17), True
    )
    assert rolling.label == "dec 2024 – 17-11-2025"
    population = pd.DataFrame(
        {"practice": [0, 0], "year": [2023, 2025], "stratum": [0, 0],
         "listed_patients": [1000, 3000]}
    )
    periods = pd.DataFrame({"period": ["p"], "start": [date(2024, 1, 1)],
                            "end": [date(2024, 12, 31)]})
    exposure, borrowed = person_years(population, periods)
    # 2024 is missing: the nearest years tie, the earlier one (2023) is used and reported.
    assert exposure["person_years"].tolist() == [1000.0]
    assert borrowed == {(2024, 2023)}


def test_person_years_over_two_and_three_calendar_years_with_borrowed_years():
    # Practice 0 lists stratum 0 in 2024 and 2025, stratum 1 only in 2024; practice 2 has
    # figures for 2023 only. Period "a" is July 2024 - June 2025 (184 of 366 days of 2024,
    # 181 of 365 of 2025); period "b" is 2022-2024 (three whole years).
    population = pd.DataFrame({
        "practice": [0, 0, 0, 2], "year": [2024, 2024, 2025, 2023], "stratum": [0, 1, 0, 1],
        "listed_patients": [365, 730, 730, 1460],
    })
    periods = pd.DataFrame({"period": ["b", "a"],
                            "start": [date(2022, 1, 1), date(2024, 7, 1)],
                            "end": [date(2024, 12, 31), date(2025, 6, 30)]})
    period_a = [
        365 * 184 / 366 + 730 * 181 / 365,  # 2024 and 2025 figures
        730 * 184 / 366,  # no stratum 1 in 2025
        1460 * 184 / 366 + 1460 * 181 / 365,  # 2023 borrowed for both years
    ]
    period_b = [
        365 * 3,  # 2022 and 2023 borrow 2024 (nearest)
        730 * 3,
        1460 * 3,  # 2022 and 2024 borrow 2023
    ]
    # Periods of at most two calendar years take a shorter way than longer ones: both.
    exposure, borrowed = person_years(population, periods[periods["period"] == "a"])
    assert exposure[["period", "practice", "stratum"]].values.tolist() == [
        ["a", 0, 0], ["a", 0, 1], ["a", 2, 1]]
    assert exposure["person_years"].tolist() == pytest.approx(period_a, rel=1e-12)
    assert borrowed == {(2024, 2023), (2025, 2023)}
    exposure, borrowed = person_years(population, periods)
    assert exposure[["period", "practice", "stratum"]].values.tolist() == [
        ["a", 0, 0], ["a", 0, 1], ["a", 2, 1], ["b", 0, 0], ["b", 0, 1], ["b", 2, 1]]
    assert exposure["person_years"].tolist() == pytest.approx(period_a + period_b, rel=1e-12)
    assert borrowed == {(2022, 2024), (2023, 2024), (2022, 2023), (2024, 2023), (2025, 2023)}


def test_every_spiegel_text_exists():
    """Keys in column maps and f-strings escape the general i18n scan; check them here."""
    import re
    from pathlib import Path

    from dashboard import i18n
    from dashboard.pagedata import spiegelinformatie as spiegel

    root = Path(__file__).resolve().parents[1]
    used = set()
    for path in ("pages/spiegelinformatie.py", "dashboard/pagedata/spiegelinformatie.py"):
        source = (root / path).read_text(encoding="utf-8")
        used |= set(re.findall(r"""["'](spiegel\.[\w.]+[\w])["']""", source))
    used |= {f"spiegel.signal.{code}" for code in spiegel.SIGNALS}
    used |= {f"spiegel.reading.{code}" for code in spiegel.SIGNALS}
    used |= {f"spiegel.period.{code}" for code in spiegel.PERIODS}
    used |= {f"spiegel.measure.{code}" for code in spiegel.MEASURES}
    used |= {f"spiegel.measure_help.{code}" for code in spiegel.MEASURES}
    for code in ("none", "multiplicative", "additive"):
        used |= {f"spiegel.od.{code}", f"spiegel.od_help.{code}"}
    for suffix in ("", "_region"):
        used |= {f"spiegel.more{suffix}", f"spiegel.less{suffix}", f"spiegel.as_many{suffix}"}
    missing = sorted(key for key in used if key not in i18n.TEXTS)
    assert not missing
    assert len(used) > 100  # the scan found the keys


def test_a_small_destination_of_the_region_does_not_follow_from_the_total(spiegel_db,
                                                                            monkeypatch):
    # With threshold 20 the region's 17 e-consults are "small"; 205 - 135 - 53 would give them
    # away, so the smallest other destination (anderhalvelijn, 53) is hidden as well.
    monkeypatch.setenv("HARTNETWERK_SMALL_NUMBER_THRESHOLD", "20")
    from dashboard.settings import reset_settings_cache

    reset_settings_cache()
    try:
        data = run(spiegel_db, period="year", year=2024, practice="P1")
    finally:
        monkeypatch.delenv("HARTNETWERK_SMALL_NUMBER_THRESHOLD")
        reset_settings_cache()
    region = data.destinations[data.destinations["group"] == "region"].set_index("destination")
    assert region.loc["ziekenhuis", "referrals"] == 135
    assert region.loc["econsult", "referrals"] == "<20"
    assert region.loc["anderhalvelijn", "referrals"] == "–"
    assert region[["share"]].isna().sum().item() == 2
    assert (region["total"] == 205).all()
