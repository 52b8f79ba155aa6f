"""Reading the peer packages' test data under tests/data/peers/.

Each file starts with ``#`` lines naming the package, repository, commit, file and licence it
was copied from; the data follow as CSV. Vectors inside a cell are space-separated, as in the
R ``c(...)`` calls they come from.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

PEERS = Path(__file__).parent / "data" / "peers"


def read_peer(name: str, **kwargs) -> pd.DataFrame:
    path = PEERS / name
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source:") and "licence" in first, f"{name} must name its source"
    return pd.read_csv(path, comment="#", **kwargs)


def vector(cell) -> np.ndarray:
    """A space-separated cell as numbers (empty cell: empty vector)."""
    if not isinstance(cell, str) or not cell.strip():
        return np.array([], dtype=float)
    return np.array([float(v) for v in cell.split()])
