import pytest
from sqlalchemy import inspect, select

from assistant.database import upgrade
from assistant.settings import Settings
from assistant.storage.db import make_engine, make_session_factory
from assistant.storage.models import Conversation, Message


def test_defaults_are_local_and_safe(tmp_path, monkeypatch):
    for name in ("DATABASE_URL", "KOERS_HOST", "KOERS_PORT", "RASA_URL", "KOERS_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KOERS_HOME", str(tmp_path))
    s = Settings.from_env()
    assert s.database_url == f"sqlite:///{tmp_path / 'var' / 'koers.db'}"
    assert s.host == "127.0.0.1"
    assert s.rasa_url.startswith("http://127.0.0.1")
    # The generated secret is kept, so sessions survive a restart.
    assert len(s.secret_key) >= 32
    assert Settings.from_env().secret_key == s.secret_key
    assert oct((tmp_path / "var" / "secret_key").stat().st_mode)[-3:] == "600"


def test_bad_number_in_environment_gives_dutch_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KOERS_HOME", str(tmp_path))
    monkeypatch.setenv("KOERS_PORT", "achtduizend")
    with pytest.raises(ValueError, match="KOERS_PORT moet een heel getal zijn"):
        Settings.from_env()


def test_migrations_are_idempotent_and_data_survives(tmp_path):
    url = f"sqlite:///{tmp_path / 'db' / 'k.db'}"
    upgrade(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions.begin() as db:
        db.add(Conversation(id="c1", channel="web", status="bot"))
        db.add(Message(conversation_id="c1", sender="user", text="hoi"))
    upgrade(url)  # running again must neither fail nor lose data
    with sessions() as db:
        assert db.execute(select(Message.text)).scalar_one() == "hoi"
    assert "conversations" in inspect(engine).get_table_names()


def test_deleting_a_conversation_deletes_its_messages(db_url):
    sessions = make_session_factory(make_engine(db_url))
    with sessions.begin() as db:
        db.add(Conversation(id="c2", channel="web", status="bot"))
        db.add(Message(conversation_id="c2", sender="user", text="x"))
    with sessions.begin() as db:
        db.delete(db.get(Conversation, "c2"))
    with sessions() as db:
        assert db.execute(select(Message)).first() is None
