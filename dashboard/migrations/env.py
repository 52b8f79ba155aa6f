"""Alembic environment: the schema is ``SQLModel.metadata``; the URL comes from settings.

``dashboard.database.migrate`` passes an open connection in ``config.attributes["connection"]``
(so a migration runs under its lock); the ``alembic`` command line gets the URL from
``dashboard.settings`` (``DATABASE_URL``), never from alembic.ini.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from dashboard import models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    from dashboard.settings import get_settings

    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from dashboard.database import make_engine
    from dashboard.settings import get_settings

    engine = make_engine(get_settings().database_url)
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
