"""The demo database: made-up staff, machines and licenses, seats out through the real rules."""

from __future__ import annotations

import datetime as dt
import random
import string
from decimal import Decimal

from assetloom_tui.errors import AssetLoomError
from assetloom_tui.models import Asset, License, User
from assetloom_tui.repository import Repository
from assetloom_tui.repository.seats import SeatRepository
from assetloom_tui.schemas import CheckinRequest, CheckoutRequest

SEED = 20_240_611
USERS = 300
ASSETS = 240
HISTORY_DAYS = 120

FIRST_NAMES = (
    "Aisha Alex Amara Ana Ben Bruno Carla Chen Chloe Daniel Dara Elena Emil Fatima Felix Grace "
    "Hana Hugo Ines Ivan Jade James Jonas Kai Kenji Lara Leon Lucia Maja Marco Mei Mia Nadia "
    "Nico Noah Olga Omar Paula Priya Rafael Rosa Sam Sara Sofia Tariq Theo Uma Vera Yara Zoe"
).split()
LAST_NAMES = (
    "Abbott Alvarez Bauer Becker Brennan Castro Costa Dubois Eriksen Fischer Garcia Haddad Hansen "
    "Ito Jansen Kaur Keller Kowalski Larsen Lopez Meyer Moreau Nakamura Novak Okafor Olsen Patel "
    "Pereira Quinn Rossi Schmidt Silva Singh Sousa Tanaka Torres Varga Weber Wong Yilmaz Ziegler"
).split()
DEPARTMENTS = ("Finance", "Engineering", "Sales", "Support", "Marketing", "People", "Legal", "IT")
LOCATIONS = ("Berlin HQ", "Lisbon", "Toronto", "Remote", "Warehouse", "Data centre")
MACHINES = (
    ("LAP", "Laptop", ("ThinkPad T14 Gen 4", "Latitude 5440", "MacBook Pro 14", "EliteBook 840")),
    ("DSK", "Desktop", ("OptiPlex 7010", "ThinkCentre M70q", "iMac 24")),
    ("WKS", "Workstation", ("Precision 3660", "ThinkStation P3")),
    ("SRV", "Server", ("PowerEdge R650", "ProLiant DL360")),
)
# name, manufacturer, category, total seats; the index of the special ones is below.
CATALOGUE = (
    ("Microsoft 365 E3", "Microsoft", "Productivity", 250),
    ("Microsoft Visio Plan 2", "Microsoft", "Productivity", 20),
    ("Microsoft Project Plan 3", "Microsoft", "Productivity", 15),
    ("Windows 11 Pro OEM", "Microsoft", "Operating system", 60),
    ("Windows Server 2022 Standard", "Microsoft", "Operating system", 16),
    ("SQL Server 2022 Standard", "Microsoft", "Database", 8),
    ("Adobe Creative Cloud All Apps", "Adobe", "Design", 12),
    ("Adobe Acrobat Pro", "Adobe", "Productivity", 80),
    ("Adobe Photoshop", "Adobe", "Design", 10),
    ("Autodesk AutoCAD LT", "Autodesk", "Engineering", 14),
    ("Autodesk Revit", "Autodesk", "Engineering", 6),
    ("JetBrains IntelliJ IDEA Ultimate", "JetBrains", "Development", 40),
    ("JetBrains PyCharm Professional", "JetBrains", "Development", 30),
    ("JetBrains DataGrip", "JetBrains", "Development", 12),
    ("Slack Business+", "Salesforce", "Communication", 300),
    ("Zoom Workplace Pro", "Zoom", "Communication", 60),
    ("Atlassian Jira Software", "Atlassian", "Development", 120),
    ("Atlassian Confluence", "Atlassian", "Productivity", 120),
    ("1Password Business", "AgileBits", "Security", 300),
    ("Sophos Intercept X", "Sophos", "Security", 260),
    ("Veeam Backup & Replication", "Veeam", "Infrastructure", 10),
    ("VMware vSphere Standard", "Broadcom", "Infrastructure", 8),
    ("Tableau Creator", "Salesforce", "Analytics", 9),
    ("Power BI Pro", "Microsoft", "Analytics", 45),
    ("Figma Professional", "Figma", "Design", 18),
    ("Sketch", "Sketch B.V.", "Design", 5),
    ("Camtasia 2021", "TechSmith", "Media", 6),
    ("Snagit", "TechSmith", "Media", 25),
    ("SPSS Statistics", "IBM", "Analytics", 4),
    ("MATLAB", "MathWorks", "Engineering", 7),
    ("Parallels Desktop Business", "Alludo", "Infrastructure", 20),
    ("TeamViewer Corporate", "TeamViewer", "Support", 15),
    ("Zendesk Suite Professional", "Zendesk", "Support", 35),
    ("DocuSign Business Pro", "DocuSign", "Legal", 11),
    ("Xero Accounting", "Xero", "Finance", 9),
    ("Visual Studio Professional", "Microsoft", "Development", 25),
)
FULL = "Adobe Creative Cloud All Apps"
EXPIRED = "Camtasia 2021"
NOT_REASSIGNABLE = "Windows 11 Pro OEM"
MACHINE_LICENSES = {"Windows 11 Pro OEM", "Windows Server 2022 Standard", "Sophos Intercept X"}
MARKUP_NOTE = "Renewal owner: [b]procurement[/b]; see ticket [#4411] before adding seats."


class _Clock:
    """The 'today' of the seat rules while the demo replays months of checkouts."""

    def __init__(self, today: dt.date) -> None:
        self.day = today

    def __call__(self) -> dt.date:
        return self.day


