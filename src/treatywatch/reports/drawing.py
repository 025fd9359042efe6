"""A tiny drawing model with two back ends: inline SVG for HTML/PDF, PNG for DOCX/XLSX.

Charts are described once as shapes, so the picture in a Word file is the one in the PDF.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["Drawing", "Group", "Line", "Polyline", "Rect", "Text", "to_png", "to_svg"]

FONT = "Liberation Sans, DejaVu Sans, Arial, sans-serif"
# Where Debian puts the fonts the PDF uses; PNGs fall back to Pillow's own font elsewhere.
FONT_FILES = {
    False: (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = ""
    stroke_width: float = 0.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    content: str
    size: float = 11
    fill: str = "#1f2933"
    anchor: str = "start"  # start | middle | end, at the baseline as in SVG
    bold: bool = False


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1.0


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float = 1.0


@dataclass(frozen=True)
class Group:
    """Shapes with a tooltip (SVG <title>): a State's square and code."""

    title: str
    shapes: tuple[Rect | Text, ...]


Shape = Rect | Text | Line | Polyline | Group


@dataclass
class Drawing:
    width: float
    height: float
    title: str
    shapes: list[Shape] = field(default_factory=list)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Rect):
        stroke = (
            f' stroke="{shape.stroke}" stroke-width="{shape.stroke_width}"' if shape.stroke else ""
        )
        return (
            f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.width:.1f}" '
            f'height="{shape.height:.1f}" fill="{shape.fill}"{stroke}/>'
        )
    if isinstance(shape, Text):
        weight = ' font-weight="bold"' if shape.bold else ""
        return (
            f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size}" '
            f'fill="{shape.fill}" text-anchor="{shape.anchor}"{weight}>'
            f"{escape(shape.content)}</text>"
        )
    if isinstance(shape, Line):
        return (
            f'<line x1="{shape.x1:.1f}" y1="{shape.y1:.1f}" x2="{shape.x2:.1f}" '
            f'y2="{shape.y2:.1f}" stroke="{shape.stroke}" stroke-width="{shape.width}"/>'
        )
    if isinstance(shape, Polyline):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape.points)
        return (
            f'<polyline points="{points}" fill="none" stroke="{shape.stroke}" '
            f'stroke-width="{shape.width}"/>'
        )
    inner = "".join(_svg_shape(item) for item in shape.shapes)
    return f"<g><title>{escape(shape.title)}</title>{inner}</g>"


def to_svg(drawing: Drawing) -> str:
    """Inline SVG with a title, readable by screen readers and printed crisply."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawing.width:.0f} '
        f'{drawing.height:.0f}" width="{drawing.width:.0f}" height="{drawing.height:.0f}" '
        f'role="img" font-family="{FONT}"><title>{escape(drawing.title)}</title>'
        + "".join(_svg_shape(shape) for shape in drawing.shapes)
        + "</svg>"
    )


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_FILES[bold]:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def _png_shape(draw: ImageDraw.ImageDraw, shape: Shape, scale: float) -> None:
    if isinstance(shape, Rect):
        box = (
            shape.x * scale,
            shape.y * scale,
            (shape.x + shape.width) * scale,
            (shape.y + shape.height) * scale,
        )
        draw.rectangle(
            box,
            fill=shape.fill,
            outline=shape.stroke or None,
            width=max(1, round(shape.stroke_width * scale)) if shape.stroke else 0,
        )
    elif isinstance(shape, Text):
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
        draw.text(
            (shape.x * scale, shape.y * scale),
            shape.content,
            fill=shape.fill,
            font=_font(round(shape.size * scale), shape.bold),
            anchor=anchor,
        )
    elif isinstance(shape, Line):
        draw.line(
            (shape.x1 * scale, shape.y1 * scale, shape.x2 * scale, shape.y2 * scale),
            fill=shape.stroke,
            width=max(1, round(shape.width * scale)),
        )
    elif isinstance(shape, Polyline):
        draw.line(
            [(x * scale, y * scale) for x, y in shape.points],
            fill=shape.stroke,
            width=max(1, round(shape.width * scale)),
            joint="curve",
        )
    else:
        for item in shape.shapes:
            _png_shape(draw, item, scale)


def to_png(drawing: Drawing, scale: float = 2.0) -> bytes:
    """The drawing as a PNG at `scale` pixels per unit, on white."""
    image = Image.new("RGB", (round(drawing.width * scale), round(drawing.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    for shape in drawing.shapes:
        _png_shape(draw, shape, scale)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
