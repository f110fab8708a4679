"""The AssetLoom seat desk: a Textual app over the repository."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from assetloom_tui.errors import AssetLoomError, DatabaseError, NotFoundError
from assetloom_tui.repository import Repository
from assetloom_tui.ui.background import UnexpectedError, run_in_thread
from assetloom_tui.ui.screens.activity import ActivityScreen
from assetloom_tui.ui.screens.alerts import AlertsScreen
from assetloom_tui.ui.screens.asset_detail import AssetDetailScreen
from assetloom_tui.ui.screens.assets import AssetListScreen
from assetloom_tui.ui.screens.base import DeskScreen
from assetloom_tui.ui.screens.command_palette import DeskCommandPalette
from assetloom_tui.ui.screens.error import ErrorDialog
from assetloom_tui.ui.screens.form import FormModal
from assetloom_tui.ui.screens.help import HelpModal, screen_keys
from assetloom_tui.ui.screens.license_detail import LicenseDetailScreen
from assetloom_tui.ui.screens.licenses import LicenseListScreen
from assetloom_tui.ui.screens.user_profile import UserProfileScreen
from assetloom_tui.ui.screens.users import UserListScreen
from assetloom_tui.views import EXPIRY_WINDOW_DAYS

log = logging.getLogger(__name__)

# How often the app asks whether another session changed the database.
WATCH_SECONDS = 0.5


class AssetLoomApp(App[None]):
    """Check license seats out and in, from the keyboard."""

    TITLE = "AssetLoom"
    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "forms.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "licenses", "Licenses", id="licenses"),
        Binding("u", "users", "Users", id="users"),
        Binding("s", "assets", "Assets", id="assets"),
        Binding("w", "alerts", "Alerts", id="alerts"),
        # Not in the footer: the list footers are full at 80 columns; `?` and the palette list it.
        Binding("y", "activity", "Activity", show=False, id="activity"),
    ]
    SECTIONS: ClassVar[dict[str, type[Screen]]] = {
        "licenses": LicenseListScreen,
        "users": UserListScreen,
        "assets": AssetListScreen,
        "alerts": AlertsScreen,
        "activity": ActivityScreen,
    }

    def __init__(
        self, repository: Repository, operator: str, expiry_window_days: int = EXPIRY_WINDOW_DAYS
    ) -> None:
        super().__init__()
        self.repository = repository
        self.operator = operator
        self.expiry_window_days = expiry_window_days
        self.watching = False

    def on_mount(self) -> None:
        # The first question only takes the starting point; it runs before the first screen's
        # data is shown, so a change made after that is never missed.
        self.watch_for_changes()
        self.set_interval(WATCH_SECONDS, self.watch_for_changes)

    def watch_for_changes(self) -> None:
        """Ask (in a worker) whether another session changed the database; reload if so."""
        if self.watching:
            # The previous question is still out (a slow server): never queue a second one.
            return
        self.watching = True
        watch = self.repository.watch
        run_in_thread(self, watch.changed, self._watched, self._watch_failed, "watch")

    def _watched(self, changed: bool) -> None:
        self.watching = False
        if changed:
            self.reload_screens()

    def _watch_failed(self, error: AssetLoomError) -> None:
        # The watcher reports database trouble itself; screens say it when they next read.
        self.watching = False
        log.warning("watching for changes failed: %s", error.message)

    def reload_screens(self) -> None:
        """Read every open screen's data again, and any open form's seat counts."""
        for screen in self.screen_stack:
            if isinstance(screen, (DeskScreen, FormModal)):
                screen.reload()

    def get_default_screen(self) -> Screen:
        return LicenseListScreen()

    def action_command_palette(self) -> None:
        """Show the command palette (ours pages safely before its list is drawn)."""
        if self.use_command_palette and not DeskCommandPalette.is_open(self):
            self.push_screen(DeskCommandPalette(id="--command-palette"))

    def action_licenses(self) -> None:
        """Show the license list."""
        self._open_section(None)

    def action_users(self) -> None:
        """Show the user list."""
        self._open_section(UserListScreen)

    def action_assets(self) -> None:
        """Show the asset list."""
        self._open_section(AssetListScreen)

    def action_alerts(self) -> None:
        """Show every license that needs attention."""
        self._open_section(AlertsScreen)

    def action_activity(self) -> None:
        """Show the activity log: every seat movement and change, with filters."""
        self._open_section(ActivityScreen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the command palette is open it is the screen; it offers every section.
        if action not in self.SECTIONS or isinstance(self.screen, CommandPalette):
            return True
        # A form or dialog must be finished or cancelled before the sections are left; the
        # section shown now needs no key (which leaves room in the footer at 80 columns).
        return not isinstance(self.screen, (ModalScreen, self.SECTIONS[action]))

    def action_help(self) -> None:
        """Show every key of the current screen."""
        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(screen_keys(self, self.screen)))

    def _open_section(self, screen_type: type[DeskScreen] | None) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if screen_type is not None:
            self.push_screen(screen_type())

    def seats_changed(self, message: str) -> None:
        """A change was written (seats or records): say so, and refresh every screen."""
        log.info("%s: %s", self.operator, message)
        self.notify(message, title="Done", markup=False)
        self.reload_screens()

    def open_license(self, license_id: int) -> None:
        """Show one license's detail screen."""
        self.push_screen(LicenseDetailScreen(license_id))

    def open_target(self, target_type: str, target_id: int) -> None:
        """Show a user's profile or an asset's detail."""
        screen_type = UserProfileScreen if target_type == "user" else AssetDetailScreen
        self.push_screen(screen_type(target_id))

    def seats_changed_if_done(self, message: str | None) -> None:
        """The callback for a form: it returns a message only when the change was written."""
        if message:
            self.seats_changed(message)

    def show_failure(self, error: AssetLoomError) -> None:
        """Show a refused or failed action in a dialog."""
        if isinstance(error, UnexpectedError):
            title = "Unexpected error"
        elif isinstance(error, DatabaseError):
            title = "Database problem"
        elif isinstance(error, NotFoundError):
            title = "Not found"
        else:
            title = "Refused"
        log.warning("%s shown to %s: %s", title, self.operator, error.message)
        self.push_screen(ErrorDialog(title, error.message))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key, description, action, namespace in screen_keys(self, screen):
            yield SystemCommand(
                description, f"Key: {key}", partial(self.run_action, action, namespace)
            )
