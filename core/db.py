"""Database functions shared by the apps."""

import datetime

from django.db import connection, models
from django.db.backends.signals import connection_created
from django.db.models import sql

from core.clock import add_months


class AddMonths(models.Func):
    """`date + months` in SQL, with the same end-of-month clamping as core.clock.add_months.

    PostgreSQL's `date + interval 'N months'` clamps (31 Jan + 1 month = 28/29 Feb) like
    dateutil does. SQLite's date() modifiers overflow instead (31 Jan → 2/3 Mar), so on
    SQLite the expression calls a Python function registered on each connection.
    """

    output_field = models.DateField()
    arity = 2

    def as_postgresql(self, compiler, connection, **extra_context):
        day, months = self.get_source_expressions()
        day_sql, day_params = compiler.compile(day)
        months_sql, months_params = compiler.compile(months)
        sql = f"(({day_sql}) + make_interval(months => ({months_sql})::int))::date"
        return sql, (*day_params, *months_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="stet_add_months", **extra_context)


def _sqlite_add_months(day: str | None, months: int | None) -> str | None:
    if day is None or months is None:
        return None
    return add_months(datetime.date.fromisoformat(day[:10]), int(months)).isoformat()


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "stet_add_months", 2, _sqlite_add_months, deterministic=True
        )


connection_created.connect(register_sqlite_functions, dispatch_uid="stet_sqlite_functions")


def insert_from_select(model, rows, columns: dict) -> int:
    """INSERT INTO `model`'s table one row per row of the queryset `rows`, filling each
    column named in `columns` (field names or attnames) with its expression.

    The database copies the rows itself, in one statement: nothing is loaded into
    Python, which is what keeps the scheduled jobs set-based at any size.
    """
    sql, params = insert_from_select_sql(model, rows, columns)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def insert_from_select_sql(
    model, rows, columns: dict, *, order_by: tuple[str, ...] = ()
) -> tuple[str, tuple]:
    """The statement `insert_from_select` runs, for a caller that adds to it (a
    conflict clause, RETURNING). `order_by` orders the rows, and so their new ids."""
    aliases = {f"stet_{index}": expression for index, expression in enumerate(columns.values())}
    select_sql, params = (
        rows.order_by(*order_by).annotate(**aliases).values(*aliases).query.sql_with_params()
    )
    quote = connection.ops.quote_name
    column_sql = ", ".join(quote(model._meta.get_field(name).column) for name in columns)
    return f"INSERT INTO {quote(model._meta.db_table)} ({column_sql}) {select_sql}", params


def history_row_columns(model, *, user_id, reason: str, date, history_type: str) -> dict:
    """A simple-history row's columns, as SQL over the row of `model` it records."""
    columns: dict[str, models.Expression | models.F] = {"id": models.F("pk")}
    for field in model._meta.concrete_fields:
        if not field.primary_key:
            columns[field.attname] = models.F(field.attname)
    columns.update(
        history_date=models.Value(date, output_field=models.DateTimeField()),
        history_change_reason=models.Value(reason, output_field=models.TextField()),
        history_type=models.Value(history_type, output_field=models.CharField()),
        history_user_id=models.Value(user_id, output_field=models.BigIntegerField()),
    )
    return columns


def insert_history_from_select(model, rows, *, user_id, reason: str, date, history_type="+"):
    """simple-history rows for the `rows` of `model` as they stand now, in one INSERT …
    SELECT: the set-based twin of `bulk_history_create`."""
    columns = history_row_columns(
        model, user_id=user_id, reason=reason, date=date, history_type=history_type
    )
    return insert_from_select(model.history.model, rows, columns)


def update_with_history(rows, values: dict, *, user_id, reason: str, date) -> int:
    """UPDATE `rows` to `values` and write each changed row's simple-history row ("~",
    as it stands after the change): what `track()` and `save()` write, for rows that
    need not be loaded first. Returns how many rows changed.

    On PostgreSQL it is one statement: the UPDATE in a WITH clause named after its own
    table, so the history SELECT, written by the ORM over the model, reads the rows it
    RETURNS. Elsewhere the rows are picked first, since `rows` may no longer match them
    once updated (a filter on the very column being changed). No save signals are sent:
    callers use it for models that have no receivers.
    """
    model = rows.model
    columns = history_row_columns(
        model, user_id=user_id, reason=reason, date=date, history_type="~"
    )
    if connection.vendor != "postgresql":
        picked = model._base_manager.filter(pk__in=list(rows.values_list("pk", flat=True)))
        changed = models.QuerySet.update(picked, **values)
        if changed:
            insert_from_select(model.history.model, picked, columns)
        return changed
    query = rows.query.chain(sql.UpdateQuery)
    query.add_update_values(values)
    query.annotations = {}
    compiler = query.get_compiler(rows.db)
    compiler.pre_sql_setup()
    update_sql, update_params = compiler.as_sql()
    history_sql, history_params = insert_from_select_sql(
        model.history.model, model._base_manager.all(), columns
    )
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH {table} AS ({update_sql} RETURNING *) {history_sql}",
            (*update_params, *history_params),
        )
        return cursor.rowcount
