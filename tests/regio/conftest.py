"""The hand-made Regio-vergelijking dataset (tests/regio_dataset.py) in an isolated database."""

from __future__ import annotations

import pytest

from tests.regio_dataset import fill_regio_dataset


@pytest.fixture
def regio_db(isolated_db):
    fill_regio_dataset(isolated_db)
    return isolated_db
