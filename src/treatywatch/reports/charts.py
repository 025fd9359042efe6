"""The report's charts and status map, drawn once and output as SVG or PNG.

No script and no network; every chart has a title, and the report puts the same figures in
tables for readers who cannot see the picture.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from treatywatch.reports.catalogue import format_day
from treatywatch.reports.drawing import Drawing, Group, Line, Polyline, Rect, Text

__all__ = ["REGION_ORDER", "STATUS_COLOURS", "indicator_bars", "status_tiles", "timeline_lines"]

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#d9dee3"
START_COLOUR = "#9fb8cf"
END_COLOUR = "#1d4e89"
CONSENT_COLOUR = "#c2410c"
PERIOD_SHADE = "#f1f5f9"
# Status → (fill, text colour); each pair keeps a contrast of at least 4.5:1.
STATUS_COLOURS = {
    "none": ("#e9ecef", "#3e4c59"),
    "signed": ("#a9cce3", "#1f2933"),
    "consented": ("#2b6ca3", "#ffffff"),
    "in_force": ("#0b3c6f", "#ffffff"),
    "withdrawn": ("#f4b183", "#1f2933"),
}
REGION_ORDER = (
    "african",
    "asia_pacific",
    "eastern_european",
    "latin_american_caribbean",
    "western_european_others",
    "none",
)


def _wrap(text: str, width: int) -> list[str]:
    """At most two lines of `width` characters; the second ends with … when cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines[1] = (lines[1] + " " + " ".join(lines[2:]))[: width - 1] + "…"
    return lines[:2]


def indicator_bars(
    items: Sequence[tuple[str, int, int]], period: tuple[str, str], width: int = 640
) -> Drawing:
    """Grouped horizontal bars: each indicator at the start (light) and the end (dark)."""
    label_width, row_height, top = 250, 46, 30
    drawing = Drawing(width, top + row_height * len(items) + 10, "Indicators")
    scale_max = max([1, *(max(start, end) for _, start, end in items)])
    bar_room = width - label_width - 50
    drawing.add(
        Rect(label_width, 8, 12, 12, START_COLOUR),
        Text(label_width + 17, 18, period[0], 11),
        Rect(label_width + 130, 8, 12, 12, END_COLOUR),
        Text(label_width + 147, 18, period[1], 11),
    )
    for index, (label, start, end) in enumerate(items):
        y = top + index * row_height
        lines = _wrap(label, 38)
        for number, line in enumerate(lines):
            drawing.add(Text(0, y + 20 + (number - (len(lines) - 1) / 2) * 13, line, 11))
        for offset, value, colour in ((4, start, START_COLOUR), (20, end, END_COLOUR)):
            length = bar_room * value / scale_max
            drawing.add(
                Rect(label_width, y + offset, max(length, 1), 14, colour),
                Text(label_width + length + 5, y + offset + 11, str(value), 10),
            )
        drawing.add(Line(label_width, y, label_width, y + 38, MUTED))
    return drawing


def timeline_lines(
    series: Sequence[tuple[date, int, int]],
    names: tuple[str, str],
    language: str,
    period: tuple[date, date] | None = None,
    width: int = 640,
    height: int = 230,
) -> Drawing:
    """Cumulative signatories and consenting States month by month, as step lines; the
    reporting period is shaded."""
    left, right, top, bottom = 40, 20, 28, 32
    drawing = Drawing(width, height, "Timeline")
    if not series:
        return drawing
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max(5, *(max(sig, con) for _, sig, con in series))
    step = 10 if top_value > 20 else 5
    top_value = -(-top_value // step) * step

    def x(index: float) -> float:
        return left + plot_w * index / max(len(series) - 1, 1)

    def y(value: int) -> float:
        return top + plot_h - plot_h * value / top_value

    if period is not None:
        months = [month for month, _, _ in series]
        inside = [i for i, month in enumerate(months) if period[0] <= _month_end(month)]
        inside = [i for i in inside if month_start(months[i]) <= period[1]]
        if inside:
            x0, x1 = x(max(inside[0] - 1, 0)), x(inside[-1])
            drawing.add(Rect(x0, top, max(x1 - x0, 2), plot_h, PERIOD_SHADE))
    for tick in range(0, top_value + 1, step):
        drawing.add(
            Line(left, y(tick), width - right, y(tick), GRID),
            Text(left - 6, y(tick) + 4, str(tick), 10, MUTED, "end"),
        )
    for index, (month, _, _) in enumerate(series):
        if month.month in (1, 7) or index == 0:
            drawing.add(
                Text(x(index), height - 12, format_day(month, language, "MMM y"), 10, MUTED,
                     "middle"),
                Line(x(index), top + plot_h, x(index), top + plot_h + 4, MUTED),
            )  # fmt: skip
    for position, colour, name in ((1, END_COLOUR, names[0]), (2, CONSENT_COLOUR, names[1])):
        values = [int(row[position]) for row in series]  # type: ignore[call-overload]
        points: list[tuple[float, float]] = []
        for index, value in enumerate(values):
            if index:
                points.append((x(index), y(values[index - 1])))
            points.append((x(index), y(value)))
        drawing.add(
            Polyline(tuple(points), colour, 2.5),
            Text(x(len(series) - 1) - 4, y(values[-1]) - 6, f"{name}: {values[-1]}", 11, colour,
                 "end", bold=True),
        )  # fmt: skip
    drawing.add(Line(left, top + plot_h, width - right, top + plot_h, MUTED))
    return drawing


def month_start(month: date) -> date:
    return month.replace(day=1)


def _month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def status_tiles(
    states: Sequence[tuple[str, str, str, str]],
    region_names: Mapping[str, str],
    status_names: Mapping[str, str],
    per_row: int = 12,
) -> Drawing:
    """One square per State, grouped by UN regional group (two groups a band), by status."""
    tile, gap, column_gap, header = 22, 2, 22, 30
    groups = [
        (region, sorted((s for s in states if s[2] == region), key=lambda s: s[0]))
        for region in REGION_ORDER
        if any(s[2] == region for s in states)
    ]
    column_width = per_row * (tile + gap) - gap
    drawing = Drawing(2 * column_width + column_gap, 0, "Status map")
    x_legend = 0.0
    for status, (fill, _) in STATUS_COLOURS.items():
        label = status_names.get(status, status)
        drawing.add(Rect(x_legend, 2, 12, 12, fill, MUTED, 0.5), Text(x_legend + 16, 12, label, 11))
        x_legend += 16 + 6.0 * len(label) + 18
    y_band = 24.0
    for band in range(0, len(groups), 2):
        pair = groups[band : band + 2]
        rows = max(-(-len(members) // per_row) for _, members in pair)
        for number, (region, members) in enumerate(pair):
            x0 = number * (column_width + column_gap)
            name = region_names.get(region, region)
            drawing.add(Text(x0, y_band + 16, f"{name} ({len(members)})", 11, bold=True))
            for index, (code, state_name, _, status) in enumerate(members):
                fill, ink = STATUS_COLOURS.get(status, STATUS_COLOURS["none"])
                x = x0 + (index % per_row) * (tile + gap)
                y = y_band + header + (index // per_row) * (tile + gap) - 8
                drawing.add(
                    Group(
                        f"{state_name}: {status_names.get(status, status)}",
                        (
                            Rect(x, y, tile, tile, fill),
                            Text(x + tile / 2, y + tile / 2 + 3, code, 7.5, ink, "middle"),
                        ),
                    )
                )
        y_band += header + rows * (tile + gap)
    drawing.height = y_band
    return drawing
