import subprocess
import sys

from assistant.cli import build_parser, main


def test_help_lists_every_command(capsys):
    main([])
    out = capsys.readouterr().out
    for command in ("advise", "db", "train", "run", "serve", "adviser", "export", "telegram"):
        assert command in out


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "koers" in result.stdout


def test_db_upgrade_command_creates_tables(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("KOERS_HOME", str(tmp_path))
    assert main(["db", "upgrade"]) == 0
    assert "Database bijgewerkt" in capsys.readouterr().out
    from sqlalchemy import inspect

    from assistant.storage.db import make_engine

    tables = set(inspect(make_engine(url)).get_table_names())
    assert {"conversations", "messages", "alembic_version"} <= tables


def test_unknown_command_is_refused():
    parser = build_parser()
    try:
        parser.parse_args(["bestaat-niet"])
    except SystemExit as exc:
        assert exc.code == 2
    else:  # pragma: no cover - argparse always exits here
        raise AssertionError("argparse accepted an unknown command")
