"""Seats held over time, as a Sparkline with its date range and numbers written out."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline, Static

# A license bought years ago must not build a list of every day since; the chart is no wider.
MAX_DAYS = 3660


def daily_held(points: list[tuple[dt.date, int]], today: dt.date) -> list[int]:
    """Seats held on each day from the day before the first checkout (none yet) to `today`."""
    if not points:
        return []
    by_day = dict(points)
    start = max(points[0][0] - dt.timedelta(days=1), today - dt.timedelta(days=MAX_DAYS))
    held = next((count for day, count in reversed(points) if day <= start), 0)
    series = []
    for offset in range((today - start).days + 1):
        held = by_day.get(start + dt.timedelta(days=offset), held)
        series.append(held)
    return series


class UsageChart(Vertical):
    """A caption, a Sparkline of seats held per day, and the first and last date under it."""

    def compose(self) -> ComposeResult:
        yield Static("", id="usage-caption", markup=False)
        yield Sparkline([], id="usage-sparkline")
        with Horizontal(id="usage-range"):
            yield Label("", id="usage-start", markup=False)
            yield Label("", id="usage-end", markup=False)

    def show(self, points: list[tuple[dt.date, int]], today: dt.date, total: int) -> None:
        """Chart `points` (seats held at the end of each day with a change) up to `today`."""
        series = daily_held(points, today)
        self.query_one(Sparkline).data = series
        if not series:
            caption = Text("No seats have been checked out yet: nothing to chart.")
            self.query_one("#usage-caption", Static).update(caption)
            self.query_one("#usage-start", Label).update("")
            self.query_one("#usage-end", Label).update("")
            return
        start = today - dt.timedelta(days=len(series) - 1)
        caption = Text.assemble(
            ("Seats held per day", "bold"),
            f", {start.isoformat()} to {today.isoformat()}: now {series[-1]} of {total}, "
            f"lowest {min(series)}, highest {max(series)} (bars run from lowest to highest).",
        )
        self.query_one("#usage-caption", Static).update(caption)
        self.query_one("#usage-start", Label).update(start.isoformat())
        self.query_one("#usage-end", Label).update(today.isoformat())
