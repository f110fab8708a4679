"""Reading a CSV export: header names normalised, each data row with its row and line number."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from assetloom_tui.errors import AssetLoomError

BOM = "\ufeff"


class ImportFileError(AssetLoomError):
    """The file as a whole cannot be imported: unreadable, not CSV, or missing a column."""


@dataclass(frozen=True)
class CsvRecord:
    """One data row: its number among data rows, the file line it starts on, and its values."""

    row: int
    line: int
    values: tuple[str, ...]


@dataclass(frozen=True)
class CsvTable:
    """A whole CSV file: the header as written, and every data row."""

    path: Path
    header: tuple[str, ...]
    records: tuple[CsvRecord, ...]

    @property
    def name(self) -> str:
        """The file name, for messages."""
        return self.path.name


def normalise_header(name: str) -> str:
    """Header names match ignoring case, spaces and a byte-order mark."""
    return "".join(name.replace(BOM, "").split()).casefold()


def read_csv(path: Path) -> CsvTable:
    """Read `path` as UTF-8 CSV (with or without a byte-order mark), keeping quoted newlines."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _parse(path, csv.reader(handle, strict=True))
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a CSV file.") from None
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8 CSV."
        ) from None
    except csv.Error as error:
        raise ImportFileError(f"{path} is not valid CSV: {error}.") from None
    except OSError as error:
        raise ImportFileError(f"{path} cannot be read: {error.strerror}.") from None


def _parse(path: Path, reader) -> CsvTable:
    header: tuple[str, ...] | None = None
    records: list[CsvRecord] = []
    next_line = 1
    for values in reader:
        line, next_line = next_line, reader.line_num + 1
        if not any(value.strip() for value in values):
            continue
        if header is None:
            header = tuple(values)
            continue
        records.append(CsvRecord(row=len(records) + 1, line=line, values=tuple(values)))
    if header is None:
        raise ImportFileError(f"{path} is empty: it has no header row.")
    return CsvTable(path=path, header=header, records=tuple(records))
