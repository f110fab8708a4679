"""A throwaway PostgreSQL server for the tests, started from the machine's server binaries."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

# Set by .ci/run: there, a missing PostgreSQL must fail the run instead of skipping tests.
REQUIRED_VARIABLE = "ASSETLOOM_REQUIRE_POSTGRES"


class PostgresUnavailable(Exception):
    """No PostgreSQL server binaries on this machine, or the server would not start."""


def _binaries() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if versions:
        return Path(versions[0]).parent
    raise PostgresUnavailable("no PostgreSQL server binaries (initdb) on this machine")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    """A running server on 127.0.0.1; `database_url()` makes a fresh database for each caller."""

    folder: Path
    port: int
    run_as: str | None
    bin_dir: Path

    def _command(self, *arguments: str) -> list[str]:
        # The server refuses to run as root, so under root it runs as an unprivileged user.
        prefix = ["runuser", "-u", self.run_as, "--"] if self.run_as else []
        return [*prefix, *arguments]

    def _run(self, *arguments: str) -> None:
        result = subprocess.run(self._command(*arguments), capture_output=True, text=True)
        if result.returncode != 0:
            raise PostgresUnavailable(f"{arguments[0]} failed: {result.stderr.strip()[-500:]}")

    def start(self) -> None:
        data = self.folder / "data"
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        )
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=200"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        data = self.folder / "data"
        subprocess.run(
            self._command(
                str(self.bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"
            ),
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)

    def database_url(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        name = f"assetloom_{uuid.uuid4().hex[:12]}"
        self._run(
            str(self.bin_dir / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            name,
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


def start_server() -> PostgresServer:
    """Start a server in a new temporary folder, owned by whoever the server runs as."""
    bin_dir = _binaries()
    folder = Path(tempfile.mkdtemp(prefix="assetloom-pg-"))
    run_as = None
    if os.geteuid() == 0:
        run_as = "postgres" if _user_exists("postgres") else "nobody"
        account = pwd.getpwnam(run_as)
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = PostgresServer(folder=folder, port=_free_port(), run_as=run_as, bin_dir=bin_dir)
    try:
        server.start()
    except PostgresUnavailable:
        log = folder / "server.log"
        detail = log.read_text()[-800:] if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise PostgresUnavailable(f"the server would not start: {detail}") from None
    return server


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
