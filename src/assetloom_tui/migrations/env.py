"""Alembic environment: runs on the connection the app hands over, never one of its own."""

from alembic import context

from assetloom_tui.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
context.run_migrations()
