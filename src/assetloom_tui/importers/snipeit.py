"""Snipe-IT's export columns, and turning a CSV file into validated rows plus row errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from assetloom_tui.importers.csvfile import CsvRecord, CsvTable, ImportFileError, normalise_header
from assetloom_tui.importers.report import RowError
from assetloom_tui.importers.rows import AssetRow, LicenseRow, UserRow

Kind = Literal["users", "assets", "licenses"]
RowModel = TypeVar("RowModel", bound=BaseModel)

# Model field -> the header names Snipe-IT uses for it, first the one its exports write.
USER_COLUMNS = {
    "username": ("Username",),
    "first_name": ("First Name",),
    "last_name": ("Last Name",),
    "email": ("Email",),
    "employee_number": ("Employee Number",),
    "department": ("Department",),
    "activated": ("Activated",),
}
ASSET_COLUMNS = {
    "asset_tag": ("Asset Tag",),
    "name": ("Name", "Asset Name"),
    "serial": ("Serial", "Serial Number"),
    "model": ("Model", "Model Name"),
    "location": ("Location",),
    "purchase_date": ("Purchase Date",),
    "purchase_cost": ("Purchase Cost",),
    "eol_date": ("Asset EOL Date", "EOL Date"),
}
LICENSE_COLUMNS = {
    "name": ("Item name", "License Name", "Name"),
    "product_key": ("serial number", "Serial", "Product Key"),
    "manufacturer": ("manufacturer",),
    "category": ("Category",),
    "seats": ("seats",),
    "reassignable": ("reassignable",),
    "expiration_date": ("expiration date",),
    "purchase_date": ("purchase date",),
    "purchase_cost": ("purchase cost",),
    "order_number": ("order number",),
    "licensed_to_name": ("Licensed To Name",),
    "licensed_to_email": ("Licensed to Email",),
    "supplier": ("supplier",),
    "notes": ("notes",),
    "min_available": ("Min Available",),
    "maintained": ("maintained",),
    "full_name": ("Full Name",),
    "email": ("Email",),
    "username": ("Username",),
    "asset_tag": ("Asset Tag",),
    "asset_name": ("Asset Name",),
    "checkout_quantity": ("Checkout Quantity",),
}
SPECS: dict[str, tuple[type[BaseModel], dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "users": (UserRow, USER_COLUMNS, ("username",)),
    "assets": (AssetRow, ASSET_COLUMNS, ("asset_tag",)),
    "licenses": (LicenseRow, LICENSE_COLUMNS, ("name", "seats")),
}


@dataclass(frozen=True)
class ParsedRow(Generic[RowModel]):
    """A data row that passed validation, with what is needed to report a later refusal."""

    row: int
    line: int
    data: RowModel
    raw: Mapping[str, str]
    columns: Mapping[str, str]

    def error(self, field: str, reason: str) -> RowError:
        """A row error on `field`, naming its column as written in the file."""
        column = self.columns.get(field, "")
        return RowError(self.row, self.line, column, self.raw.get(field, ""), reason)


@dataclass(frozen=True)
class ParsedFile(Generic[RowModel]):
    """Every row of one file: the valid ones, and the errors of the others."""

    kind: str
    source: str
    rows: tuple[ParsedRow[RowModel], ...]
    errors: tuple[RowError, ...]


def parse_table(table: CsvTable, kind: Kind) -> ParsedFile:
    """Validate every row of `table` as a `kind` export; file-level problems raise."""
    model, spec, required = SPECS[kind]
    positions, columns = _locate_columns(table, kind, spec, required)
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    for record in table.records:
        if len(record.values) != len(table.header):
            errors.append(_width_error(record, len(table.header)))
            continue
        raw = {field: record.values[index] for field, index in positions.items()}
        try:
            data = model.model_validate(raw)
        except ValidationError as error:
            errors.extend(_value_errors(record, error, raw, columns))
            continue
        rows.append(ParsedRow(record.row, record.line, data, raw, columns))
    kept, repeated = _check_repeats(kind, rows)
    # A stable sort by row keeps each row's errors in column order.
    ordered = sorted(errors + repeated, key=lambda error: error.row)
    return ParsedFile(kind, table.name, tuple(kept), tuple(ordered))


def _locate_columns(table: CsvTable, kind: str, spec, required):
    """Where each known column is, by normalised header; missing required ones fail the file."""
    index_of: dict[str, int] = {}
    for index, header in enumerate(table.header):
        index_of.setdefault(normalise_header(header), index)
    positions: dict[str, int] = {}
    columns: dict[str, str] = {}
    for field, names in spec.items():
        for name in names:
            index = index_of.get(normalise_header(name))
            if index is not None:
                positions[field], columns[field] = index, table.header[index].replace("\ufeff", "")
                break
    missing = [spec[field][0] for field in required if field not in positions]
    if missing:
        found = ", ".join(repr(header) for header in table.header)
        raise ImportFileError(
            f"{table.name} has no {' or '.join(repr(m) for m in missing)} column, needed to "
            f"import {kind}. Its columns are: {found}."
        )
    return positions, columns


def _width_error(record: CsvRecord, width: int) -> RowError:
    return RowError(
        record.row,
        record.line,
        "",
        "",
        f"has {len(record.values)} values but the header has {width} columns",
    )


def _value_errors(record: CsvRecord, error: ValidationError, raw, columns) -> list[RowError]:
    found = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else ""
        reason = item["msg"].removeprefix("Value error, ")
        found.append(
            RowError(record.row, record.line, columns.get(field, ""), raw.get(field, ""), reason)
        )
    return found


def _check_repeats(kind: str, rows: list[ParsedRow]) -> tuple[list[ParsedRow], list[RowError]]:
    """A user or asset appears once per file; a repeated license must repeat the same values."""
    kept: list[ParsedRow] = []
    errors: list[RowError] = []
    first: dict[object, ParsedRow] = {}
    key = {"users": "username", "assets": "asset_tag"}.get(kind)
    for parsed in rows:
        error = _target_error(parsed) if kind == "licenses" else None
        identity = getattr(parsed.data, key) if key else parsed.data.key
        earlier = first.setdefault(identity, parsed)
        if error is None and earlier is not parsed:
            if key:
                error = parsed.error(key, f"repeats row {earlier.row}; each may appear once")
            elif parsed.data.license_fields() != earlier.data.license_fields():
                error = parsed.error(
                    "name",
                    f"same name and product key as row {earlier.row} but different values; "
                    "a license may repeat only to give seats to more targets",
                )
        if error is None:
            kept.append(parsed)
        else:
            errors.append(error)
            if earlier is parsed:
                del first[identity]
    return kept, errors


def _target_error(parsed: ParsedRow[LicenseRow]) -> RowError | None:
    """A license row gives its seats to one user (by username or email) or one asset."""
    row = parsed.data
    if row.asset_tag and (row.username or row.email):
        return parsed.error("asset_tag", "names both a user and an asset; a seat goes to one")
    if row.full_name and not (row.username or row.email):
        return parsed.error("full_name", "does not identify a user; add a Username or Email")
    if row.asset_name and not row.asset_tag:
        return parsed.error("asset_name", "does not identify an asset; add an Asset Tag")
    targeted = row.asset_tag or row.username or row.email
    if parsed.raw.get("checkout_quantity", "").strip() and not targeted:
        return parsed.error(
            "checkout_quantity", "gives seats to no one; add a Username, Email or Asset Tag"
        )
    return None
