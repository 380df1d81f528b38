"""The command twins: `import_articles` reports each file and exits non-zero when any
failed; `export_articles` writes JSON or CSV to stdout or a file."""

import json
import tracemalloc
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from accounts.services import system_user
from encyclopedia.models import Article
from tests.transfer.factories import build_catalogue, page, snapshot
from transfer.services import catalogue_csv_chunks, catalogue_json

pytestmark = pytest.mark.django_db


def run(name: str, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(name, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def bad_page(tmp_path):
    path = tmp_path / "page-3.html"
    path.write_bytes(page(number="000777", review_date="2/30/2026"))
    return path


def test_import_articles_reports_each_file_and_succeeds_when_all_were_imported(pages_dir):
    out, _ = run(
        "import_articles",
        str(pages_dir / "atrial-fibrillation.html"),
        str(pages_dir / "000184.htm"),
    )

    assert "002321 'Atrial fibrillation' created" in out
    assert "000184 'Kidney stones' created" in out
    assert out.strip().endswith("2 of 2 files imported.")
    assert Article.objects.count() == 2


def test_import_articles_exits_non_zero_after_reporting_every_file_when_one_failed(
    pages_dir, bad_page
):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_articles",
            str(bad_page),
            str(pages_dir / "atrial-fibrillation.html"),
            stdout=out,
            stderr=err,
        )

    assert refused.value.returncode == 1
    assert str(refused.value) == "1 of 2 files imported; 1 failed and changed nothing (see above)."
    assert f"{bad_page} line" in err.getvalue()
    assert "Review Date '2/30/2026' is not a real date" in err.getvalue()
    assert "002321 'Atrial fibrillation' created" in out.getvalue()
    assert list(Article.objects.values_list("number", flat=True)) == ["002321"]


def test_the_process_exit_status_is_1_when_a_file_failed(bad_page, capsys):
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "import_articles", str(bad_page)]).execute()

    assert exited.value.code == 1
    assert "is not a real date" in capsys.readouterr().err


def test_a_missing_file_is_a_failure_named_in_the_report(tmp_path):
    with pytest.raises(CommandError):
        run("import_articles", str(tmp_path / "nowhere.html"))


def test_import_articles_dry_run_changes_nothing(pages_dir):
    system_user()
    before = snapshot()

    out, _ = run("import_articles", "--dry-run", str(pages_dir / "atrial-fibrillation.html"))

    assert "would be created" in out
    assert "1 of 1 files imported (dry run: nothing was changed)." in out
    assert snapshot() == before


def test_import_articles_reads_zip_archives_and_folders(tmp_path, pages_dir):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(pages_dir / "atrial-fibrillation.html", "pages/atrial-fibrillation.html")
        zipped.writestr("__MACOSX/._junk.html", b"junk")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "000184.htm").write_bytes((pages_dir / "000184.htm").read_bytes())

    out, _ = run("import_articles", str(archive), str(folder))

    assert f"{archive}:pages/atrial-fibrillation.html: 002321" in out
    assert sorted(Article.objects.values_list("number", flat=True)) == ["000184", "002321"]


def test_a_zip_member_that_unpacks_past_the_limit_is_refused_alone(tmp_path, pages_dir):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("bomb.html", b"<p>" + b"0" * (3 * 1024 * 1024))  # ~3 KB packed
        zipped.write(pages_dir / "000184.htm", "000184.htm")

    with pytest.raises(CommandError) as refused:
        run("import_articles", str(archive))

    assert "1 of 2 files imported" in str(refused.value)
    assert list(Article.objects.values_list("number", flat=True)) == ["000184"]


def test_import_articles_puts_new_articles_from_pages_in_the_given_specialty(pages_dir, cardiology):
    run("import_articles", "--specialty", "cardiology", str(pages_dir / "000184.htm"))

    assert Article.objects.get().specialty == cardiology
    with pytest.raises(CommandError, match="There is no specialty 'surgery'"):
        run("import_articles", "--specialty", "surgery", str(pages_dir / "000184.htm"))


def test_import_articles_as_a_user(pages_dir, brenda):
    run("import_articles", "--as", "brenda", str(pages_dir / "000184.htm"))

    assert Article.objects.get().live_revision.author == brenda


def test_export_articles_writes_the_json_export_to_stdout():
    build_catalogue()

    out, _ = run("export_articles")

    assert out == catalogue_json()
    assert len(json.loads(out)["articles"]) == 8


def test_export_articles_writes_csv_to_a_file(tmp_path):
    build_catalogue()
    path = tmp_path / "articles.csv"

    run("export_articles", "--format", "csv", "--output", str(path))

    assert path.read_bytes().decode() == "".join(catalogue_csv_chunks())  # CRLF kept


def test_export_then_import_through_the_commands_changes_nothing(tmp_path):
    build_catalogue()
    path = tmp_path / "catalogue.json"
    run("export_articles", "--output", str(path))
    before = snapshot()

    out, _ = run("import_articles", str(path))

    assert "1 skipped, 7 unchanged" in out
    assert snapshot() == before


def test_export_articles_refuses_a_since_that_is_not_a_date():
    with pytest.raises(CommandError, match="--since must be a real date as YYYY-MM-DD"):
        run("export_articles", "--since", "2026-02-30")


def test_a_file_that_is_neither_a_page_nor_an_export_is_named_and_fails_the_command(
    pages_dir, tmp_path
):
    notes = tmp_path / "notes.txt"
    notes.write_text("Remember to ask Dr. Okafor about the dose.")

    with pytest.raises(CommandError) as refused:
        run("import_articles", str(notes), str(pages_dir / "000184.htm"))

    assert refused.value.returncode == 1
    assert str(refused.value) == (
        "1 of 2 files imported; 1 skipped, not a page or an export (see above)."
    )


def test_an_archive_member_whose_name_climbs_out_is_reported_by_name(tmp_path, capsys):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../etc/cron.d/gallstones.html", page())
        zipped.writestr("__MACOSX/._gallstones.html", b"\x00\x05\x16\x07")

    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_articles", str(archive), stdout=out, stderr=err)

    assert "0 of 1 files imported; 1 failed" in str(refused.value)
    assert f"{archive}:../../etc/cron.d/gallstones.html: has an unsafe name" in err.getvalue()
    assert not Article.objects.exists()


def test_a_small_archive_that_unpacks_to_a_huge_member_is_refused_in_little_memory(tmp_path):
    archive = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped,
        zipped.open("catalogue.json", "w") as member,
    ):
        member.write(b'{"articles": [], "padding": "')
        for _ in range(200):
            member.write(b" " * (1024 * 1024))
        member.write(b'"}')
    assert archive.stat().st_size < 1024 * 1024

    tracemalloc.start()
    try:
        with pytest.raises(CommandError, match="0 of 1 files imported; 1 failed"):
            run("import_articles", str(archive))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 64 * 1024 * 1024
