"""Importing a batch of files, each all-or-nothing, and reporting on each.

A file is read and checked completely before its transaction opens; then everything it
asks for is written in that one transaction, or — on any refusal — none of it. A dry
run writes it all and rolls it back, so it reports exactly what a real run would do.
One bad file never stops the others.

Pages that carry no article number are imported last: a new article gets the next free
number, which must not be one that another page of the same batch is about to claim.
"""

import datetime
import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from accounts.models import Specialty, User
from core.errors import DomainError
from transfer.services import catalogue, importing, pages
from transfer.services.importing import ArticleOutcome
from transfer.services.records import ImportProblem, ParsedFile

logger = logging.getLogger(__name__)

PAGE_SUFFIXES = (".html", ".htm")
CATALOGUE_SUFFIXES = (".json",)
MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024  # uncompressed, all members together
# One member is read into memory and parsed whole: this keeps a worker under 300 MB
# whatever an archive holds (a JSON export larger than this is imported as a file).
MAX_MEMBER_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """One file to import: its name for the messages, and how to read it."""

    name: str
    read: Callable[[], bytes]


@dataclass
class FileResult:
    name: str
    status: str  # imported, failed, skipped
    message: str
    articles: list[ArticleOutcome] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    @property
    def imported(self) -> bool:
        """False for a file refused or skipped: either way, nothing of it is in Stet."""
        return self.status == "imported"


# --- Where files come from ----------------------------------------------------------------


