"""What every full screen of the desk shares: access to the repository, reloads, going back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen

from assetloom_tui.errors import AssetLoomError
from assetloom_tui.ui.background import run_in_thread

if TYPE_CHECKING:
    from assetloom_tui.repository import Repository
    from assetloom_tui.ui.app import AssetLoomApp

T = TypeVar("T")


# The section keys, kept out of the footer of detail screens so their own keys fit at 80 columns;
# they still work, and `?` and the command palette list them.
QUIET_SECTION_KEYS: list[BindingType] = [
    Binding("l", "app.licenses", "Licenses", show=False),
    Binding("u", "app.users", "Users", show=False),
    Binding("s", "app.assets", "Assets", show=False),
    Binding("w", "app.alerts", "Alerts", show=False),
]


class DeskScreen(Screen[None]):
    """A screen that shows repository data and reloads it when seats change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Keys", key_display="?", id="help"),
        Binding("escape", "back", "Back", id="back"),
    ]

    @property
    def desk(self) -> AssetLoomApp:
        """The running app, typed."""
        return cast("AssetLoomApp", self.app)

    @property
    def repository(self) -> Repository:
        """The repository every read and write goes through."""
        return self.desk.repository

    failure = ""

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Fetch this screen's data again (in a worker)."""

    def load(self, call: Callable[[], T], show: Callable[[T], None], group: str = "load") -> None:
        """Run a repository read in a worker and show its result."""

        def shown(result: T) -> None:
            self.failure = ""
            show(result)

        def failed(error: AssetLoomError) -> None:
            # Live reloads repeat a failure (say, a record deleted in another session) on every
            # change elsewhere: show it once, until a read succeeds again.
            if error.message != self.failure:
                self.failure = error.message
                self.desk.show_failure(error)

        run_in_thread(self, call, shown, failed, group)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return len(self.app.screen_stack) > 1 and self.app.screen is self
        return True

    def action_back(self) -> None:
        """Go back to the screen below."""
        self.dismiss()
