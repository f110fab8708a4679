"""The `/` filter of a list: it narrows the list as you type; Escape or Enter leaves it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class FilterInput(Input):
    """A one-line filter above a list; leaving it hands the focus back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave filter", id="leave_filter")
    ]

    def __init__(self, placeholder: str) -> None:
        super().__init__(placeholder=placeholder, id="filter", compact=True)

    def action_leave(self) -> None:
        """Give the focus back to the list below."""
        self.screen.focus_next()
