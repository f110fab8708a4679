"""The `?` help: every key of the screen it was opened from, with what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label

HIDDEN_FROM_PALETTE = {"command_palette"}


def screen_keys(
    app: App, screen: Screen, commands: bool = False
) -> list[tuple[str, str, str, DOMNode]]:
    """(key, description, action, namespace) of each described binding active on `screen`.

    With `commands`, only the screen's own actions, as the command palette offers them.
    """
    keys = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        if commands and (not binding.show or binding.action in HIDDEN_FROM_PALETTE):
            continue
        keys.append(
            (app.get_key_display(binding), binding.description, binding.action, active.node)
        )
    return keys


class HelpModal(ModalScreen[None]):
    """A table of keys; Escape or `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close"),
        Binding("question_mark", "close", "Close", key_display="?", show=False),
    ]

    def __init__(self, keys: list[tuple[str, str, str, DOMNode]]) -> None:
        super().__init__(classes="dialog-screen")
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label("Keys on this screen", classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="row", show_cursor=False)
            yield Label("Ctrl+P opens the command palette: every action by name.", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Action")
        for key, description, _action, _node in self.keys:
            table.add_row(Text(key, style="bold"), Text(description))
        table.focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
