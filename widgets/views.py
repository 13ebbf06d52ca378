from django.http import HttpRequest, JsonResponse


def schema(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"$schema": "https://json-schema.org/draft/2020-12/schema"})
