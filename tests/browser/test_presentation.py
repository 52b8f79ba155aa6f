"""In a real browser: a copied link reopens the same view, and a meeting pack is made,
presented (screenshot in test-artifacts/) and stepped through with the keyboard.

Uses the server and browser of test_smoke.py (its own server for this module, on the bundled
sample data or the tiny dataset). Run with ``pytest -m browser tests/browser``.
"""

from __future__ import annotations

import pytest

from tests.browser import test_smoke as smoke
from tests.browser.test_smoke import ARTIFACTS, RENDER_TIMEOUT, _screenshot, open_and_wait

# The smoke test's fixtures, shared by name (pytest finds fixtures among module attributes).
_require_chromium, browser, page, server = (
    smoke._require_chromium, smoke.browser, smoke.page, smoke.server)

pytestmark = pytest.mark.browser


def settle(tab) -> None:
    """Wait for the rerun a click or key press started to finish."""
    tab.wait_for_timeout(300)
    tab.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 || !document.querySelector('[data-testid="stStatusWidget"]').innerText
                        .match(/Running|Bezig/)""",
        timeout=RENDER_TIMEOUT,
    )
    tab.wait_for_timeout(700)


def view_state(tab) -> dict[str, list[str]]:
    """What the filters show: each select box's text and each checked radio's label."""
    main = tab.locator('[data-testid="stMain"]')
    boxes = main.locator('[data-testid="stSelectbox"]')
    radios = main.locator('[data-testid="stRadio"]')
    return {
        "selects": [
            f"{boxes.nth(i).inner_text().strip()}: "
            f"{boxes.nth(i).get_by_role('combobox').input_value()}"
            for i in range(boxes.count())
        ],
        "radios": [
            radios.nth(i).locator("label:has(input:checked)").inner_text().strip()
            for i in range(radios.count())
        ],
    }


def choose(tab, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label``."""
    box = tab.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.get_by_role("combobox").click()
    tab.get_by_role("option", name=option, exact=True).first.click()
    settle(tab)


def test_a_copied_link_reopens_the_same_view(server, browser):
    first = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    tab = first.new_page()
    open_and_wait(tab, server + "/spiegelinformatie")
    tab.get_by_text("Kalenderjaar", exact=True).click()
    settle(tab)
    tab.get_by_text("Ruw per 1.000 patiënten", exact=True).click()
    settle(tab)
    tab.get_by_text("Additief", exact=True).click()
    settle(tab)
    link = tab.url
    before = view_state(tab)
    reading = tab.locator('[data-testid="stAlert"]').filter(
        has_text="praktijken").first.inner_text()
    first.close()
    assert "periode=year" in link and "maat=crude" in link and "spreiding=additive" in link
    assert "Kalenderjaar" in before["radios"] and "Ruw per 1.000 patiënten" in before["radios"]
    assert any(text.startswith("Jaar: 20") for text in before["selects"]), before

    # A colleague opens the link: a new browser session, the same view.
    second = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    other = second.new_page()
    open_and_wait(other, link)
    other.wait_for_function(
        "document.querySelectorAll('[data-testid=\"stRadio\"] input:checked').length >= 3",
        timeout=RENDER_TIMEOUT,
    )
    settle(other)
    assert view_state(other) == before
    assert other.locator('[data-testid="stAlert"]').filter(
        has_text="praktijken").first.inner_text() == reading
    second.close()


def test_present_a_meeting_pack_with_the_keyboard(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    open_and_wait(page, server + "/vergadering")
    name = page.get_by_label("Naam van het pakket")
    name.fill("Stuurgroep browser")
    name.press("Enter")
    settle(page)
    page.get_by_role("button", name="Toevoegen").click()  # the first kind: Overzicht
    page.locator(".st-key-verg_remove_0").wait_for(timeout=RENDER_TIMEOUT)
    settle(page)
    page.get_by_text("Dia toevoegen", exact=True).click()  # folded once a slide exists
    settle(page)
    choose(page, "Soort dia", "Spiegelinformatie: trechter per praktijk")
    page.get_by_role("button", name="Toevoegen").click()
    page.locator(".st-key-verg_remove_1").wait_for(timeout=RENDER_TIMEOUT)
    settle(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Pakket ‘Stuurgroep browser’ opgeslagen.").wait_for(timeout=RENDER_TIMEOUT)
    settle(page)

    page.get_by_role("button", name="Presenteren").click()
    page.get_by_text("Dia 1 van 2").wait_for(timeout=RENDER_TIMEOUT)
    settle(page)
    assert "presentatie=1" in page.url and "dia=1" in page.url
    # No sidebar and no filter controls on the projector.
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.get_by_label("Naam van het pakket").count()
    assert not page.locator(".st-key-verg_pack").is_visible()
    font = page.evaluate("() => getComputedStyle(document.documentElement).fontSize")
    assert font == "22px"
    _screenshot(page, ARTIFACTS / "presentation-slide-1.png")

    page.keyboard.press("ArrowRight")
    page.get_by_text("Dia 2 van 2").wait_for(timeout=RENDER_TIMEOUT)
    settle(page)
    assert "dia=2" in page.url
    page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=RENDER_TIMEOUT)
    _screenshot(page, ARTIFACTS / "presentation-slide-2.png")

    page.keyboard.press("PageUp")  # a presenter clicker's "back"
    page.get_by_text("Dia 1 van 2").wait_for(timeout=RENDER_TIMEOUT)
    settle(page)

    page.keyboard.press("Escape")
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible", timeout=RENDER_TIMEOUT)
    settle(page)
    assert "presentatie" not in page.url
