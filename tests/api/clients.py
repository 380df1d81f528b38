from rest_framework.test import APIClient

ME = "/api/v1/me/"


def bearer(key: str, scheme: str = "Bearer") -> APIClient:
    """An API client sending `key` as a script does."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{scheme} {key}")
    return client
