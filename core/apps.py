from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Stet core"

    def ready(self) -> None:
        # Registers the SQLite functions behind core.db's expressions on every connection.
        from core import checks, db  # noqa: F401
