import datetime

from django import template

register = template.Library()


@register.filter
def in_words(span: datetime.timedelta | None) -> str:
    """A span as a person says it: "1 hour", "90 minutes", "2 days"."""
    if not span:
        return ""
    minutes = round(span.total_seconds() / 60)
    for unit, size in (("day", 24 * 60), ("hour", 60)):
        if minutes >= size and minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


@register.filter
def run_length(span: datetime.timedelta | None) -> str:
    """How long a job ran: "0.4 s", "12 s", "3 min 5 s"."""
    if span is None:
        return ""
    seconds = span.total_seconds()
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{round(seconds)} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
