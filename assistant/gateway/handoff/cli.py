"""``koers adviser add|list|lokets``, ``koers export transcripts`` and ``koers retention``."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import IO

from sqlalchemy import inspect, select
from sqlalchemy.orm import sessionmaker

from assistant.settings import Settings, database_url_from_env
from assistant.storage.db import make_engine, make_session_factory

NO_TABLES = "De database is nog niet klaar. Draai eerst: koers db upgrade"


def _sessions() -> sessionmaker | None:
    engine = make_engine(database_url_from_env())  # adviser accounts need no service secret
    if not inspect(engine).has_table("advisers"):
        print(NO_TABLES, file=sys.stderr)
        return None
    return make_session_factory(engine)


def _read_password(args: argparse.Namespace) -> str | None:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    second = getpass.getpass("Nog een keer: ")
    if first != second:
        print("De wachtwoorden zijn niet gelijk.", file=sys.stderr)
        return None
    return first


def adviser_add(args: argparse.Namespace) -> int:
    from assistant.gateway.handoff.auth import AuthError, create_adviser, validate_lokets, validate_username

    try:
        username = validate_username(args.username)
        lokets = validate_lokets(getattr(args, "loket", None) or ())
    except AuthError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    password = _read_password(args)
    if password is None:
        return 2
    sessions = _sessions()
    if sessions is None:
        return 1
    try:
        create_adviser(sessions, username, password, args.role, lokets)
    except AuthError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    role = "beheerder" if args.role == "admin" else "adviseur"
    print(f"Adviseur {username} ({role}) is toegevoegd, voor: {', '.join(lokets)}.")
    return 0


def adviser_lokets(args: argparse.Namespace) -> int:
    from assistant.gateway.handoff.auth import AuthError, set_lokets

    sessions = _sessions()
    if sessions is None:
        return 1
    try:
        lokets = set_lokets(sessions, args.username, args.loket)
    except AuthError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"Adviseur {args.username.strip().lower()} werkt nu voor: {', '.join(lokets)}.")
    return 0


def adviser_list(_args: argparse.Namespace) -> int:
    from assistant.gateway.handoff.auth import lokets_by_adviser
    from assistant.gateway.handoff.models import Adviser

    sessions = _sessions()
    if sessions is None:
        return 1
    with sessions() as db:
        advisers = list(db.execute(select(Adviser).order_by(Adviser.username)).scalars())
    lokets = lokets_by_adviser(sessions)
    if not advisers:
        print("Er zijn nog geen adviseurs. Voeg er een toe met: koers adviser add --username NAAM")
        return 0
    for a in advisers:
        state = "actief" if a.active else "uitgezet"
        last = a.last_login_at.strftime("%Y-%m-%d %H:%M") if a.last_login_at else "nooit"
        where = ", ".join(lokets.get(int(a.id), [])) or "geen loket"
        print(f"{a.username}\t{a.role}\t{state}\t{where}\tlaatst ingelogd: {last}")
    return 0


@contextmanager
def _output(path: str) -> Iterator[IO[str]]:
    if path in ("", "-"):
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as handle:
        yield handle


def export_transcripts(args: argparse.Namespace) -> int:
    from assistant.gateway.console import transcripts

    since: date | None = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            print(f"'{args.since}' is geen datum. Gebruik JJJJ-MM-DD.", file=sys.stderr)
            return 2
    sessions = _sessions()
    if sessions is None:
        return 1
    try:
        with _output(args.output) as out:
            if args.format == "rasa-nlu":
                result = transcripts.export_nlu(sessions, since)
                out.write(result.yaml_text)
                print(f"{result.examples} voorbeelden geëxporteerd, {result.skipped} overgeslagen.", file=sys.stderr)
            else:
                count = 0
                for line in transcripts.export_jsonl(sessions, since):
                    out.write(line + "\n")
                    count += 1
                print(f"{count} gesprekken geëxporteerd.", file=sys.stderr)
    except OSError as exc:
        print(f"Kan niet schrijven naar {args.output}: {exc}", file=sys.stderr)
        return 1
    return 0


def retention_purge(_args: argparse.Namespace) -> int:
    from assistant.privacy.retention import purge_older_than

    settings = Settings.from_env()
    sessions = make_session_factory(make_engine(settings.database_url))
    try:
        result = purge_older_than(sessions, settings.retention_days)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"Verwijderd (ouder dan {settings.retention_days} dagen): {result}.")
    return 0
