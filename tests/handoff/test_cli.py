"""``koers adviser add|list`` as a newcomer would run them."""

import io
import subprocess
import sys

from sqlalchemy import select

from assistant.gateway.app import SESSIONS
from assistant.gateway.handoff.models import Adviser

from .conftest import PASSWORD


def test_adviser_add_and_list_via_the_real_command(app, settings):
    env_cmd = [sys.executable, "-m", "assistant"]
    add = subprocess.run([*env_cmd, "adviser", "add", "--username", "Noor", "--role", "admin", "--password-stdin"],
                         input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert add.returncode == 0, add.stderr
    assert "noor" in add.stdout
    again = subprocess.run([*env_cmd, "adviser", "add", "--username", "noor", "--password-stdin"],
                           input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "al een adviseur" in again.stderr
    short = subprocess.run([*env_cmd, "adviser", "add", "--username", "kees", "--password-stdin"],
                           input="kort\n", capture_output=True, text=True, timeout=120)
    assert short.returncode == 2 and "minstens 12 tekens" in short.stderr
    listed = subprocess.run([*env_cmd, "adviser", "list"], capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and listed.stdout.startswith("noor\tadmin\tactief")
    with app[SESSIONS]() as db:
        stored = db.execute(select(Adviser)).scalars().one()
    assert stored.role == "admin" and stored.password_hash.startswith("$argon2id$")


def test_adviser_add_on_an_empty_database_says_what_to_do(tmp_path, monkeypatch, capsys):
    import argparse

    from assistant.gateway.handoff import cli

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'leeg.db'}")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = cli.adviser_add(argparse.Namespace(username="anna", role="adviser", password_stdin=True))
    assert code == 1
    assert "koers db upgrade" in capsys.readouterr().err
