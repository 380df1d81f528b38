from django.apps import AppConfig


class EncyclopediaConfig(AppConfig):
    name = "encyclopedia"
    verbose_name = "Encyclopedia content"

    def ready(self) -> None:
        from encyclopedia import signals  # noqa: F401 — connects the cache's receivers
