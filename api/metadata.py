"""What OPTIONS answers: the endpoint's name, description and formats, and which
methods it allows (the Allow header). The inputs are described once, in the OpenAPI
schema (/api/schema/); DRF's default would build a form for each method by loading the
object, which the views here resolve themselves."""

from rest_framework.metadata import SimpleMetadata


class StetMetadata(SimpleMetadata):
    def determine_metadata(self, request, view):
        metadata = super().determine_metadata(request, view)
        metadata.pop("actions", None)
        metadata["schema"] = "/api/schema/"
        return metadata

    def determine_actions(self, request, view):
        return {}
