"""What an import found and did: row errors with their place in the file, and the counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from assetloom_tui.text import plural


@dataclass(frozen=True)
class RowError:
    """One bad value (or bad row) in a CSV file, with where to find it."""

    row: int
    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row} (line {self.line})"
        if not self.column:
            return f"{where}: {self.reason}"
        return f"{where}, column {self.column!r}, value {self.value!r}: {self.reason}"


@dataclass(frozen=True)
class ImportResult:
    """Counts per row, the errors found, and whether anything was written."""

    kind: str
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: tuple[RowError, ...] = ()
    written: bool = False
    seats_checked_out: int = 0
    users_created: int = 0
    assets_created: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        """Rows with at least one error."""
        return len({error.row for error in self.errors})

    def summary(self) -> str:
        """One line: created / updated / unchanged / failed, and the seats handed out."""
        counts = (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )
        if self.kind == "licenses":
            counts += (
                f"; {plural(self.seats_checked_out, 'seat')} checked out, "
                f"{plural(self.users_created, 'user')} created, "
                f"{plural(self.assets_created, 'asset')} created"
            )
        if self.written:
            return f"{self.source}: {counts}"
        return f"{self.source}: nothing written; the file would give {counts}"
