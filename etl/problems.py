"""Problems found in an input file, reported as ``file:line:column: reason``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        line = "" if self.line is None else str(self.line)
        column = self.column or ""
        return f"{self.file}:{line}:{column}: {self.reason}"


class ProblemList:
    """Collects problems of one file, vectorised: a mask of bad rows becomes many problems."""

    def __init__(self, file: str, line_numbers: pd.Series | None = None) -> None:
        self.file = file
        self.line_numbers = line_numbers
        self._problems: list[Problem] = []

    def add(self, reason: str, *, line: int | None = None, column: str | None = None) -> None:
        self._problems.append(Problem(self.file, line, column, reason))

    def extend(self, problems) -> None:
        self._problems.extend(problems)

    def add_rows(self, mask: pd.Series, column: str | None,
                 reasons: pd.Series | str | Callable[[pd.Index], pd.Series]) -> None:
        """One problem per row where ``mask`` is true; ``reasons`` is a text, a text per row,
        or a function of the flagged rows' index giving their texts (so that texts are only
        built for the rows that need one, not for millions of valid rows)."""
        if not bool(mask.any()):
            return
        rows = mask[mask].index
        lines = self.lines_of(rows)
        if isinstance(reasons, str):
            texts = [reasons] * len(rows)
        elif callable(reasons):
            texts = reasons(rows).astype(str).tolist()
        else:
            texts = reasons.loc[rows].astype(str).tolist()
        self._problems.extend(
            Problem(self.file, line, column, text) for line, text in zip(lines, texts, strict=True)
        )

    def lines_of(self, rows) -> list[int | None]:
        if self.line_numbers is None:
            return [None] * len(rows)
        return self.line_numbers.loc[rows].astype(int).tolist()

    def __len__(self) -> int:
        return len(self._problems)

    def __iter__(self):
        return iter(sorted(self._problems, key=_sort_key))

    def __bool__(self) -> bool:
        return bool(self._problems)


def _sort_key(problem: Problem) -> tuple:
    return (problem.line if problem.line is not None else -1, problem.column or "", problem.reason)
