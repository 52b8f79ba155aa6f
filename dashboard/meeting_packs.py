"""Meeting packs (table ``meeting_pack``): save, list, open and delete.

A pack is a name, a region and an ordered list of slides ``{"kind": ..., "filters": {...}}``
(see ``dashboard.slides``). Every write is validated first and all problems are reported at
once, as i18n keys with values, so the page can show them in the user's language. Filter
values are checked for their form only: whether a year or cycle is still offered depends on
the data at the time the pack is shown, and ``slides.load_slide`` handles that.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from sqlalchemy import Engine
from sqlmodel import Session, select

from dashboard import i18n
from dashboard.models import MeetingPack, Region
from dashboard.scope import Scope
from dashboard.slides import KINDS

NAME_MAX = 120
MAX_SLIDES = 60
CODE_MAX = 64
PACK_COLUMNS = ["id", "region", "name", "slides", "updated_at"]


class PackError(ValueError):
    """Why a pack cannot be stored: (i18n key, values) per problem."""

    def __init__(self, problems: list[tuple[str, dict[str, Any]]]) -> None:
        super().__init__("; ".join(key for key, _ in problems))
        self.problems = problems

    def messages(self, lang: str = i18n.DEFAULT_LANGUAGE) -> list[str]:
        return [i18n.translate(key, lang, **values) for key, values in self.problems]


def _now() -> datetime:
    return datetime.now(UTC)


def normalise_slides(slides: Any) -> list[dict[str, Any]]:
    """The slides as plain dicts with string codes, or PackError naming what is wrong."""
    problems: list[tuple[str, dict[str, Any]]] = []
    if not isinstance(slides, Sequence) or isinstance(slides, str | bytes):
        raise PackError([("pack.error.slides", {})])
    if len(slides) > MAX_SLIDES:
        problems.append(("pack.error.too_many", {"max": MAX_SLIDES}))
    clean = []
    for number, slide in enumerate(slides, start=1):
        kind = slide.get("kind") if isinstance(slide, Mapping) else None
        if kind not in KINDS:
            problems.append(("pack.error.kind", {"number": number, "kind": str(kind)[:40]}))
            continue
        filters = slide.get("filters") or {}
        if not isinstance(filters, Mapping):
            problems.append(("pack.error.filters", {"number": number}))
            continue
        allowed = KINDS[kind].filters
        unknown = [str(name)[:40] for name in filters if name not in allowed]
        bad = [name for name, code in filters.items()
               if name in allowed and (not isinstance(code, str) or len(code) > CODE_MAX)]
        if unknown or bad:
            problems.append(("pack.error.filters", {"number": number}))
            continue
        clean.append({"kind": kind, "filters": {name: filters[name] for name in allowed
                                                if name in filters}})
    if problems:
        raise PackError(problems)
    return clean


def _validate(session: Session, name: Any, region: Any, pack_id: int | None) -> str:
    problems: list[tuple[str, dict[str, Any]]] = []
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        problems.append(("pack.error.no_name", {}))
    elif len(name) > NAME_MAX:
        problems.append(("pack.error.long_name", {"max": NAME_MAX}))
    if not isinstance(region, str) or session.get(Region, region) is None:
        problems.append(("pack.error.region", {}))
    elif name:
        clash = session.exec(
            select(MeetingPack).where(MeetingPack.region == region, MeetingPack.name == name)
        ).first()
        if clash is not None and clash.id != pack_id:
            problems.append(("pack.error.duplicate", {"name": name}))
    if pack_id is not None and session.get(MeetingPack, pack_id) is None:
        problems.append(("pack.error.gone", {}))
    if problems:
        raise PackError(problems)
    return name


def save_pack(engine: Engine, name: str, region: str, slides: Sequence[Mapping[str, Any]],
              pack_id: int | None = None, *, scope: Scope) -> int:
    """Store a new pack (``pack_id`` None) or replace an existing one; returns its id.

    ``scope`` must be an editing role of ``region`` and, for an existing pack, of the region
    the pack is in now (AccessDenied otherwise, and nothing is written).
    """
    scope.check_edit(region)
    clean = normalise_slides(slides)
    with Session(engine) as session:
        current = session.get(MeetingPack, pack_id) if pack_id is not None else None
        if current is not None:
            scope.check_edit(current.region)
        name = _validate(session, name, region, pack_id)
        now = _now()
        pack = session.get(MeetingPack, pack_id) if pack_id is not None else None
        if pack is None:
            pack = MeetingPack(region=region, name=name, slides_json="[]", created_at=now,
                               updated_at=now)
        pack.region, pack.name, pack.updated_at = region, name, now
        pack.slides_json = json.dumps(clean, ensure_ascii=False)
        session.add(pack)
        session.commit()
        return int(pack.id)


def get_pack(engine: Engine, pack_id: int) -> dict[str, Any] | None:
    """The pack as a dict (id, region, name, slides, created_at, updated_at), or None."""
    with Session(engine) as session:
        pack = session.get(MeetingPack, pack_id)
        if pack is None:
            return None
        try:
            slides = normalise_slides(json.loads(pack.slides_json))
        except (ValueError, PackError):
            # A row damaged outside the app opens empty rather than breaking the page.
            slides = []
        return {"id": pack.id, "region": pack.region, "name": pack.name, "slides": slides,
                "created_at": pack.created_at, "updated_at": pack.updated_at}


def list_packs(engine: Engine, region: str | None = None) -> pd.DataFrame:
    """All packs (or one region's), by region and name; ``slides`` is the number of slides."""
    with Session(engine) as session:
        query = select(MeetingPack).order_by(MeetingPack.region, MeetingPack.name)
        if region is not None:
            query = query.where(MeetingPack.region == region)
        rows = [
            {"id": p.id, "region": p.region, "name": p.name,
             "slides": _count(p.slides_json), "updated_at": p.updated_at}
            for p in session.exec(query)
        ]
    return pd.DataFrame(rows, columns=PACK_COLUMNS)


def _count(slides_json: str | None) -> int:
    try:
        slides = json.loads(slides_json or "[]")
    except ValueError:
        return 0
    return len(slides) if isinstance(slides, list) else 0


def delete_pack(engine: Engine, pack_id: int, *, scope: Scope) -> bool:
    """Delete a pack; editing roles of its region only (AccessDenied otherwise)."""
    with Session(engine) as session:
        pack = session.get(MeetingPack, pack_id)
        if pack is None:
            return False
        scope.check_edit(pack.region)
        session.delete(pack)
        session.commit()
        return True


# ---- within the user's scope (what the Vergadering page calls) -------------------------------
# Packs of the regions one may see can be opened and presented; making, changing and deleting
# them is for the editing roles of the region (dashboard.scope.Scope.may_edit).


def list_packs_for(engine: Engine, scope: Scope) -> pd.DataFrame:
    frame = list_packs(engine)
    return frame[frame["region"].map(scope.sees_region).astype(bool)].reset_index(drop=True)


def get_pack_for(engine: Engine, scope: Scope, pack_id: int) -> dict[str, Any] | None:
    pack = get_pack(engine, pack_id)
    return pack if pack is not None and scope.sees_region(pack["region"]) else None


def save_pack_for(engine: Engine, scope: Scope, name: str, region: str,
                  slides: Sequence[Mapping[str, Any]], pack_id: int | None = None) -> int:
    return save_pack(engine, name, region, slides, pack_id=pack_id, scope=scope)


def delete_pack_for(engine: Engine, scope: Scope, pack_id: int) -> bool:
    return delete_pack(engine, pack_id, scope=scope)
