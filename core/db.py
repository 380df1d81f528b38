"""Database functions shared by the apps."""

import datetime

from django.db import models
from django.db.backends.signals import connection_created

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
