"""DRF's browsable API, fitted to Stet's views."""

from rest_framework.renderers import BrowsableAPIRenderer


class StetBrowsableAPIRenderer(BrowsableAPIRenderer):
    """The browsable API with the raw JSON form only: Stet's inputs nest lists (sections,
    references), which DRF's HTML forms cannot show, and its list filters are query
    parameters documented at /api/docs/, not filter backends."""

    def get_rendered_html_form(self, data, view, method, request):
        return None

    def get_filter_form(self, data, view, request):
        return None
