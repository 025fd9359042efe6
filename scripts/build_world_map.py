"""Regenerate ``src/treatywatch/site/data/world_map.json``, the map the public site draws.

Shapes come from the npm package ``world-atlas`` (TopoJSON redistribution of Natural Earth's
Admin 0 countries; Natural Earth is in the public domain, world-atlas is ISC-licensed). States
too small for the 1:110m shapes get a marker at the centroid of their largest 1:50m (or 1:10m)
polygon, so that every State in ``states.csv`` is drawn. Projection: Equal Earth.

    npm install --no-save --prefix /tmp/atlas world-atlas@2.0.2
    PYTHONPATH=src /work/venv/bin/python scripts/build_world_map.py \
        /tmp/atlas/node_modules/world-atlas
    ... --check    # compare with the committed file instead of writing it
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from treatywatch.site.mapgeometry import (
    Ring,
    decode_arcs,
    equal_earth,
    feature_rings,
    path_data,
    ring_area,
    ring_centroid,
    split_at_antimeridian,
)

REPO = Path(__file__).resolve().parent.parent
STATES_PATH = REPO / "src" / "treatywatch" / "data" / "states.csv"
OUTPUT_PATH = REPO / "src" / "treatywatch" / "site" / "data" / "world_map.json"
WIDTH = 1000.0
PADDING = 4.0
ANTARCTICA = "010"
MARKER_MARGIN = 5.0


def _features(atlas: Path, scale: str) -> tuple[list[dict[str, Any]], list[Ring]]:
    topology = json.loads((atlas / f"countries-{scale}.json").read_text(encoding="utf-8"))
    return topology["objects"]["countries"]["geometries"], decode_arcs(topology)


def _projected(rings: list[Ring]) -> list[Ring]:
    return [
        [equal_earth(lon, lat) for lon, lat in piece]
        for ring in rings
        for piece in split_at_antimeridian(ring)
    ]


def _inside(point: tuple[float, float], width: float, height: float) -> tuple[float, float]:
    # Tuvalu's islands sit on the map's eastern edge: keep its marker wholly in the frame.
    margin = MARKER_MARGIN
    return (
        min(max(point[0], margin), width - margin),
        min(max(point[1], margin), height - margin),
    )


def build(atlas: Path) -> dict[str, Any]:
    with STATES_PATH.open(encoding="utf-8", newline="") as handle:
        states = list(csv.DictReader(handle))
    by_numeric = {row["numeric"]: row["code"] for row in states if row["numeric"]}
    by_name = {row["name_en"]: row["code"] for row in states}

    def code_of(feature: dict[str, Any]) -> str | None:
        if feature.get("id"):
            return by_numeric.get(str(feature["id"]))
        # world-atlas leaves Kosovo without an ISO numeric id; match it by name.
        return by_name.get(feature.get("properties", {}).get("name", ""))

    features, arcs = _features(atlas, "110m")
    shapes: dict[str, list[Ring]] = {}
    background: list[list[Ring]] = []
    for feature in features:
        if feature.get("id") == ANTARCTICA:
            continue
        rings = _projected(feature_rings(feature, arcs))
        code = code_of(feature)
        if code:
            shapes.setdefault(code, []).extend(rings)
        else:
            background.append(rings)

    markers: dict[str, tuple[float, float]] = {}
    for scale in ("50m", "10m"):
        missing = {row["code"] for row in states} - set(shapes) - set(markers)
        if not missing:
            break
        features, arcs = _features(atlas, scale)
        for feature in features:
            code = code_of(feature)
            if code in missing:
                rings = _projected(feature_rings(feature, arcs))
                markers[code] = ring_centroid(max(rings, key=ring_area))
    unplaced = sorted({row["code"] for row in states} - set(shapes) - set(markers))
    if unplaced:
        raise SystemExit(f"no shape or marker for: {', '.join(unplaced)}")

    points = [p for rings in [*shapes.values(), *background] for ring in rings for p in ring]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale = (WIDTH - 2 * PADDING) / (max_x - min_x)

    def to_svg(point: tuple[float, float]) -> tuple[float, float]:
        # SVG's y axis points down, the projection's up.
        return (point[0] - min_x) * scale + PADDING, (max_y - point[1]) * scale + PADDING

    def svg_rings(rings: list[Ring]) -> list[Ring]:
        return [[to_svg(p) for p in ring] for ring in rings]

    height = (max_y - min_y) * scale + 2 * PADDING
    package = json.loads((atlas / "package.json").read_text(encoding="utf-8"))
    return {
        "source": (
            f"Natural Earth Admin 0 countries (1:110m shapes; 1:50m and 1:10m for the markers "
            f"of small States), through the npm package world-atlas {package['version']}"
        ),
        "licence": "Natural Earth: public domain; world-atlas packaging: ISC licence",
        "generated_by": "scripts/build_world_map.py",
        "projection": "Equal Earth",
        "width": round(WIDTH, 1),
        "height": round(height, 1),
        "shapes": {code: path_data(svg_rings(rings)) for code, rings in sorted(shapes.items())},
        "markers": {
            code: [round(c, 1) for c in _inside(to_svg(point), WIDTH, height)]
            for code, point in sorted(markers.items())
        },
        "background": [path_data(svg_rings(rings)) for rings in background],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("atlas", type=Path, help="folder of the installed world-atlas package")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = json.dumps(build(args.atlas), ensure_ascii=False, indent=1) + "\n"
    if args.check:
        if OUTPUT_PATH.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT_PATH} differs from what the script builds")
        print("world map up to date")
        return
    OUTPUT_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT_PATH}")


if __name__ == "__main__":
    main()
