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


def expires(value: dt.date | None, today: dt.date, within_days: int = 0) -> Text:
    """An expiration date; a past one ends in `!`, one within `within_days` is highlighted."""
    if value is None:
        return Text("")
    if value < today:
        return Text(f"{value.isoformat()}!", style="bold red")
    if value <= today + dt.timedelta(days=within_days):
        return Text(value.isoformat(), style="bold yellow")
    return Text(value.isoformat())


BAR_FULL, BAR_EMPTY = "█", "░"


def usage_bar(held: int, total: int, width: int = 8) -> Text:
    """Held of total seats as `width` blocks, rounded; only none is empty and only all is full."""
    if held <= 0:
        filled = 0
    elif held >= total:
        filled = width
    else:
        filled = min(max(round(held * width / total), 1), width - 1)
    return Text(BAR_FULL * filled + BAR_EMPTY * (width - filled), no_wrap=True)


ALERT_LETTERS = {"expired": "E", "expiring": "S", "low": "L"}
ALERT_STYLES = {"expired": "bold red", "expiring": "bold yellow", "low": "bold magenta"}


def alert_flags(reasons: tuple[str, ...]) -> Text:
    """`E` expired, `S` expiring soon, `L` at or below the minimum: letters, not colour."""
    flags = Text(no_wrap=True)
    for reason in reasons:
        flags.append(ALERT_LETTERS[reason], style=ALERT_STYLES[reason])
    return flags


def day(value: dt.date | None) -> Text:
    """A date as YYYY-MM-DD."""
    return Text(value.isoformat() if value else "")


def label_line(*parts: tuple[str, object]) -> Text:
    """`Label: value` pairs on one line, empty ones left out; bold labels, literal values."""
    line = Text(no_wrap=False)
    shown = [(label, value) for label, value in parts if value not in (None, "")]
    for index, (label, value) in enumerate(shown):
        if index:
            line.append("   ")
        line.append(f"{label}: ", style="bold")
        line.append("" if value is None else str(value))
    return line
