"""A long random run of seat operations: the log and the seats held agree after every step."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from assetloom_tui.errors import SeatRuleError
from assetloom_tui.record_schemas import AssetFields, LicenseFields, UserFields
from assetloom_tui.repository import Repository
from assetloom_tui.schemas import CheckinAllRequest, CheckinRequest, CheckoutRequest

TODAY = dt.date(2026, 3, 15)


class SeatDeskMachine(RuleBasedStateMachine):
    """Drives the repository and a plain model of the rules side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        url = f"sqlite:///{Path(self.folder.name) / 'replay.db'}"
        self.repo = Repository(Repository.open(url).database, today=lambda: TODAY)
        self.seats: dict[int, int] = {}
        self.reassignable: dict[int, bool] = {}
        self.held: dict[int, tuple[int, int]] = {}  # assignment -> (license, seats held)
        self.targets: list[tuple[str, int]] = []

    def teardown(self) -> None:
        self.repo.close()
        self.folder.cleanup()

    def _held_of(self, license_id: int) -> int:
        return sum(seats for owner, seats in self.held.values() if owner == license_id)

    @rule(seats=st.integers(0, 6), reassignable=st.booleans())
    def add_license(self, seats: int, reassignable: bool) -> None:
        fields = LicenseFields(name=f"L{len(self.seats)}", seats=seats, reassignable=reassignable)
        license_id = self.repo.license_records.add(fields, "op")
        self.seats[license_id] = seats
        self.reassignable[license_id] = reassignable

    @rule(kind=st.sampled_from(["user", "asset"]))
    def add_target(self, kind: str) -> None:
        key = f"{kind}{len(self.targets)}"
        if kind == "user":
            target_id = self.repo.user_records.add(UserFields(username=key), "op")
        else:
            target_id = self.repo.asset_records.add(AssetFields(asset_tag=key), "op")
        self.targets.append((kind, target_id))

    @precondition(lambda self: self.seats and self.targets)
    @rule(data=st.data(), quantity=st.integers(1, 4))
    def checkout(self, data, quantity: int) -> None:
        license_id = data.draw(st.sampled_from(sorted(self.seats)))
        kind, target_id = data.draw(st.sampled_from(self.targets))
        request = CheckoutRequest(
            license_id=license_id, target_type=kind, target_id=target_id, quantity=quantity
        )
        available = self.seats[license_id] - self._held_of(license_id)
        try:
            assignment = self.repo.seats.checkout(request, "op")
        except SeatRuleError:
            assert quantity > available
            return
        assert quantity <= available
        self.held[assignment.id] = (license_id, quantity)

    @precondition(lambda self: any(seats for _, seats in self.held.values()))
    @rule(data=st.data(), quantity=st.integers(1, 4))
    def checkin(self, data, quantity: int) -> None:
        open_ones = sorted(key for key, (_, seats) in self.held.items() if seats)
        assignment_id = data.draw(st.sampled_from(open_ones))
        license_id, seats = self.held[assignment_id]
        request = CheckinRequest(assignment_id=assignment_id, quantity=quantity, checkin_date=TODAY)
        try:
            self.repo.seats.checkin(request, "op")
        except SeatRuleError:
            assert quantity > seats or not self.reassignable[license_id]
            return
        assert quantity <= seats and self.reassignable[license_id]
        self.held[assignment_id] = (license_id, seats - quantity)

    @precondition(lambda self: self.seats)
    @rule(data=st.data())
    def checkin_all(self, data) -> None:
        license_id = data.draw(st.sampled_from(sorted(self.seats)))
        request = CheckinAllRequest(license_id=license_id, checkin_date=TODAY)
        try:
            result = self.repo.seats.checkin_all(request, "op")
        except SeatRuleError:
            assert self._held_of(license_id) == 0 or not self.reassignable[license_id]
            return
        assert result.seats == self._held_of(license_id)
        for key, (owner, _) in self.held.items():
            if owner == license_id:
                self.held[key] = (owner, 0)

    @precondition(lambda self: self.seats)
    @rule(data=st.data(), seats=st.integers(0, 8))
    def change_total(self, data, seats: int) -> None:
        license_id = data.draw(st.sampled_from(sorted(self.seats)))
        fields = LicenseFields(
            name=self.repo.licenses.get(license_id).name,
            seats=seats,
            reassignable=self.reassignable[license_id],
        )
        try:
            self.repo.license_records.edit(license_id, fields, "op")
        except SeatRuleError:
            assert seats < self._held_of(license_id)
            return
        self.seats[license_id] = seats

    @invariant()
    def log_and_seats_agree(self) -> None:
        assert self.repo.activity.check() == []
        for summary in self.repo.licenses.list():
            held = self._held_of(summary.id)
            assert (summary.seats, summary.held) == (self.seats[summary.id], held)
            assert 0 <= summary.available == summary.seats - held


SeatDeskMachine.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_random_operations_keep_the_log_and_the_seats_in_agreement = SeatDeskMachine.TestCase
