"""TopoJSON country shapes to SVG paths on the Equal Earth projection; pure Python, no Django.

Used once, by `scripts/build_world_map.py`, to precompute the map the site draws.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = [
    "Point",
    "Ring",
    "decode_arcs",
    "equal_earth",
    "feature_rings",
    "path_data",
    "ring_area",
    "ring_centroid",
    "split_at_antimeridian",
]

Point = tuple[float, float]
Ring = list[Point]

# Equal Earth polynomial coefficients (Šavrič, Patterson and Jenny, 2018).
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """Project degrees to Equal Earth plane coordinates (radius 1; y grows northwards)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Point]]:
    """The topology's arcs in degrees: undo quantisation and delta encoding."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: Sequence[int], arcs: Sequence[list[Point]]) -> Ring:
    ring: Ring = []
    for index in indices:
        # A negative index (~i) means arc i walked backwards.
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points[1:] if ring else points)
    return ring


def feature_rings(geometry: Mapping[str, Any], arcs: Sequence[list[Point]]) -> list[Ring]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon, in degrees."""
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [_ring(ring, arcs) for polygon in polygons for ring in polygon]


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """Cut a ring (degrees) where it jumps across ±180°, so that no edge spans the whole map.

    Each piece is closed along the antimeridian; a ring that never crosses comes back whole.
    """
    pieces: list[Ring] = [[ring[0]]]
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(ring):
        if abs(lon2 - lon1) > 180:
            side = 180.0 if lon1 > 0 else -180.0
            # Interpolate the crossing latitude with lon2 moved onto lon1's side of the world.
            shifted = lon2 + 360 if lon1 > 0 else lon2 - 360
            share = (side - lon1) / (shifted - lon1) if shifted != lon1 else 0.0
            crossing = lat1 + share * (lat2 - lat1)
            pieces[-1].append((side, crossing))
            pieces.append([(-side, crossing)])
        pieces[-1].append((lon2, lat2))
    if len(pieces) > 1:
        # The ring is cyclic: its last piece continues into its first.
        pieces[0] = pieces.pop() + pieces[0]
    return pieces


def ring_area(ring: Sequence[Point]) -> float:
    """Absolute planar area (shoelace)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def ring_centroid(ring: Sequence[Point]) -> Point:
    """Planar centroid of a ring; the mean of its points when it has no area."""
    area2 = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area2 += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area2) < 1e-12:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return cx / (3 * area2), cy / (3 * area2)


def path_data(rings: Iterable[Sequence[Point]], decimals: int = 1) -> str:
    """A compact SVG path: absolute move, then relative lines between rounded points."""
    scale = 10**decimals
    parts = []
    for ring in rings:
        rounded = []
        for x, y in ring:
            point = (round(x * scale), round(y * scale))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) < 3:
            continue
        (x0, y0), moves = rounded[0], []
        previous = rounded[0]
        for point in rounded[1:]:
            moves.append(_pair(point[0] - previous[0], point[1] - previous[1], scale))
            previous = point
        parts.append(f"M{_pair(x0, y0, scale)}l{' '.join(moves)}z")
    return "".join(parts)


def _number(value: int, scale: int) -> str:
    text = f"{value / scale:.{len(str(scale)) - 1}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pair(x: int, y: int, scale: int) -> str:
    return f"{_number(x, scale)} {_number(y, scale)}"
