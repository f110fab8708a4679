"""Queries about the targets of checkouts: users and assets, and the seats each holds."""

from __future__ import annotations

from sqlalchemy import Label, Select, func, or_, select

from assetloom_tui.database import Database
from assetloom_tui.errors import NotFoundError
from assetloom_tui.models import Asset, Assignment, User
from assetloom_tui.repository.queries import assignment_rows, like_pattern, to_assignment_views
from assetloom_tui.views import AssetSummary, AssignmentView, UserSummary


def _held_by(condition) -> Label[int]:
    """Seats held by the target in the outer query, counted only for the rows returned."""
    held = select(func.coalesce(func.sum(Assignment.held), 0)).where(condition)
    return held.scalar_subquery().label("seats_held")


def _user_rows() -> Select:
    return select(
        User.id,
        User.username,
        User.full_name,
        User.email,
        User.employee_number,
        User.active,
        _held_by(Assignment.user_id == User.id),
    ).where(User.deleted_at.is_(None))


def _asset_rows() -> Select:
    return select(
        Asset.id,
        Asset.asset_tag,
        Asset.name,
        Asset.serial,
        Asset.model,
        Asset.location,
        Asset.active,
        _held_by(Assignment.asset_id == Asset.id),
    ).where(Asset.deleted_at.is_(None))


class PeopleRepository:
    """Reads users and assets, with the seats they hold."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def users(
        self, search: str = "", active_only: bool = False, limit: int | None = None
    ) -> list[UserSummary]:
        """Users whose username, name or email contain `search`, by username."""
        query = _user_rows().order_by(User.username).limit(limit)
        if search.strip():
            pattern = like_pattern(search.strip())
            query = query.where(
                or_(
                    User.username.ilike(pattern, escape="\\"),
                    User.full_name.ilike(pattern, escape="\\"),
                    User.email.ilike(pattern, escape="\\"),
                )
            )
        if active_only:
            query = query.where(User.active.is_(True))
        with self._database.read() as session:
            return [UserSummary(**row._asdict()) for row in session.execute(query)]

    def assets(
        self, search: str = "", active_only: bool = False, limit: int | None = None
    ) -> list[AssetSummary]:
        """Assets whose tag, name, serial or model contain `search`, by asset tag."""
        query = _asset_rows().order_by(Asset.asset_tag).limit(limit)
        if search.strip():
            pattern = like_pattern(search.strip())
            query = query.where(
                or_(
                    Asset.asset_tag.ilike(pattern, escape="\\"),
                    Asset.name.ilike(pattern, escape="\\"),
                    Asset.serial.ilike(pattern, escape="\\"),
                    Asset.model.ilike(pattern, escape="\\"),
                )
            )
        if active_only:
            query = query.where(Asset.active.is_(True))
        with self._database.read() as session:
            return [AssetSummary(**row._asdict()) for row in session.execute(query)]

    def user(self, user_id: int) -> UserSummary:
        """One user with the seats they hold."""
        found = self._users_where(User.id == user_id)
        if not found:
            raise NotFoundError(f"User {user_id} does not exist.")
        return found[0]

    def user_by_username(self, username: str) -> UserSummary:
        """One user, found by username."""
        found = self._users_where(User.username == username)
        if not found:
            raise NotFoundError(f"No user has the username {username!r}.")
        return found[0]

    def asset(self, asset_id: int) -> AssetSummary:
        """One asset with the seats it holds."""
        found = self._assets_where(Asset.id == asset_id)
        if not found:
            raise NotFoundError(f"Asset {asset_id} does not exist.")
        return found[0]

    def asset_by_tag(self, asset_tag: str) -> AssetSummary:
        """One asset, found by asset tag."""
        found = self._assets_where(Asset.asset_tag == asset_tag)
        if not found:
            raise NotFoundError(f"No asset has the asset tag {asset_tag!r}.")
        return found[0]

    def user_assignments(self, user_id: int) -> list[AssignmentView]:
        """Licenses a user holds seats of, by license name."""
        return self._assignments_where(Assignment.user_id == user_id)

    def asset_assignments(self, asset_id: int) -> list[AssignmentView]:
        """Licenses an asset holds seats of, by license name."""
        return self._assignments_where(Assignment.asset_id == asset_id)

    def _assignments_where(self, condition) -> list[AssignmentView]:
        query = assignment_rows().where(condition, Assignment.held > 0)
        query = query.order_by(func.lower(query.selected_columns.license_name), Assignment.id)
        with self._database.read() as session:
            return to_assignment_views(session, query)

    def _users_where(self, condition) -> list[UserSummary]:
        with self._database.read() as session:
            rows = session.execute(_user_rows().where(condition))
            return [UserSummary(**row._asdict()) for row in rows]

    def _assets_where(self, condition) -> list[AssetSummary]:
        with self._database.read() as session:
            rows = session.execute(_asset_rows().where(condition))
            return [AssetSummary(**row._asdict()) for row in rows]
