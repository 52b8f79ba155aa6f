"""Markdown and HTML injected into every free-text field and link parameter, and a check that
none of it becomes a link, an image or HTML on a page.

``INJECTED`` goes into practice and region names, PDCA cycle titles, plans and notes,
meeting-pack names, SROI scenario names and descriptions and account display names;
:func:`live_markup` parses what a page sent to the browser the way a GFM renderer would
(markdown-it with linkify and HTML on) and lists every link, image or HTML tag that points at
the injected host.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from markdown_it import MarkdownIt
from sqlalchemy import update

from dashboard import auth, meeting_packs, sroi_models
from dashboard.models import Practice, Region
from dashboard.queries import pdca
from dashboard.scope import Scope

ADMIN = Scope("beheerder", all_regions=True, username="beheer")

EVIL = "evil.example"
INJECTED = (
    f"[Opnieuw aanmelden](https://{EVIL}/login) ![l](https://{EVIL}/x.png) "
    f'<img src="https://{EVIL}/y.png"> https://{EVIL}/b www.{EVIL} h@{EVIL} **v** :red[r]'
)
# Names with a length limit (meeting packs, SROI scenarios) get the short form.
SHORT = f"[Opnieuw aanmelden](https://{EVIL}/login) ![l](https://{EVIL}/x.png)"
# Link parameters are short texts: the reported one, and an image.
LINK_VALUES = (f"[Opnieuw aanmelden](https://{EVIL}/login)", f"![x](https://{EVIL}/x.png)")


_DEBUG = bool(os.environ.get("INJECTION_DEBUG"))
_PARSER = MarkdownIt("gfm-like", {"linkify": True, "html": True})
# Elements whose strings the browser shows as plain text, never as Markdown: table and chart
# data, the Vega-Lite spec (Vega draws titles as text), select-box options, file names.
_PLAIN = {"Arrow", "ArrowVegaLiteChart", "VegaLiteChart", "DownloadButton", "PageLink", "Html"}
_PLAIN_FIELDS = {"options", "default", "raw_value", "raw_values", "spec", "id", "form_id",
                 "file_name", "url", "page", "page_script_hash", "deferred_file_id", "icon",
                 "placeholder"}
_PLAIN_OPTIONS = {"Selectbox", "MultiSelect"}


def _tokens(tokens) -> Iterator:
    for token in tokens:
        yield token
        if token.children:
            yield from _tokens(token.children)


def live_markup(markdown: str) -> list[str]:
    """Links, images and HTML in ``markdown`` that point at the injected host."""
    found = []
    for token in _tokens(_PARSER.parse(markdown)):
        if token.type in ("link_open", "image"):
            target = str(token.attrs.get("href") or token.attrs.get("src") or "")
            if EVIL in target:
                found.append(f"{token.type} {target}")
        elif token.type in ("html_inline", "html_block") and EVIL in token.content:
            found.append(f"{token.type} {token.content.strip()}")
    return found


def _strings(message, element: str) -> Iterator[tuple[str, str]]:
    for field, value in message.ListFields():
        if field.name in _PLAIN_FIELDS and (field.name != "options"
                                            or element in _PLAIN_OPTIONS):
            continue
        values = value if getattr(field, "is_repeated", False) else [value]
        for item in values:
            if hasattr(item, "ListFields"):
                yield from _strings(item, element)
            elif isinstance(item, str):
                yield field.name, item


def _walk(node) -> Iterator:
    proto = getattr(node, "proto", None)
    if proto is not None:
        yield proto
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def page_markup(at) -> list[str]:
    """Every injected link, image or tag among the Markdown-rendered strings of a page."""
    found = []
    for proto in _walk(at._tree):
        element = type(proto).__name__
        if element in _PLAIN:
            continue
        for field, text in _strings(proto, element):
            hits = live_markup(text)
            found += [f"{element}.{field}: {hit}" for hit in hits]
            if hits and _DEBUG:
                print("DEBUG", element, field, text[:160].replace("\n", " | "))
    return found


def inject_everywhere(engine, region: str = "TST") -> None:
    """Put :data:`INJECTED` into every free-text field of ``region``: practice and region
    names, a PDCA cycle, a meeting pack, an SROI scenario and an account's display name."""
    with engine.begin() as conn:
        conn.execute(update(Practice.__table__).values(name=INJECTED))
        conn.execute(update(Region.__table__).where(Region.__table__.c.code == region)
                     .values(name=INJECTED))
    editor = Scope("coordinator", regions=frozenset({region}), username="injector")
    pdca.create_cycle_for(engine, editor, {
        "region": region, "indicator_code": "VERW_ZH", "title": INJECTED, "plan": INJECTED,
        "do_start": "2024-03-01", "notes": INJECTED,
    })
    meeting_packs.save_pack_for(engine, editor, SHORT, region,
                                [{"kind": "overzicht", "filters": {}}])
    model = sroi_models.load_toml(sroi_models.TEMPLATE_DIR / sroi_models.REGION_TEMPLATE)
    model["description"] = INJECTED
    for row in model["outcomes"] + model["investments"]:
        row["description"] = INJECTED
    model["outcomes"][0]["name"] = INJECTED
    sroi_models.save_scenario_for(engine, editor, region, SHORT, model)
    if auth.get_account(engine, "injected") is None:
        auth.add_user(engine, "injected", "coordinator", None, regions=[region],
                      display_name=INJECTED, by=ADMIN)
