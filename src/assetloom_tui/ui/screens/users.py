"""Every user, with the seats they hold; Enter opens the profile."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from assetloom_tui.ui.screens.listing import ListScreen
from assetloom_tui.ui.screens.user_profile import UserProfileScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec
from assetloom_tui.views import UserSummary


class UserListScreen(ListScreen):
    """Users by username; the list is capped, and the filter searches the whole table."""

    TITLE = "Users"
    COLUMNS = (
        ColumnSpec("Username", minimum=12),
        ColumnSpec("Full name", minimum=12),
        ColumnSpec("Email", minimum=12),
        ColumnSpec("Held", 4, justify="right"),
        ColumnSpec("Active", 6),
    )
    FILTER_PLACEHOLDER = "Filter by username, name or email"
    NOUN = "users"
    LIMIT = 500

    def fetch(self, search: str) -> list[UserSummary]:
        return self.repository.people.users(search, limit=self.LIMIT)

    def cells(self, record: UserSummary) -> Sequence[Text]:
        return [
            cells.literal(record.username),
            cells.literal(record.full_name),
            cells.literal(record.email),
            cells.number(record.seats_held),
            cells.yes_no(record.active),
        ]

    def open_record(self, record: UserSummary) -> None:
        self.app.push_screen(UserProfileScreen(record.id))
