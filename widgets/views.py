from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_GET

from widgets.schema import schema_etag, schema_json


@require_GET
def schema(request: HttpRequest) -> HttpResponse:
    """The widget JSON Schema: public, cacheable, readable from any origin."""
    response = HttpResponse(schema_json(indent=None), content_type="application/json")
    response["ETag"] = schema_etag()
    response = get_conditional_response(request, etag=schema_etag(), response=response)
    # Revalidate hourly: the schema changes only with a server upgrade.
    patch_cache_control(response, public=True, max_age=3600)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
