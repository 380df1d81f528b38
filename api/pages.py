"""The API's two HTML pages: a person's API keys, and the API's documentation.

The documentation is rendered here from the OpenAPI schema, on the server, with the
site's own stylesheet: no Swagger UI or Redoc bundle is vendored or fetched from a CDN,
and the page works without JavaScript. The browsable API (DRF's own, from its package's
static files) lets a signed-in person try every endpoint at /api/v1/.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST, require_safe
from drf_spectacular.settings import spectacular_settings

from api import selectors, services
from api.models import ApiToken
from core.errors import DomainError
from encyclopedia.rendering import render_markdown

# --- API keys -------------------------------------------------------------------------------


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="What is the key for?",
        help_text='e.g. "site generator" or "search index". The key acts with your roles.',
    )
    lifetime_days = forms.TypedChoiceField(
        label="Works for",
        coerce=int,
        choices=list(services.LIFETIMES.items()),
        initial=services.DEFAULT_LIFETIME_DAYS,
        required=False,
        empty_value=services.DEFAULT_LIFETIME_DAYS,
        help_text="It also stops working if you change your password.",
    )


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """List the person's keys; create one. A new key is shown in this response only:
    it is never stored, so it cannot be shown again."""
    form = ApiTokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.api_token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                lifetime_days=form.cleaned_data["lifetime_days"],
            )
        except DomainError as refusal:
            messages.error(request, refusal.message)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "issued": issued, "tokens": selectors.api_token_list_for(user=request.user)},
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    services.api_token_revoke(token=token, user=request.user)
    messages.success(request, f"The key “{token.name}” is revoked: it no longer works.")
    return redirect("api:tokens")


# --- Documentation -----------------------------------------------------------------------------


@dataclass
class Parameter:
    name: str
    location: str
    required: bool
    type: SafeString
    description: str


@dataclass
class OperationResponse:
    status: str
    description: str
    type: SafeString


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    public: bool
    parameters: list[Parameter] = field(default_factory=list)
    request: SafeString | None = None
    responses: list[OperationResponse] = field(default_factory=list)


@dataclass
class Property:
    name: str
    type: SafeString
    required: bool
    read_only: bool
    description: str


@dataclass
class Component:
    name: str
    description: str
    properties: list[Property]


def type_html(schema: dict) -> SafeString:
    """A schema as a short phrase, linking to named components: "list of Article"."""
    if not schema:
        return mark_safe("any")
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return format_html('<a href="#schema-{}">{}</a>', name, name)
    for combinator in ("allOf", "oneOf", "anyOf"):
        if combinator in schema:
            joiner = " and " if combinator == "allOf" else " or "
            return mark_safe(joiner.join(type_html(part) for part in schema[combinator]))
    kind = schema.get("type", "object")
    if kind == "array":
        text = format_html("list of {}", type_html(schema.get("items", {})))
    elif "enum" in schema:
        values = [value for value in schema["enum"] if value is not None]
        text = format_html(
            "one of {}", format_html_join(", ", "<code>{}</code>", ((v,) for v in values))
        )
    elif kind == "object" and "additionalProperties" in schema:
        text = format_html("object of {}", type_html(schema["additionalProperties"] or {}))
    else:
        text = format_html("{}", f"{kind} ({schema['format']})" if "format" in schema else kind)
    if schema.get("nullable"):
        text = format_html("{} or null", text)
    return text


def _operations(schema: dict) -> dict[str, list[Operation]]:
    by_tag: dict[str, list[Operation]] = {}
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            if method == "parameters":
                continue
            body = spec.get("requestBody", {}).get("content", {}).get("application/json")
            operation = Operation(
                method=method.upper(),
                path=path,
                anchor=spec.get("operationId", f"{method}-{path}"),
                summary=spec.get("summary", ""),
                description=render_markdown(spec.get("description", "")),
                public={} in spec.get("security", []),
                parameters=[
                    Parameter(
                        name=param["name"],
                        location=param["in"],
                        required=param.get("required", False),
                        type=type_html(param.get("schema", {})),
                        description=param.get("description", ""),
                    )
                    for param in spec.get("parameters", [])
                ],
                request=type_html(body["schema"]) if body else None,
                responses=[
                    OperationResponse(
                        status=status,
                        description=render_markdown(response.get("description", "")),
                        type=type_html(
                            response.get("content", {}).get("application/json", {}).get("schema")
                            or {"type": "no body"}
                        ),
                    )
                    for status, response in sorted(spec.get("responses", {}).items())
                ],
            )
            by_tag.setdefault((spec.get("tags") or ["other"])[0], []).append(operation)
    return by_tag


def _components(schema: dict) -> list[Component]:
    components = []
    for name, spec in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(spec.get("required", []))
        components.append(
            Component(
                name=name,
                description=spec.get("description", ""),
                properties=[
                    Property(
                        name=prop_name,
                        type=type_html(prop),
                        required=prop_name in required,
                        read_only=prop.get("readOnly", False),
                        description=prop.get("description", ""),
                    )
                    for prop_name, prop in spec.get("properties", {}).items()
                ],
            )
        )
    return components


def api_schema() -> dict:
    """The OpenAPI document, generated as /api/schema/ serves it."""
    generator = spectacular_settings.DEFAULT_GENERATOR_CLASS()
    return generator.get_schema(request=None, public=True)


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    schema = api_schema()
    return render(
        request,
        "api/docs.html",
        {
            "info": schema.get("info", {}),
            "description": render_markdown(schema.get("info", {}).get("description", "")),
            "operations": sorted(_operations(schema).items()),
            "components": _components(schema),
            "security_schemes": schema.get("components", {}).get("securitySchemes", {}),
        },
    )
