"""Every user, with the seats they hold; Enter opens the profile."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from assetloom_tui.ui.screens.target_list import TargetListScreen
from assetloom_tui.ui.screens.user_profile import UserProfileScreen
from assetloom_tui.ui.widgets import cells
from assetloom_tui.ui.widgets.record_table import ColumnSpec
from assetloom_tui.views import UserSummary


class UserListScreen(TargetListScreen):
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
    KIND = "user"

    def fetch(self, search: str) -> list[UserSummary]:
        return self.repository.people.users(search, limit=self.LIMIT)

    def cells(self, record: UserSummary) -> Sequence[Text]:
        style = self.row_style(record)
        return [
            cells.literal(record.username, style),
            cells.literal(record.full_name, style),
            cells.literal(record.email, style),
            cells.number(record.seats_held, style),
            self.active_cell(record.active),
        ]

    def label(self, record: UserSummary) -> str:
        return record.username

    def open_record(self, record: UserSummary) -> None:
        self.app.push_screen(UserProfileScreen(record.id))
