"""A user's profile: who they are, the seats they hold (check in from here), their history."""

from __future__ import annotations

from assetloom_tui.repository.activity import ActivityFilter
from assetloom_tui.ui.screens.target_detail import TargetDetailScreen, TargetPage, summary_line


class UserProfileScreen(TargetDetailScreen):
    """One user, the license seats they hold, and every change to them."""

    TITLE = "User"
    KIND = "user"

    def read(self) -> TargetPage:
        repository = self.repository
        user = repository.people.user(self.target_id)
        summary = summary_line(
            user.username,
            ("Name", user.full_name),
            ("Email", user.email),
            ("Employee no.", user.employee_number),
            ("Active", "yes" if user.active else "NO (inactive: no new checkouts)"),
            ("Seats held", user.seats_held),
        )
        return TargetPage(
            user.username,
            user.active,
            summary,
            repository.people.user_assignments(self.target_id),
            repository.activity.keyed_entries(ActivityFilter(user_id=self.target_id)),
        )
