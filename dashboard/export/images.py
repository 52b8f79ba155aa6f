"""A chart as PNG or SVG, rendered from its Vega-Lite spec by vl-convert (no browser needed).

The dashboard's charts fit the width of their container; a file has no container, so single
and layered charts get a fixed width here (facet and concatenated charts keep the sizes their
builders gave them). The chart's own locale configuration (Dutch decimal commas, month names)
travels in the spec and is honoured by vl-convert. Conversions are cached on the spec's text,
so asking twice for the same chart (a rerun, the report after the page) renders once.
"""

from __future__ import annotations

import copy
import functools
import json
import math
from typing import Any

import vl_convert

EXPORT_WIDTH = 800  # CSS pixels: readable on an A4 page and on a projector slide
PNG_SCALE = 2  # pixels per CSS pixel, sharp enough for print
_COMPOSITE_KEYS = ("facet", "hconcat", "vconcat", "concat", "repeat")


def export_spec(chart: Any, width: int = EXPORT_WIDTH) -> dict[str, Any]:
    """The Vega-Lite spec of ``chart`` (an Altair chart or a spec dict), sized for a file."""
    # Our builders make valid charts and the page has validated them when drawing; Altair's
    # schema validation would double the cost of an export.
    spec = (chart.to_dict(validate=False) if hasattr(chart, "to_dict")
            else copy.deepcopy(dict(chart)))
    composite = any(key in spec for key in _COMPOSITE_KEYS)
    if not composite and spec.get("width") in (None, "container"):
        spec["width"] = width
    if spec.get("height") == "container":
        spec["height"] = 300
    # A transparent PNG pasted into minutes on a coloured slide loses its axes.
    spec.setdefault("background", "white")
    return spec


def _json_safe(value: Any) -> Any:
    # JSON has no NaN: a missing value in a chart's data must reach Vega as null.
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return value


def _spec_text(chart: Any, width: int) -> str:
    spec = _json_safe(export_spec(chart, width))
    return json.dumps(spec, sort_keys=True, default=str, allow_nan=False)


@functools.lru_cache(maxsize=64)
def _png(spec_text: str, scale: float) -> bytes:
    # No base URLs: every chart carries its data inline, and an export must never fetch.
    return vl_convert.vegalite_to_png(spec_text, scale=scale, allowed_base_urls=[])


@functools.lru_cache(maxsize=64)
def _svg(spec_text: str) -> str:
    return vl_convert.vegalite_to_svg(spec_text, allowed_base_urls=[])


def png_bytes(chart: Any, *, width: int = EXPORT_WIDTH, scale: float = PNG_SCALE) -> bytes:
    """``chart`` as PNG: ``width`` CSS pixels wide (single/layered charts) times ``scale``."""
    return _png(_spec_text(chart, width), float(scale))


def svg_text(chart: Any, *, width: int = EXPORT_WIDTH) -> str:
    """``chart`` as an SVG document (text stays text, so it can be searched and edited)."""
    return _svg(_spec_text(chart, width))


def svg_bytes(chart: Any, *, width: int = EXPORT_WIDTH) -> bytes:
    return svg_text(chart, width=width).encode("utf-8")


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
