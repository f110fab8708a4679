"""Choosing who gets the seats: type to search active users or assets, Enter picks one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from assetloom_tui.errors import AssetLoomError
from assetloom_tui.ui.background import run_in_thread

MATCH_LIMIT = 50


@dataclass(frozen=True)
class Target:
    """A user or asset that can receive seats."""

    id: int
    code: str
    name: str

    @property
    def label(self) -> Text:
        """`code  name`, literally."""
        return Text.assemble((self.code, "bold"), "  ", self.name, no_wrap=True)


Search = Callable[[str, str, int], list[Target]]


class SearchInput(Input):
    """The search box; Down moves into the matches."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus_next", "Matches", show=False)
    ]


class TargetPicker(Vertical):
    """An Input and a short list of matches, fetched by a worker as the operator types."""

    class Picked(Message):
        """A target was chosen."""

        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    def __init__(
        self, search: Search, failed: Callable[[AssetLoomError], None], id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="target-picker")
        self._search = search
        self._failed = failed
        self.kind = "user"
        self.chosen: Target | None = None
        self._matches: dict[str, Target] = {}

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder="Type to search users", id="target-search", compact=True)
        yield OptionList(id="target-matches")
        yield Static("Chosen: nobody yet", id="target-chosen", markup=False)

    def on_mount(self) -> None:
        self.refresh_matches()

    def set_kind(self, kind: str) -> None:
        """Search users or assets from now on; forgets the earlier choice."""
        self.kind = kind
        self.chosen = None
        self.query_one("#target-chosen", Static).update("Chosen: nobody yet")
        self.query_one(SearchInput).placeholder = f"Type to search {kind}s"
        self.refresh_matches()

    def refresh_matches(self) -> None:
        """Search again with what is typed now."""
        kind, text = self.kind, self.query_one(SearchInput).value
        run_in_thread(
            self, lambda: self._search(kind, text, MATCH_LIMIT), self._show, self._failed, "match"
        )

    def _show(self, targets: list[Target]) -> None:
        self._matches = {str(target.id): target for target in targets}
        matches = self.query_one(OptionList)
        matches.set_options(Option(target.label, id=key) for key, target in self._matches.items())
        if len(targets) >= MATCH_LIMIT:
            matches.add_option(Option(Text("… more: keep typing to narrow"), disabled=True))
        if not targets:
            matches.add_option(Option(Text(f"No active {self.kind} matches"), disabled=True))
        matches.highlighted = 0 if targets else None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_matches()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id in self._matches:
            self.pick(self._matches[option.id])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in self._matches:
            self.pick(self._matches[event.option.id])

    def pick(self, target: Target) -> None:
        """Choose `target` and say so under the list."""
        self.chosen = target
        chosen = Text("Chosen: ", style="bold") + target.label
        self.query_one("#target-chosen", Static).update(chosen)
        self.post_message(self.Picked(target))
