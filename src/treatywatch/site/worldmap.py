"""The world map: precomputed Natural Earth shapes coloured by each State's status, as SVG.

The geometry (`data/world_map.json`, built by `scripts/build_world_map.py`) is read once per
process; a rendered map is cached by the statuses and names it shows.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["MapState", "geometry", "render_map"]

GEOMETRY_PATH = Path(__file__).resolve().parent / "data" / "world_map.json"
MARKER_RADIUS = 3.6


class MapState(NamedTuple):
    code: str
    name: str
    status: str
    status_label: str
    url: str


@lru_cache(maxsize=1)
def geometry() -> dict[str, Any]:
    """The projected shapes and markers, keyed by alpha-3 code."""
    return json.loads(GEOMETRY_PATH.read_text(encoding="utf-8"))


def _link(state: MapState, shape: str) -> str:
    label = f"{state.name}: {state.status_label}"
    return (
        f'<a href="{escape(state.url)}" class="worldmap__state is-{escape(state.status)}" '
        f'data-code="{escape(state.code)}" data-status="{escape(state.status)}" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>{shape}</a>'
    )


@lru_cache(maxsize=32)
def render_map(states: tuple[MapState, ...], title: str, description: str) -> SafeString:
    """Every State as a link: its shape, or a circle when it is too small for the shapes."""
    shapes_data, markers = geometry()["shapes"], geometry()["markers"]
    width, height = geometry()["width"], geometry()["height"]
    background = "".join(f'<path d="{path}"/>' for path in geometry()["background"])
    shapes, circles = [], []
    for state in states:
        if state.code in shapes_data:
            shapes.append(_link(state, f'<path d="{shapes_data[state.code]}"/>'))
        elif state.code in markers:
            x, y = markers[state.code]
            # Keep the circle inside the frame for islands at the map's edge.
            x = min(max(x, MARKER_RADIUS + 1), width - MARKER_RADIUS - 1)
            circles.append(_link(state, f'<circle cx="{x}" cy="{y}" r="{MARKER_RADIUS}"/>'))
    return mark_safe(  # safe: geometry is our generated data, texts are escaped
        f'<svg class="worldmap" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="map-title map-desc">'
        f'<title id="map-title">{escape(title)}</title>'
        f'<desc id="map-desc">{escape(description)}</desc>'
        f'<g class="worldmap__background" aria-hidden="true">{background}</g>'
        f'<g class="worldmap__shapes">{"".join(shapes)}</g>'
        f'<g class="worldmap__markers">{"".join(circles)}</g></svg>'
    )
