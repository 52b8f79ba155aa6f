"""Fixtures of the SROI tests: the hand-made dataset of ``sroi_data.py`` in an isolated db."""

from __future__ import annotations

import pytest

from tests.sroi.sroi_data import fill_sroi_dataset


@pytest.fixture
def sroi_db(isolated_db):
    fill_sroi_dataset(isolated_db)
    return isolated_db
