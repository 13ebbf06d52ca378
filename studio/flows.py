"""What the studio does to templates: create, save, roll back, duplicate, delete, import,
export, list versions and compare them. Views call these; each raises `StudioError` with
what to tell the user, and changes nothing when it does.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from studio.drafts import DraftError, Problem, draft_file, workspace_cases
from studio.schemas import Base, Draft
from widgets.gallery import gallery
from widgets.models import WidgetTemplate, WidgetTemplateVersion, template_name_for
from widgets.templates import RenderError, WidgetFile, WidgetFileError

MAX_IMPORT_BYTES = 1_048_576
# The preview a file gets when its template does not render (work in progress is saved too):
# a widget, as ChatKit's tools expect one there, that says what happened.
NOT_RENDERED_PREVIEW = {
    "type": "Card",
    "children": [
        {
            "type": "Text",
            "value": "This version of the template did not render with its first sample case.",
            "color": "secondary",
        }
    ],
}


@dataclass
class StudioError(Exception):
    status: int
    code: str
    message: str
    problems: list[Problem] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


def find_template(name: str) -> WidgetTemplate:
    template = (
        WidgetTemplate.objects.filter(name=name, current_version__isnull=False)
        .select_related("current_version")
        .first()
    )
    if template is None:
        raise StudioError(404, "not_found", f"There is no template called {name!r}.")
    return template


def starting_point(name: str) -> tuple[WidgetFile, Base | None]:
    """A template to start a new one from: a saved template (with the version it is at)
    or a gallery file that is not installed."""
    template = WidgetTemplate.objects.filter(name=name, current_version__isnull=False).first()
    if template is not None:
        return template.to_widget_file(), Base(name=name, version=template.current_version.number)
    if name in gallery():
        return gallery()[name], None
    raise StudioError(404, "not_found", f"There is no template called {name!r}.")


def _base_file(base: Base | None) -> WidgetFile | None:
    if base is None:
        return None
    version = (
        WidgetTemplateVersion.objects.filter(template__name=base.name, number=base.version)
        .select_related("template")
        .first()
    )
    return version.to_widget_file() if version else None


def file_for(draft: Draft, previous: WidgetFile | None) -> WidgetFile:
    """The `.widget` file to save or export for `draft`, edited from `previous`.

    Whatever the draft did not change stays as `previous` had it, so a file goes out as it
    came in: sample cases it did not write (derived from ChatKit Studio's project) stay
    unwritten, and an unchanged template keeps its `outputJsonPreview`. Otherwise the
    preview is the first sample case rendered, or a card saying it does not render.
    """
    try:
        widget_file = draft_file(draft)
    except DraftError as error:
        raise StudioError(
            400,
            "invalid_draft",
            "Fix the problems first: this is not a .widget file yet.",
            error.problems,
        ) from None
    if previous is not None:
        cases = workspace_cases(previous)
        if not previous.sample_data and widget_file.sample_data == cases:
            widget_file.sample_data = []
        unchanged = (
            widget_file.template == previous.template
            and widget_file.json_schema == previous.json_schema
            and workspace_cases(widget_file) == cases
        )
        if unchanged:
            widget_file.output_json_preview = previous.output_json_preview
            return widget_file
    try:
        widget_file.output_json_preview = widget_file.render(
            workspace_cases(widget_file)[0]["data"]
        )
    except RenderError:
        widget_file.output_json_preview = NOT_RENDERED_PREVIEW
    return widget_file


def free_name(wanted: str) -> str:
    """`wanted`, or `wanted_2`, `wanted_3`... whichever no template has yet."""
    taken = set(
        WidgetTemplate.objects.filter(name__startswith=wanted[:90]).values_list("name", flat=True)
    )
    taken.update(gallery())
    name, number = wanted[:100], 2
    while name in taken:
        suffix = f"_{number}"
        name = wanted[: 100 - len(suffix)] + suffix
        number += 1
    return name


def _create(widget_file: WidgetFile, name: str, message: str, author: Any) -> WidgetTemplate:
    try:
        with transaction.atomic():
            template = WidgetTemplate(name=name, title=widget_file.name)
            template.save_version(widget_file, message=message, author=author)
    except IntegrityError:
        raise StudioError(
            409, "name_taken", f"A template called {name!r} exists already: pick another name."
        ) from None
    except WidgetFileError as error:
        raise StudioError(400, "invalid_file", str(error)) from None
    return template


def create(draft: Draft, name: str, message: str, author: Any, base: Base | None) -> WidgetTemplate:
    if name in gallery() or WidgetTemplate.objects.filter(name=name).exists():
        raise StudioError(
            409, "name_taken", f"A template called {name!r} exists already: pick another name."
        )
    widget_file = file_for(draft, _base_file(base))
    return _create(widget_file, name, message or "Created in the studio", author)


def save(
    template: WidgetTemplate, draft: Draft, message: str, author: Any, base_version: int
) -> WidgetTemplateVersion:
    """Save `draft` as the newest version, unless someone saved since `base_version`."""
    current = template.current_version
    if current.number != base_version:
        who = current.author.get_username() if current.author else "someone"
        raise StudioError(
            409,
            "conflict",
            f"Version {current.number} was saved by {who} after the version {base_version} you "
            "edited. Reload to see it, or save again to replace it with yours.",
            details={"current_version": current.number},
        )
    widget_file = file_for(draft, current.to_widget_file(template))
    if widget_file.to_dict() == current.to_widget_file(template).to_dict():
        raise StudioError(409, "unchanged", f"Nothing changed since version {current.number}.")
    return template.save_version(widget_file, message=message, author=author)


def rollback(template: WidgetTemplate, number: int, author: Any) -> WidgetTemplateVersion:
    if not template.versions.filter(number=number).exists():
        raise StudioError(404, "not_found", f"{template.name} has no version {number}.")
    if template.current_version.number == number:
        raise StudioError(409, "unchanged", f"Version {number} is the current version already.")
    return template.rollback(number, author=author)


def duplicate(template: WidgetTemplate, name: str | None, author: Any) -> WidgetTemplate:
    name = name or free_name(f"{template.name}_copy")
    if name in gallery() or WidgetTemplate.objects.filter(name=name).exists():
        raise StudioError(
            409, "name_taken", f"A template called {name!r} exists already: pick another name."
        )
    widget_file = template.to_widget_file()
    widget_file.name = f"{widget_file.name} (copy)"[:200]
    message = f"Duplicated from {template.name} version {template.current_version.number}"
    return _create(widget_file, name, message, author)


def import_upload(upload: UploadedFile, author: Any) -> WidgetTemplate:
    """A new template from an uploaded `.widget` file (never replaces an existing one)."""
    filename = PurePath(upload.name or "").name
    if not filename.lower().endswith(".widget"):
        raise StudioError(
            400, "not_widget_file", f"Only .widget files can be imported; got {filename!r}."
        )
    if upload.size > MAX_IMPORT_BYTES:
        raise StudioError(
            413,
            "too_large",
            f"{filename} is {upload.size:,} bytes; the limit is {MAX_IMPORT_BYTES:,}.",
        )
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        raise StudioError(400, "invalid_file", f"{filename} is not UTF-8 text.") from None
    try:
        widget_file = WidgetFile.loads(text)
    except WidgetFileError as error:
        problems = [Problem("details", e.pointer, e.message) for e in error.errors]
        raise StudioError(
            400, "invalid_file", f"{filename} is not a .widget file: {error}", problems
        ) from None
    except RecursionError:
        raise StudioError(400, "invalid_file", f"{filename} is nested too deeply.") from None
    name = free_name(template_name_for(widget_file.name))
    return _create(widget_file, name, f"Imported from {filename}", author)


def export(draft: Draft, base: Base | None) -> WidgetFile:
    return file_for(draft, _base_file(base))


# --- history ---------------------------------------------------------------------------------


def versions(template: WidgetTemplate) -> list[dict[str, Any]]:
    current = template.current_version_id
    return [
        {
            "number": version.number,
            "message": version.message,
            "author": version.author.get_username() if version.author else None,
            "created_at": version.created_at.isoformat(),
            "is_current": version.pk == current,
        }
        for version in template.versions.select_related("author").order_by("-number")
    ]


def _sections(widget_file: WidgetFile) -> dict[str, str]:
    """The parts of a file a person compares, as text."""
    return {
        "Template": widget_file.template.rstrip("\n") + "\n",
        "Data schema": json.dumps(widget_file.json_schema, indent=2, ensure_ascii=False) + "\n",
        "Sample data": json.dumps(workspace_cases(widget_file), indent=2, ensure_ascii=False)
        + "\n",
    }


def diff(template: WidgetTemplate, old: int, new: int) -> list[dict[str, Any]]:
    """What changed from version `old` to version `new`: per section, unified diff lines
    as `{"kind": "add" | "remove" | "context" | "hunk", "text"}`."""
    found = {v.number: v for v in template.versions.filter(number__in=[old, new])}
    for number in (old, new):
        if number not in found:
            raise StudioError(404, "not_found", f"{template.name} has no version {number}.")
    before = _sections(found[old].to_widget_file(template))
    after = _sections(found[new].to_widget_file(template))
    kinds = {"+": "add", "-": "remove", " ": "context", "@": "hunk"}
    sections = []
    for title in before:
        lines = list(
            difflib.unified_diff(
                before[title].splitlines(), after[title].splitlines(), lineterm="", n=2
            )
        )[2:]
        if lines:
            sections.append(
                {
                    "title": title,
                    "lines": [{"kind": kinds[line[:1]], "text": line[1:]} for line in lines],
                }
            )
    return sections
