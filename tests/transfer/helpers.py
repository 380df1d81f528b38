"""Running imports in tests."""

from accounts.services import system_user
from transfer.services import FileResult, SourceFile, import_sources, sources_from_paths


def source(name: str, data: bytes | str) -> SourceFile:
    data = data.encode() if isinstance(data, str) else data
    return SourceFile(name=name, read=lambda: data)


def run_import(*items, user=None, dry_run: bool = False, **kwargs) -> list[FileResult]:
    """Import files given as paths or SourceFiles, as `import_articles` would."""
    sources = []
    for item in items:
        if isinstance(item, SourceFile):
            sources.append(item)
        else:
            sources += list(sources_from_paths([str(item)]))
    return import_sources(sources, user=user or system_user(), dry_run=dry_run, **kwargs)


def only(results: list[FileResult]) -> FileResult:
    assert len(results) == 1, results
    return results[0]


class _Rollback(Exception):
    pass


def rolled_back_export(build) -> str:
    """The JSON export of what `build()` creates, which is then rolled back: the database
    is left as it was (empty, for a round trip)."""
    from django.db import transaction

    from transfer.services import catalogue_json

    try:
        with transaction.atomic():
            build()
            raise _Rollback(catalogue_json())
    except _Rollback as rollback:
        return rollback.args[0]
