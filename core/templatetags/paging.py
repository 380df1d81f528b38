from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """The current address with its page changed to `number`, every filter kept."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"
