"""Snipe-IT CSV import: reading files and validating rows; writing lives in the repository."""

from __future__ import annotations

from pathlib import Path

from assetloom_tui.importers.csvfile import ImportFileError, normalise_header, read_csv
from assetloom_tui.importers.report import ImportResult, RowError
from assetloom_tui.importers.snipeit import Kind, ParsedFile, ParsedRow, parse_table

KINDS: tuple[Kind, ...] = ("users", "assets", "licenses")


def load(path: Path | str, kind: Kind) -> ParsedFile:
    """Read and validate a Snipe-IT `kind` export; nothing touches the database."""
    return parse_table(read_csv(Path(path)), kind)


__all__ = [
    "KINDS",
    "ImportFileError",
    "ImportResult",
    "Kind",
    "ParsedFile",
    "ParsedRow",
    "RowError",
    "load",
    "normalise_header",
]
