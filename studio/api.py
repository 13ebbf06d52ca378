"""The studio's JSON API (/studio/api/...): staff only, CSRF-protected writes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from studio import flows
from studio.drafts import check_draft, draft_from_file, workspace_cases
from studio.flows import StudioError
from studio.http import read_body, staff_api
from studio.schemas import (
    CreateRequest,
    DuplicateRequest,
    ExportRequest,
    PreviewRequest,
    RollbackRequest,
    SaveRequest,
)
from studio.snippets import agent_snippet
from widgets.models import template_name_for


def _saved(template, version) -> JsonResponse:
    return JsonResponse(
        {
            "name": template.name,
            "version": version.number,
            "url": reverse("studio:workspace", args=[template.name]),
            "draft": draft_from_file(template.to_widget_file()),
        }
    )


@staff_api("POST")
def preview(request: HttpRequest) -> HttpResponse:
    """Problems of a draft (located in its editors) and the chosen sample case rendered."""
    body = read_body(request, PreviewRequest)
    check = check_draft(body.draft, body.case)
    return JsonResponse(
        {"widget": check.widget, "problems": [problem.as_json() for problem in check.problems]}
    )


@staff_api("POST")
def create(request: HttpRequest) -> HttpResponse:
    body = read_body(request, CreateRequest)
    template = flows.create(body.draft, body.name, body.message, request.user, body.base)
    return _saved(template, template.current_version)


@staff_api("GET", "POST")
def versions(request: HttpRequest, name: str) -> HttpResponse:
    """GET: the template's versions, newest first. POST: save a draft as a new version."""
    template = flows.find_template(name)
    if request.method == "GET":
        return JsonResponse({"versions": flows.versions(template)})
    body = read_body(request, SaveRequest)
    version = flows.save(template, body.draft, body.message, request.user, body.base_version)
    return _saved(template, version)


@staff_api("GET")
def diff(request: HttpRequest, name: str) -> HttpResponse:
    template = flows.find_template(name)
    try:
        old, new = int(request.GET["from"]), int(request.GET["to"])
    except (KeyError, ValueError):
        raise StudioError(
            400, "invalid_request", "Give the versions to compare as ?from=N&to=M."
        ) from None
    return JsonResponse({"from": old, "to": new, "sections": flows.diff(template, old, new)})


@staff_api("POST")
def rollback(request: HttpRequest, name: str) -> HttpResponse:
    template = flows.find_template(name)
    body = read_body(request, RollbackRequest)
    version = flows.rollback(template, body.number, request.user)
    return _saved(template, version)


@staff_api("POST")
def duplicate(request: HttpRequest, name: str) -> HttpResponse:
    template = flows.find_template(name)
    body = read_body(request, DuplicateRequest)
    copy = flows.duplicate(template, body.name, request.user)
    return _saved(copy, copy.current_version)


@staff_api("DELETE")
def template(request: HttpRequest, name: str) -> HttpResponse:
    """DELETE: the template and all its versions."""
    flows.find_template(name).delete()
    return JsonResponse({"deleted": name, "url": reverse("studio:gallery")})


@staff_api("POST")
def import_file(request: HttpRequest) -> HttpResponse:
    """A multipart upload of one `.widget` file, field `file`: a new template."""
    declared = request.headers.get("Content-Length") or "0"
    if not declared.isdigit() or int(declared) > flows.MAX_IMPORT_BYTES + 65_536:
        raise StudioError(
            413, "too_large", f"A .widget file may be at most {flows.MAX_IMPORT_BYTES:,} bytes."
        )
    upload = request.FILES.get("file")
    if upload is None:
        raise StudioError(400, "no_file", "Choose a .widget file to import (form field 'file').")
    template = flows.import_upload(upload, request.user)
    return _saved(template, template.current_version)


@staff_api("POST")
def export(request: HttpRequest) -> HttpResponse:
    """The draft as a `.widget` file, for download."""
    body = read_body(request, ExportRequest)
    widget_file = flows.export(body.draft, body.base)
    filename = body.base.name if body.base else template_name_for(widget_file.name)
    response = HttpResponse(widget_file.dumps(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.widget"'
    return response


@staff_api("GET")
def snippet(request: HttpRequest, name: str) -> HttpResponse:
    """Python for an agent that sends the saved template with one of its sample cases."""
    template = flows.find_template(name)
    widget_file = template.to_widget_file()
    cases = workspace_cases(widget_file)
    try:
        case = cases[int(request.GET.get("case", "0"))]
    except (ValueError, IndexError):
        raise StudioError(400, "invalid_request", f"?case= is 0 to {len(cases) - 1}.") from None
    code = agent_snippet(template.name, template.title, case["data"])
    return JsonResponse({"code": code, "case": case["name"]})
