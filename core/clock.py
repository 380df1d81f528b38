"""The editorial calendar.

"Today" is the date in the encyclopedia's time zone (settings.TIME_ZONE), never
the server's local date and never the database's CURRENT_DATE: tests freeze time
in Python, and the database clock cannot be frozen.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus whole calendar months, clamped to the month's end (29 Feb + 12 → 28 Feb)."""
    return day + relativedelta(months=months)