def build_demo(
    repo: Repository, operator: str, today: dt.date | None = None, seed: int = SEED
) -> str:
    """Fill an empty database with the demo; the same seed and day give the same database."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    _require_empty(repo)
    with repo.database.write() as session:
        users = _users(rng)
        assets = _assets(rng)
        licenses = _licenses(rng, today)
        session.add_all(users + assets + licenses)
        session.flush()
        user_ids = [user.id for user in users if user.active]
        asset_ids = [asset.id for asset in assets]
        catalogue = [(license_.id, license_.name, license_.seats) for license_ in licenses]

    clock = _Clock(today)
    seats = SeatRepository(repo.database, clock)
    handed_out = 0
    for license_id, name, total in catalogue:
        pool = asset_ids if name in MACHINE_LICENSES else user_ids
        handed_out += _hand_out(rng, seats, clock, operator, (license_id, name, total), pool)
    return (
        f"{len(users)} users, {len(assets)} assets, {len(licenses)} licenses, "
        f"{handed_out} seats out"
    )


def _require_empty(repo: Repository) -> None:
    if repo.licenses.list(limit=1) or repo.people.users(limit=1) or repo.people.assets(limit=1):
        raise AssetLoomError(
            f"The database {repo.database.url} already holds data; the demo is built only "
            "into a new, empty database."
        )


def _users(rng: random.Random) -> list[User]:
    users, taken = [], set()
    for number in range(1, USERS + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        base = f"{first[0]}{last}".lower()
        username = base if base not in taken else f"{base}{number}"
        taken.add(username)
        users.append(
            User(
                username=username,
                full_name=f"{first} {last}",
                email=f"{username}@northwind.example",
                department=rng.choice(DEPARTMENTS),
                employee_number=f"E{10_000 + number}",
                # A few leavers, so that pickers have someone to leave out.
                active=rng.random() > 0.03,
            )
        )
    return users


def _assets(rng: random.Random) -> list[Asset]:
    assets = []
    for number in range(1, ASSETS + 1):
        prefix, kind, models = MACHINES[0] if number % 5 else rng.choice(MACHINES)
        model = rng.choice(models)
        serial = "".join(rng.choices(string.ascii_uppercase + string.digits, k=10))
        assets.append(
            Asset(
                asset_tag=f"{prefix}-{number:04d}",
                name=f"{kind} {number:04d}",
                serial=serial,
                model=model,
                location=rng.choice(LOCATIONS),
            )
        )
    return assets


def _licenses(rng: random.Random, today: dt.date) -> list[License]:
    licenses = []
    for name, manufacturer, category, seats in CATALOGUE:
        bought = today - dt.timedelta(days=rng.randint(200, 900))
        expires = None if rng.random() < 0.3 else today + dt.timedelta(days=rng.randint(30, 700))
        if name == EXPIRED:
            expires = today - dt.timedelta(days=45)
        licenses.append(
            License(
                name=name,
                product_key=_product_key(rng),
                manufacturer=manufacturer,
                category=category,
                seats=seats,
                reassignable=name != NOT_REASSIGNABLE,
                expiration_date=expires,
                purchase_date=bought,
                purchase_cost=Decimal(rng.randint(500, 90_000)) / 100 * seats,
                order_number=f"PO-{rng.randint(10_000, 99_999)}",
                licensed_to_name="Northwind Traders",
                licensed_to_email="licensing@northwind.example",
                supplier=rng.choice(("SoftwareOne", "Insight", "CDW", "Direct")),
                notes=MARKUP_NOTE if name == FULL else "",
            )
        )
    return licenses


def _product_key(rng: random.Random) -> str:
    alphabet = string.ascii_uppercase + string.digits
    return "-".join("".join(rng.choices(alphabet, k=5)) for _ in range(5))


def _hand_out(
    rng: random.Random,
    seats: SeatRepository,
    clock: _Clock,
    operator: str,
    license_: tuple[int, str, int],
    pool: list[int],
) -> int:
    """Replay months of checkouts (and a few checkins) of one license; returns seats held."""
    license_id, name, total = license_
    today = clock.day
    # Every license but the full one keeps at least one seat free.
    budget = total if name == FULL else max(1, int(total * rng.uniform(0.2, 0.7)))
    targets = rng.sample(pool, k=min(len(pool), rng.randint(3, 14), budget))
    days = sorted((rng.randint(1, HISTORY_DAYS) for _ in targets), reverse=True)
    target_type = "asset" if name in MACHINE_LICENSES else "user"
    handed, assignments = 0, []
    for position, (target_id, days_ago) in enumerate(zip(targets, days, strict=True)):
        left = len(targets) - position - 1
        quantity = 1 if rng.random() < 0.8 else rng.randint(2, 3)
        quantity = max(1, min(quantity, budget - handed - left))
        if name == FULL and left == 0:
            quantity = total - handed
        clock.day = today - dt.timedelta(days=days_ago)
        request = CheckoutRequest(
            license_id=license_id,
            target_type=target_type,
            target_id=target_id,
            quantity=quantity,
            allow_expired=True,
        )
        assignments.append(seats.checkout(request, operator))
        handed += quantity

    clock.day = today
    returned = 0
    if name not in (FULL, NOT_REASSIGNABLE):
        for assignment in assignments:
            if rng.random() < 0.15:
                back = rng.randint(1, assignment.held)
                on = assignment.checkout_date + dt.timedelta(
                    days=rng.randint(0, (today - assignment.checkout_date).days)
                )
                note = rng.choice(("Left the team", "Reimaged", "No longer needed", ""))
                request = CheckinRequest(
                    assignment_id=assignment.id, quantity=back, checkin_date=on, notes=note
                )
                seats.checkin(request, operator)
                returned += back
    return handed - returned
