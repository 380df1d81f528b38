"""Cursor pagination: stable pages while the catalogue changes under a long export (an
offset would skip or repeat rows when an article is added during the walk)."""

from rest_framework.pagination import CursorPagination


class StetCursorPagination(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "pk"


class ArticlePagination(StetCursorPagination):
    # The article number is unique and never changes: the ideal cursor.
    ordering = "number"


class RevisionPagination(StetCursorPagination):
    ordering = "-number"


class CyclePagination(StetCursorPagination):
    # Most urgent first; the id breaks ties between cycles due the same day.
    ordering = ("due_on", "pk")


class ReviewerPagination(StetCursorPagination):
    ordering = ("credit_name", "pk")
