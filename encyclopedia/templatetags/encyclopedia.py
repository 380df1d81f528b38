import datetime
import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe

from encyclopedia.rendering import render_inline_markdown, render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def inline_markdown(text: str) -> SafeString:
    return render_inline_markdown(text)


@register.filter
def review_date(day: datetime.date | None) -> str:
    """M/D/YYYY, as encyclopedia pages print the Review Date (7/23/2024)."""
    return f"{day.month}/{day.day}/{day.year}" if day else ""


@register.filter
def ld_json(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> block, safe against </script>."""
    return mark_safe(json.dumps(data, indent=None).translate(_json_script_escapes))
