"""Who may see what (DOMAIN.md section 6): the user's scope, passed into every query and
page-data function the pages call.

A :class:`Scope` is built once per session (from the signed-in account, or from the demo role
picker) and handed down; the query layer asks it before anything leaves:

* ``huisarts``: bound to one practice. Sees that practice by name and without suppression,
  the other practices of its own region under their pseudonym, other regions as aggregates.
* ``cardioloog`` and ``coordinator``: bound to one or more regions. Practice-level rows of
  those regions under pseudonyms; other regions as aggregates.
* ``verzekeraar``: bound to regions, aggregates of those regions only; asking for
  practice-level rows raises :class:`AccessDenied`.
* ``beheerder``: loads data and manages users; every region, practices under pseudonyms.

Everything here is plain Python (no Streamlit), so the rules are tested without an app.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("huisarts", "cardioloog", "coordinator", "verzekeraar", "beheerder")
REGION_ROLES = ("cardioloog", "coordinator", "verzekeraar")
# Roles that may change shared registers (PDCA cycles, saved SROI scenarios) of their regions.
EDITOR_ROLES = ("coordinator", "cardioloog", "beheerder")

# Pages (by URL path in dashboard/app.py PAGES) that only some roles see in the navigation.
# Every other page is open to every role; what it shows is still limited by the scope.
PAGE_ROLES: dict[str, tuple[str, ...]] = {
    "spiegelinformatie": ("huisarts", "cardioloog", "coordinator", "beheerder"),
    "beheer": ("beheerder",),
}


class AccessDenied(PermissionError):
    """The scope does not allow the request; ``reason`` is the i18n key of the message."""

    def __init__(self, reason: str, **values: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class Scope:
    """What one user may see. Immutable and hashable, so it is part of every cache key."""

    role: str
    regions: frozenset[str] = field(default_factory=frozenset)
    practice: str | None = None
    all_regions: bool = False
    username: str = ""
    demo: bool = False

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; roles: {', '.join(ROLES)}")
        object.__setattr__(self, "regions", frozenset(self.regions))
        if self.role == "huisarts":
            if not self.practice or len(self.regions) != 1 or self.all_regions:
                raise ValueError("a huisarts scope needs its practice and that practice's region")
        elif self.practice is not None:
            raise ValueError(f"only a huisarts is bound to a practice, not a {self.role}")
        if self.role == "beheerder" and not self.all_regions:
            raise ValueError("a beheerder scope covers all regions")
        if self.role in REGION_ROLES and not (self.regions or self.all_regions):
            raise ValueError(f"a {self.role} scope needs at least one region")

    # ---- what may be seen ----------------------------------------------------------------

    @property
    def practice_level(self) -> bool:
        """Whether this role may see rows per practice at all (insurers may not)."""
        return self.role != "verzekeraar"

    def sees_region(self, region: str) -> bool:
        """Region-level aggregates: every region, except that insurers see their own only."""
        if self.all_regions or self.role != "verzekeraar":
            return True
        return region in self.regions

    def sees_practices_in(self, region: str) -> bool:
        """Practice-level rows of ``region`` (pseudonymised): only the scope's own regions."""
        return self.practice_level and (self.all_regions or region in self.regions)

    def is_own(self, practice: str | None) -> bool:
        return practice is not None and practice == self.practice

    def may_edit(self, region: str) -> bool:
        return self.role in EDITOR_ROLES and (self.all_regions or region in self.regions)

    # ---- filters and checks used by the query layer ----------------------------------------

    def visible_regions(self, regions: Iterable[str]) -> list[str]:
        return [region for region in regions if self.sees_region(region)]

    def practice_regions(self, regions: Iterable[str]) -> list[str]:
        return [region for region in regions if self.sees_practices_in(region)]

    def check_region(self, region: str | None) -> None:
        if region is not None and not self.sees_region(region):
            raise AccessDenied("access.region_denied", region=region)

    def check_practices(self, region: str | None = None) -> None:
        """Raise unless practice-level rows (of ``region``, when given) may be shown."""
        if not self.practice_level:
            raise AccessDenied("access.practice_level_denied")
        if region is not None and not self.sees_practices_in(region):
            raise AccessDenied("access.region_practices_denied", region=region)

    def check_edit(self, region: str) -> None:
        if not self.may_edit(region):
            raise AccessDenied("access.edit_denied", region=region)

    def may_open(self, url_path: str) -> bool:
        return self.role in PAGE_ROLES.get(url_path, ROLES)
