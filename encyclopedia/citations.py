"""How to cite a page, in the styles readers of a medical encyclopedia use.

NLM (Citing Medicine) is the style medical encyclopedias print; APA, AMA and MLA
follow. Each citation carries the date the reader accessed the page ("cited").
"""

import datetime
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

_NLM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def nlm_date(day: datetime.date) -> str:
    return f"{day.year} {_NLM_MONTHS[day.month - 1]} {day.day:02d}"


def long_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def mla_date(day: datetime.date) -> str:
    return f"{day.day} {_MLA_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class PageCitation:
    title: str
    url: str
    encyclopedia: str
    publisher: str
    place: str
    updated_on: datetime.date
    reviewed_on: datetime.date | None
    cited_on: datetime.date

    def nlm(self) -> SafeString:
        dates = [f"updated {nlm_date(self.updated_on)}"]
        if self.reviewed_on:
            dates.append(f"reviewed {nlm_date(self.reviewed_on)}")
        dates.append(f"cited {nlm_date(self.cited_on)}")
        return format_html(
            "{} [Internet]. {}: {}; c{}. {}; [{}]. Available from: {}",
            self.encyclopedia,
            self.place,
            self.publisher,
            self.cited_on.year,
            self.title,
            "; ".join(dates),
            self.url,
        )

    def apa(self) -> SafeString:
        return format_html(
            "{}. ({}, {} {}). {}. In <i>{}</i>. Retrieved {}, from {}",
            self.publisher,
            self.updated_on.year,
            f"{self.updated_on:%B}",
            self.updated_on.day,
            self.title,
            self.encyclopedia,
            long_date(self.cited_on),
            self.url,
        )

    def ama(self) -> SafeString:
        return format_html(
            "{}. {}. Updated {}. Accessed {}. {}",
            self.title,
            self.encyclopedia,
            long_date(self.updated_on),
            long_date(self.cited_on),
            self.url,
        )

    def mla(self) -> SafeString:
        return format_html(
            "“{}.” <i>{}</i>, {}, {}, {}. Accessed {}.",
            self.title,
            self.encyclopedia,
            self.publisher,
            mla_date(self.updated_on),
            self.url,
            mla_date(self.cited_on),
        )

    def styles(self) -> list[tuple[str, SafeString]]:
        return [
            ("NLM", self.nlm()),
            ("APA", self.apa()),
            ("AMA", self.ama()),
            ("MLA", self.mla()),
        ]
