"""Alembic environment: the URL and the metadata come from the caller, never a file."""

from __future__ import annotations

from alembic import context

from assistant.storage.db import make_engine

config = context.config
# Hand-written migrations do not need it; autogenerate gets it from assistant.database.
target_metadata = config.attributes.get("target_metadata")


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(str(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
