from collections.abc import Callable
from functools import cached_property

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """A paginator that counts with a cheaper query than the one that fetches the rows
    (the same filters, without the joins that only the displayed columns need)."""

    def __init__(self, object_list, per_page, *, count: Callable[[], int], **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count()
