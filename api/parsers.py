"""The API's one request format, JSON, with its own size limit.

The editorial pages accept large bodies so that an oversized paste comes back in its
form with the limit named (reviews.forms); a script gets a 413 before anything of a
body past API_MAX_BODY_BYTES is parsed.
"""

import io

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from rest_framework.parsers import JSONParser


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_MAX_BODY_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if declared.isdigit() and int(declared) > limit:
            raise RequestDataTooBig("The request body is too large.")
        body = stream.read(limit + 1)  # a missing or false Content-Length still stops here
        if len(body) > limit:
            raise RequestDataTooBig("The request body is too large.")
        return super().parse(io.BytesIO(body), media_type, parser_context)
