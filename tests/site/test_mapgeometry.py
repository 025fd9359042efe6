"""The map's geometry: projection, antimeridian cuts, compact paths, and every State placed."""

from __future__ import annotations

import csv
import math

import pytest

from treatywatch.core.dataset import DATA_DIR
from treatywatch.site.mapgeometry import (
    equal_earth,
    path_data,
    ring_centroid,
    split_at_antimeridian,
)
from treatywatch.site.worldmap import geometry


def test_equal_earth_known_values() -> None:
    """Origin maps to origin; the equator's end and the pole match the published formula."""
    assert equal_earth(0, 0) == (0.0, 0.0)
    x, y = equal_earth(180, 0)
    assert x == pytest.approx(2.7066, abs=1e-3) and y == 0
    _, pole = equal_earth(0, 90)
    assert pole == pytest.approx(1.3174, abs=1e-3)
    assert equal_earth(-30, -45) == pytest.approx(tuple(-v for v in equal_earth(30, 45)))


def test_equal_earth_is_equal_area() -> None:
    """Two small squares at different latitudes keep their area ratio (cos φ)."""

    def area(lat: float) -> float:
        (x1, y1), (x2, y2) = equal_earth(0, lat), equal_earth(1, lat + 1)
        return abs(x2 - x1) * abs(y2 - y1)

    ratio = area(60) / area(0)
    assert ratio == pytest.approx(math.cos(math.radians(60.5)), rel=0.02)


def test_ring_crossing_the_antimeridian_is_cut() -> None:
    """A ring from 170°E to 170°W splits in two pieces meeting at ±180°."""
    ring = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]
    pieces = split_at_antimeridian(ring)
    assert len(pieces) == 2
    assert all(max(abs(lon) for lon, _ in piece) <= 180 for piece in pieces)
    east = next(piece for piece in pieces if piece[0][0] > 0 or piece[-1][0] > 0)
    assert all(lon >= 170 for lon, _ in east)
    assert split_at_antimeridian([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]) == [
        [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
    ]


def test_path_data_is_compact_and_closed() -> None:
    """Rounded relative moves, duplicate points dropped, rings closed with z."""
    square = [(0.0, 0.0), (10.04, 0.0), (10.0, 10.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    assert path_data([square]) == "M0 0l10 0 0 10 -10 0z"
    assert path_data([[(0.0, 0.0), (0.01, 0.0)]]) == ""
    assert ring_centroid([(0, 0), (2, 0), (2, 2), (0, 2)]) == (1.0, 1.0)


def test_every_state_is_drawn_as_a_shape_or_a_marker() -> None:
    """Each State in states.csv has exactly one of: a 1:110m shape, or a small-State marker."""
    with (DATA_DIR / "states.csv").open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    shapes, markers = set(geometry()["shapes"]), set(geometry()["markers"])
    assert codes == shapes | markers
    assert not shapes & markers
    assert {"AND", "LIE", "MLT", "MCO", "SMR", "VAT", "TUV"} <= markers
    assert "XKX" in shapes
    width, height = geometry()["width"], geometry()["height"]
    assert all(0 <= x <= width and 0 <= y <= height for x, y in geometry()["markers"].values())
    assert "Natural Earth" in geometry()["source"]
