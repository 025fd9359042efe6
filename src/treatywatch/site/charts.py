"""Small server-rendered SVG charts: readable without JavaScript, styled by site.css classes.

Every chart carries a <title> and a text description; each page also shows the numbers as a
table, so the chart is never the only way to read them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["bar_chart", "coverage_chart", "nice_ticks", "sparkline", "step_chart"]


def nice_ticks(maximum: float, count: int = 4) -> list[int]:
    """Round tick values from 0 to at least `maximum` (steps of 1, 2 or 5 × 10^k)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(int(step), 1)
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def sparkline(series: Sequence[tuple[date, int]], label: str) -> SafeString:
    """A 120×36 line of monthly values, its area shaded and its last point marked."""
    width, height, pad = 120.0, 36.0, 3.0
    values = [value for _, value in series]
    top = max(max(values, default=0), 1)
    steps = max(len(values) - 1, 1)

    def x(index: int) -> float:
        return pad + (width - 2 * pad) * index / steps

    def y(value: int) -> float:
        return height - pad - (height - 2 * pad) * value / top

    points = " ".join(f"{_num(x(i))},{_num(y(v))}" for i, v in enumerate(values))
    last_x, last_y = x(len(values) - 1), y(values[-1] if values else 0)
    area = f"{_num(x(0))},{_num(height - pad)} {points} {_num(last_x)},{_num(height - pad)}"
    return mark_safe(  # safe: every interpolated text is escaped or numeric
        f'<svg class="sparkline" viewBox="0 0 {_num(width)} {_num(height)}" role="img" '
        f'aria-label="{escape(label)}" focusable="false">'
        f"<title>{escape(label)}</title>"
        f'<polygon class="sparkline__area" points="{area}"/>'
        f'<polyline class="sparkline__line" points="{points}"/>'
        f'<circle class="sparkline__dot" cx="{_num(last_x)}" cy="{_num(last_y)}" r="2.6"/>'
        "</svg>"
    )


