from django.utils.functional import SimpleLazyObject

from accounts.selectors import licence_notice
from core.clock import today


def licence(request):
    """The signed-in reviewer's licence notice, read only by pages that show it."""
    return {"licence_notice": SimpleLazyObject(lambda: licence_notice(request.user, today=today()))}
