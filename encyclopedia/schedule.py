"""Where a published article stands against its Review Date today: current, due soon
(within the policy's window), overdue, or never reviewed. One definition, used by the
dashboard, the scheduled jobs' metrics and the API."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from encyclopedia.models import Article, ReviewPolicy

REVIEW_STATES = ("current", "due_soon", "overdue", "never_reviewed")


@dataclass(frozen=True)
class ReviewWindow:
    today: datetime.date
    soon: datetime.date  # the last day of the due-soon window

    @classmethod
    def on(cls, today: datetime.date, *, due_soon_days: int | None = None) -> "ReviewWindow":
        if due_soon_days is None:
            due_soon_days = ReviewPolicy.current().due_soon_days
        return cls(today=today, soon=today + datetime.timedelta(days=due_soon_days))

    def condition(self, state: str) -> Q:
        """The filter for published articles in `state`."""
        return {
            "never_reviewed": Q(next_review_due=None),
            "overdue": Q(next_review_due__lt=self.today),
            "due_soon": Q(next_review_due__gte=self.today, next_review_due__lte=self.soon),
            "current": Q(next_review_due__gt=self.soon),
        }[state]

    def state_of(self, article: Article) -> str | None:
        """The state of one article (None: not published)."""
        if article.status != Article.Status.PUBLISHED:
            return None
        due = article.next_review_due
        if due is None:
            return "never_reviewed"
        if due < self.today:
            return "overdue"
        if due <= self.soon:
            return "due_soon"
        return "current"