def sources_from_paths(paths: Iterable[str]) -> Iterator[SourceFile]:
    """Files named on the command line: pages, JSON exports, folders of them, .zip archives."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in (*PAGE_SUFFIXES, *CATALOGUE_SUFFIXES, ".zip"):
                    yield from sources_from_paths([str(child)])
        elif path.suffix.lower() == ".zip" and path.is_file():
            yield from sources_from_zip(path.open("rb"), prefix=f"{given}:")
        else:
            yield SourceFile(name=str(given), read=_file_reader(path))


def _file_reader(path: Path) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            size = path.stat().st_size
            limit = _limit_for(path.name)
            if size > limit:
                raise ImportProblem(_too_big(size, limit))
            return path.read_bytes()
        except FileNotFoundError:
            raise ImportProblem("no such file") from None
        except IsADirectoryError:
            raise ImportProblem("is a folder with nothing to import") from None
        except OSError as error:
            raise ImportProblem(f"cannot be read ({error.strerror})") from None

    return read


def sources_from_zip(fileobj, *, prefix: str = "", label: str = "") -> list[SourceFile]:
    """The files in a .zip archive, read one at a time and never unpacked to disk.

    Limits stand between a hostile archive and the worker: no more than MAX_ZIP_MEMBERS
    files, MAX_ZIP_BYTES uncompressed in all, and each file within its own type's limit
    — checked against the sizes the archive declares and again while reading (a
    declared size can lie).
    """
    label = label or prefix.rstrip(":") or "the archive"
    try:
        archive = zipfile.ZipFile(fileobj)
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and not _is_system_file(info.filename)
        ]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return [_failing(label, "is not a readable .zip archive")]
    if len(members) > MAX_ZIP_MEMBERS:
        return [_failing(label, f"holds {len(members):,} files; at most {MAX_ZIP_MEMBERS:,}")]
    if sum(info.file_size for info in members) > MAX_ZIP_BYTES:
        return [_failing(label, _too_big(sum(i.file_size for i in members), MAX_ZIP_BYTES))]
    if not members:
        return [_failing(label, "is an empty archive")]
    sources: list[SourceFile] = []
    seen: dict[str, int] = {}
    for info in members:
        # An archive may hold two members of one name; each file's name is its identity.
        seen[info.filename] = seen.get(info.filename, 0) + 1
        count = seen[info.filename]
        name = info.filename if count == 1 else f"{info.filename} ({count})"
        if _is_unsafe(info.filename):
            # Never unpacked, so harmless here; but a name that climbs out of its folder
            # is a hostile archive's, and is reported, not quietly left out.
            sources.append(_failing(f"{prefix}{name}", "has an unsafe name (absolute, or ..)"))
            continue
        sources.append(SourceFile(name=f"{prefix}{name}", read=_member_reader(archive, info)))
    return sources


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        limit = min(_limit_for(info.filename), MAX_MEMBER_BYTES)
        if info.file_size > limit:
            raise ImportProblem(_too_big(info.file_size, limit))
        try:
            with archive.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as error:
            raise ImportProblem(f"cannot be unpacked ({error})") from None
        if len(data) > limit:
            raise ImportProblem(_too_big(len(data), limit))
        return data

    return read


def _failing(name: str, message: str) -> SourceFile:
    def read() -> bytes:
        raise ImportProblem(message)

    return SourceFile(name=name, read=read)


def _is_system_file(filename: str) -> bool:
    """What macOS and Windows add to an archive: never content, left out quietly."""
    parts = PurePosixPath(filename).parts
    return (
        "__MACOSX" in parts
        or parts[-1] in (".DS_Store", "Thumbs.db")
        or (parts[-1].startswith("._"))
    )


def _is_unsafe(filename: str) -> bool:
    path = PurePosixPath(filename.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or ":" in path.parts[0]


def _limit_for(name: str) -> int:
    if name.lower().endswith(CATALOGUE_SUFFIXES):
        return catalogue.MAX_CATALOGUE_BYTES
    return pages.MAX_PAGE_BYTES


def _too_big(size: int, limit: int) -> str:
    return f"the file is {size / 1024 / 1024:.1f} MB; at most {limit // 1024 // 1024} MB"


# --- Reading and writing ----------------------------------------------------------------------


def parse_source(source: SourceFile, *, today: datetime.date) -> ParsedFile | None:
    """The checked content of one file; None for a file that is neither kind."""
    try:
        data = source.read()
        lower = source.name.lower()
        if lower.endswith(CATALOGUE_SUFFIXES):
            return catalogue.parse_catalogue(source.name, data, today=today)
        if lower.endswith(PAGE_SUFFIXES):
            return pages.parse_page(source.name, data, today=today)
        start = data.lstrip()[:1]
        if start == b"{":
            return catalogue.parse_catalogue(source.name, data, today=today)
        if start == b"<":
            return pages.parse_page(source.name, data, today=today)
        return None
    except ImportProblem as problem:
        raise problem.in_file(source.name) from None


class _DryRun(Exception):
    def __init__(self, outcomes: list[ArticleOutcome]) -> None:
        self.outcomes = outcomes


def write_parsed(
    parsed: ParsedFile,
    *,
    user: User,
    dry_run: bool = False,
    default_specialty: Specialty | None = None,
) -> FileResult:
    """Write one file in its own transaction (rolled back for a dry run)."""
    name = parsed.name
    try:
        with transaction.atomic():
            outcomes = importing.write_file(
                parsed, user=user, now=timezone.now(), default_specialty=default_specialty
            )
            if dry_run:
                raise _DryRun(outcomes)
    except _DryRun as dry:
        outcomes = dry.outcomes
    except ImportProblem as problem:
        return FileResult(name, "failed", problem.in_file(name).message)
    except ValidationError as invalid:
        return FileResult(name, "failed", f"{name}: {' '.join(invalid.messages)}")
    except DomainError as refusal:
        return FileResult(name, "failed", f"{name}: {refusal.message}")
    except (IntegrityError, DataError) as error:
        # E.g. another import created the same article number a moment ago.
        logger.warning("Import of %s refused by the database: %s", name, error)
        return FileResult(
            name,
            "failed",
            f"{name}: the database refused it ({str(error).splitlines()[0][:200]}); "
            "nothing from this file was saved — import it again",
        )
    return FileResult(name, "imported", _summary(name, outcomes, dry_run), outcomes)


def import_sources(
    sources: Iterable[SourceFile],
    *,
    user: User,
    dry_run: bool = False,
    default_specialty: Specialty | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Import each file on its own; `on_result` hears about each as it is done."""
    results: list[FileResult] = []
    today = timezone.localdate()

    def done(result: FileResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    deferred: list[ParsedFile] = []
    for source in sources:
        try:
            parsed = parse_source(source, today=today)
        except ImportProblem as problem:
            done(FileResult(source.name, "failed", problem.message))
            continue
        if parsed is None:
            done(
                FileResult(
                    source.name,
                    "skipped",
                    f"{source.name}: skipped, neither an HTML page nor a Stet JSON export",
                )
            )
        elif parsed.carries_numbers:
            done(
                write_parsed(
                    parsed, user=user, dry_run=dry_run, default_specialty=default_specialty
                )
            )
        else:
            deferred.append(parsed)
    for parsed in deferred:
        done(write_parsed(parsed, user=user, dry_run=dry_run, default_specialty=default_specialty))
    return results


def _summary(name: str, outcomes: list[ArticleOutcome], dry_run: bool) -> str:
    verb = "would be" if dry_run else ""
    if len(outcomes) == 1:
        only = outcomes[0]
        what = {
            "created": "created",
            "updated": "updated",
            "review": "given a new Review Date or credits",
            "unchanged": "unchanged",
            "skipped": "left as it is",
        }[only.outcome]
        head = f"{only.number} {only.title!r} {verb + ' ' if verb else ''}{what}"
        if not only.note:
            return f"{name}: {head}"
        return f"{name}: {head}" + (
            f": {only.note}" if only.outcome == "skipped" else f" ({only.note})"
        )
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
    parts = [f"{n} {kind}" for kind, n in sorted(counts.items())] or ["no articles"]
    return f"{name}: {', '.join(parts)}" + (" (dry run: nothing saved)" if dry_run else "")
