"""The review-schedule figures, defined once: where published articles stand against
their Review Date (current, due soon, never reviewed, overdue by age). The dashboard
counts them live; the nightly snapshot records them for the trend."""

import datetime

from django.db.models import Count, Q

from encyclopedia.schedule import ReviewWindow

AGE_BUCKETS = [
    ("overdue_1_30", 1, 30),
    ("overdue_31_90", 31, 90),
    ("overdue_91_180", 91, 180),
    ("overdue_181_365", 181, 365),
    ("overdue_over_365", 366, None),
]


def schedule_buckets(*, today: datetime.date, due_soon_days: int) -> dict:
    """Count expressions for where published articles stand against their Review Date."""
    window = ReviewWindow.on(today, due_soon_days=due_soon_days)
    counts = {"published": Count("pk")}
    for state in ("never_reviewed", "current", "due_soon"):
        counts[state] = Count("pk", filter=window.condition(state))
    for name, low, high in AGE_BUCKETS:
        condition = Q(next_review_due__lte=today - datetime.timedelta(days=low))
        if high is not None:
            condition &= Q(next_review_due__gte=today - datetime.timedelta(days=high))
        counts[name] = Count("pk", filter=condition)
    return counts
