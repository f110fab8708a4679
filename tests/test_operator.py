"""The operator recorded in history is the OS account, whatever the environment claims."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys


def test_operator_comes_from_the_account_not_from_logname_or_user(tmp_path):
    account = pwd.getpwuid(os.getuid()).pw_name
    spoofed = {**os.environ, "LOGNAME": "mallory", "USER": "mallory", "LNAME": "mallory"}
    command = [
        sys.executable,
        "-c",
        "from assetloom_tui.config import current_operator as c;print(c())",
    ]

    result = subprocess.run(command, capture_output=True, text=True, env=spoofed, check=True)

    assert result.stdout.strip() == account != "mallory"
