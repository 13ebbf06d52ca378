"""The studio's pages: the gallery and the workspace (staff only, strict CSP)."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from studio import flows, pages
from studio.flows import StudioError
from studio.http import style_nonce, with_page_csp


@require_GET
@staff_member_required
def gallery(request: HttpRequest) -> HttpResponse:
    nonce = style_nonce()
    context = {"config": pages.gallery_data(request, nonce)}
    return with_page_csp(render(request, "studio/gallery.html", context), nonce)


@require_GET
@staff_member_required
def new(request: HttpRequest) -> HttpResponse:
    """A new, unsaved template: blank, or a copy of `?from=NAME`."""
    name = request.GET.get("from")
    widget_file = source = None
    if name:
        try:
            widget_file, base = flows.starting_point(name)
        except StudioError as error:
            raise Http404(error.message) from None
        source = {"name": name, "version": base.version if base else None}
    nonce = style_nonce()
    config = pages.workspace_data(request, nonce, widget_file, source=source)
    return with_page_csp(render(request, "studio/workspace.html", {"config": config}), nonce)


@require_GET
@staff_member_required
def workspace(request: HttpRequest, name: str) -> HttpResponse:
    try:
        template = flows.find_template(name)
    except StudioError as error:
        raise Http404(error.message) from None
    if template.is_builtin:
        return redirect(f"{reverse('studio:new')}?{urlencode({'from': name})}")
    nonce = style_nonce()
    config = pages.workspace_data(request, nonce, template.to_widget_file(), template=template)
    context = {"config": config, "title": template.title}
    return with_page_csp(render(request, "studio/workspace.html", context), nonce)