def step_chart(
    months: Sequence[date],
    lines: Sequence[tuple[str, str, Sequence[int]]],
    title: str,
    description: str,
    chart_id: str = "chart",
) -> SafeString:
    """Cumulative counts per month as step lines; `lines` holds (css class, label, values)."""
    width, height = 720.0, 300.0
    left, right, top_pad, bottom = 44.0, 16.0, 16.0, 36.0
    peak = max((max(values, default=0) for _, _, values in lines), default=0)
    ticks = nice_ticks(peak)
    top = ticks[-1] or 1
    steps = max(len(months), 1)
    plot_w, plot_h = width - left - right, height - top_pad - bottom

    def x(index: float) -> float:
        return left + plot_w * index / steps

    def y(value: float) -> float:
        return top_pad + plot_h * (1 - value / top)

    parts = [
        f'<svg class="chart" viewBox="0 0 {_num(width)} {_num(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    ]
    for tick in ticks:
        parts.append(
            f'<line class="chart__grid" x1="{_num(left)}" x2="{_num(width - right)}" '
            f'y1="{_num(y(tick))}" y2="{_num(y(tick))}"/>'
            f'<text class="chart__tick" x="{_num(left - 6)}" y="{_num(y(tick) + 4)}" '
            f'text-anchor="end">{tick}</text>'
        )
    # Label January and July of each year, or every month when the span is short.
    every = 1 if len(months) <= 8 else 6
    for index, month in enumerate(months):
        if every == 1 or month.month in (1, 7):
            label = date_format(month, "M Y")
            parts.append(
                f'<text class="chart__tick" x="{_num(x(index + 0.5))}" '
                f'y="{_num(height - bottom + 18)}" text-anchor="middle">{escape(label)}</text>'
            )
    for css_class, label, values in lines:
        if not values:
            continue
        path = [f"M{_num(x(0))} {_num(y(values[0]))}"]
        for index, value in enumerate(values):
            path.append(f"H{_num(x(index))}V{_num(y(value))}")
        path.append(f"H{_num(x(len(values)))}")
        parts.append(
            f'<path class="chart__line {escape(css_class)}" d="{"".join(path)}">'
            f"<title>{escape(label)}</title></path>"
        )
    parts.append(
        f'<line class="chart__axis" x1="{_num(left)}" x2="{_num(width - right)}" '
        f'y1="{_num(y(0))}" y2="{_num(y(0))}"/></svg>'
    )
    return mark_safe("".join(parts))  # safe: labels escaped above


def bar_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[tuple[str, str]],
    title: str,
) -> SafeString:
    """Horizontal grouped bars, each group under its label (long labels never clip).

    `rows` hold (label, one value per series); `series` hold (css class, label).
    """
    width, bar, label_h, gap = 720.0, 16.0, 20.0, 14.0
    group = label_h + bar * len(series) + gap
    height = group * len(rows)
    peak = max((max(values, default=0) for _, values in rows), default=0)
    top = nice_ticks(peak)[-1] or 1
    plot_w = width - 48
    parts = [
        f'<svg class="chart chart--bars" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for row_index, (label, values) in enumerate(rows):
        y0 = row_index * group
        parts.append(f'<text class="chart__label" x="0" y="{_num(y0 + 14)}">{escape(label)}</text>')
        for index, ((css_class, series_label), value) in enumerate(
            zip(series, values, strict=True)
        ):
            y_bar = y0 + label_h + index * bar
            length = max(plot_w * value / top, 1)
            parts.append(
                f'<rect class="chart__bar {escape(css_class)}" x="0" y="{_num(y_bar)}" '
                f'width="{_num(length)}" height="{_num(bar - 3)}" rx="2">'
                f"<title>{escape(series_label)}: {value}</title></rect>"
                f'<text class="chart__value" x="{_num(length + 6)}" '
                f'y="{_num(y_bar + bar - 5)}">{value}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # safe: labels escaped above


def coverage_chart(
    months: Sequence[date],
    values: Sequence[float | None],
    title: str,
    description: str,
    gap_label: str,
) -> SafeString:
    """Monthly bars of a rate; a month without coverage (None) is a hatched full-height band
    labelled as a gap, so that it never reads as zero."""
    width, height = 720.0, 260.0
    left, right, top_pad, bottom = 44.0, 16.0, 16.0, 36.0
    peak = max((value for value in values if value is not None), default=0.0)
    ticks = nice_ticks(peak)
    top = ticks[-1] or 1
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    slot = plot_w / max(len(months), 1)

    def y(value: float) -> float:
        return top_pad + plot_h * (1 - value / top)

    parts = [
        f'<svg class="chart chart--coverage" viewBox="0 0 {_num(width)} {_num(height)}" '
        'role="img" aria-labelledby="coverage-title coverage-desc">'
        f'<title id="coverage-title">{escape(title)}</title>'
        f'<desc id="coverage-desc">{escape(description)}</desc>'
        '<defs><pattern id="coverage-gap" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line class="chart__gap-line" x1="0" y1="0" x2="0" '
        'y2="6"/></pattern></defs>'
    ]
    for tick in ticks:
        parts.append(
            f'<line class="chart__grid" x1="{_num(left)}" x2="{_num(width - right)}" '
            f'y1="{_num(y(tick))}" y2="{_num(y(tick))}"/>'
            f'<text class="chart__tick" x="{_num(left - 6)}" y="{_num(y(tick) + 4)}" '
            f'text-anchor="end">{tick}</text>'
        )
    every = 1 if len(months) <= 8 else 6
    for index, (month, value) in enumerate(zip(months, values, strict=True)):
        x = left + slot * index
        label = date_format(month, "YEAR_MONTH_FORMAT")
        if value is None:
            parts.append(
                f'<rect class="chart__gap" x="{_num(x + 1)}" y="{_num(top_pad)}" '
                f'width="{_num(max(slot - 2, 1))}" height="{_num(plot_h)}">'
                f"<title>{escape(label)}: {escape(gap_label)}</title></rect>"
            )
        else:
            bar_top = y(value)
            parts.append(
                f'<rect class="chart__bar is-coverage" x="{_num(x + 1)}" y="{_num(bar_top)}" '
                f'width="{_num(max(slot - 2, 1))}" height="{_num(y(0) - bar_top)}">'
                f"<title>{escape(label)}: {_num(value)}</title></rect>"
            )
        if every == 1 or month.month in (1, 7):
            parts.append(
                f'<text class="chart__tick" x="{_num(x + slot / 2)}" '
                f'y="{_num(height - bottom + 18)}" text-anchor="middle">'
                f"{escape(date_format(month, 'M Y'))}</text>"
            )
    parts.append(
        f'<line class="chart__axis" x1="{_num(left)}" x2="{_num(width - right)}" '
        f'y1="{_num(y(0))}" y2="{_num(y(0))}"/></svg>'
    )
    return mark_safe("".join(parts))  # safe: labels escaped above
