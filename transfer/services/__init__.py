"""Import and export of the catalogue: the writes (and the export formats) of the
transfer app. Callers use the names below; the modules behind them are:

- records: what a parsed file says (ImportProblem for what is wrong with it);
- pages / catalogue: reading HTML pages / Stet's JSON export into records, checked;
- importing: writing records into Stet (the re-import rules are documented there);
- batch: files, folders and zips, each file all-or-nothing, with a result per file;
- jobs: imports started from the page, run by a Celery task;
- export: the JSON (lossless, round-trips byte for byte) and CSV exports.
"""

from transfer.services.batch import (
    FileResult,
    SourceFile,
    import_sources,
    parse_source,
    sources_from_paths,
    sources_from_zip,
    write_parsed,
)
from transfer.services.export import (
    CSV_COLUMNS,
    catalogue_csv_chunks,
    catalogue_json,
    catalogue_json_chunks,
)
from transfer.services.importing import ArticleOutcome
from transfer.services.jobs import import_job_create, import_job_run, import_upload_problem
from transfer.services.records import ImportProblem

__all__ = [
    "CSV_COLUMNS",
    "ArticleOutcome",
    "FileResult",
    "ImportProblem",
    "SourceFile",
    "catalogue_csv_chunks",
    "catalogue_json",
    "catalogue_json_chunks",
    "import_job_create",
    "import_job_run",
    "import_sources",
    "import_upload_problem",
    "parse_source",
    "sources_from_paths",
    "sources_from_zip",
    "write_parsed",
]
