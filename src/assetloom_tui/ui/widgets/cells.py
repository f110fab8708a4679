"""Turning database values into text that is always shown literally, never as markup."""

from __future__ import annotations

import datetime as dt

from rich.text import Text


def literal(value: object, style: str = "") -> Text:
    """`value` as plain text: square brackets and markup-like text stay exactly as typed."""
    return Text("" if value is None else str(value), style=style, no_wrap=True, overflow="ellipsis")


def number(value: int, style: str = "") -> Text:
    """A right-aligned count."""
    return Text(str(value), style=style, justify="right")


def available(value: int) -> Text:
    """Available seats; 0 stands out so a full license is seen at a glance."""
    return number(value, "bold red" if value <= 0 else "")


def yes_no(value: bool) -> Text:
    """A flag as yes / no."""
    return Text("yes" if value else "no")


def expires(value: dt.date | None, today: dt.date) -> Text:
    """An expiration date; a past one is marked so it cannot be missed."""
    if value is None:
        return Text("")
    if value < today:
        return Text(f"{value.isoformat()}!", style="bold red")
    return Text(value.isoformat())


def day(value: dt.date | None) -> Text:
    """A date as YYYY-MM-DD."""
    return Text(value.isoformat() if value else "")


def label_line(*parts: tuple[str, object]) -> Text:
    """`Label: value` pairs on one line, empty ones left out; the labels bold, the values literal."""
    line = Text(no_wrap=False)
    shown = [(label, value) for label, value in parts if value not in (None, "")]
    for index, (label, value) in enumerate(shown):
        if index:
            line.append("   ")
        line.append(f"{label}: ", style="bold")
        line.append("" if value is None else str(value))
    return line
