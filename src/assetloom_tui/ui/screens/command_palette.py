"""Textual's command palette, with paging that waits until the list has been laid out."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette


class DeskCommandPalette(CommandPalette):
    """The command palette, safe against PageUp/PageDown pressed before its list is drawn.

    Textual 8.2's option list looks up line positions that exist only after its first layout,
    so PageDown pressed right after Ctrl+P raised KeyError and ended the app.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        """Move a page through the commands once the list is on screen."""
        commands = self.query_one(CommandList)
        if not commands.option_count or commands.size.height == 0:
            return
        if direction > 0:
            commands.action_page_down()
        else:
            commands.action_page_up()
