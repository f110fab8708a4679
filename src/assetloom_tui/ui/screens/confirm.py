"""A yes/no question before an action that deletes, or that a rule asks to be sure about."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ConfirmDialog(ModalScreen[bool]):
    """Ask `question` (shown literally); dismisses with True for Yes, False for No or Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="yes"),
        Binding("n,escape", "answer(False)", "No", id="no"),
        Binding("left,right", "app.focus_next", "Other button", show=False),
    ]

    def __init__(self, title: str, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self.question = question
        self._labels = (yes, no)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm-dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Static(Text(self.question), classes="dialog-message")
            with Horizontal(classes="buttons"):
                yield Button(self._labels[0], variant="warning", id="yes", compact=True)
                yield Button(self._labels[1], variant="primary", id="no", compact=True)

    def on_mount(self) -> None:
        # The safe answer has the focus, so a stray Enter never deletes anything.
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer the question."""
        self.dismiss(yes)
