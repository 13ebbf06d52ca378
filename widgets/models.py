"""Widget templates and their versions.

A `WidgetTemplate` is a named `.widget` template; every saved edit is a new, numbered
`WidgetTemplateVersion` holding the file's fields, and rolling back saves a copy of an old
version as the newest. JSON documents are stored as text, not as a database JSON type, so
their key order survives any database (PostgreSQL's `jsonb` sorts keys) and an exported
file matches the imported one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.conf import settings
from django.db import models, transaction

from widgets.templates import WidgetFile, WidgetFileError, render_widget, structure_errors


class JSONTextField(models.TextField):
    """A JSON value stored as its JSON text."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        return None if value is None else json.loads(value)

    def to_python(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    def get_prep_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def value_to_string(self, obj: models.Model) -> str:
        return self.get_prep_value(self.value_from_object(obj)) or ""


def template_name_for(title: str) -> str:
    """A template name (`order_status`) for a display name (`Order status`)."""
    slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:100].strip("_")
    return slug or "widget"


class WidgetTemplate(models.Model):
    name = models.SlugField(
        max_length=100, unique=True, help_text="Used by agents and by /widget NAME in the demo."
    )
    title = models.CharField(max_length=200, help_text="The .widget file's name.")
    description = models.TextField(blank=True)
    is_builtin = models.BooleanField("built-in", default=False)
    current_version = models.ForeignKey(
        "WidgetTemplateVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def import_widget_file(
        cls,
        widget_file: WidgetFile,
        *,
        name: str | None = None,
        author: Any = None,
        message: str = "Imported",
        is_builtin: bool = False,
    ) -> WidgetTemplate:
        """Create or update the template `name` (default: from the file's name) from a file;
        a new version is saved only when the content differs from the current one."""
        with transaction.atomic():
            template, _ = cls.objects.select_for_update().get_or_create(
                name=name or template_name_for(widget_file.name),
                defaults={"title": widget_file.name, "is_builtin": is_builtin},
            )
            current = template.current_version
            unchanged = (
                current is not None
                and current.to_widget_file(template).to_dict() == widget_file.to_dict()
                and template.is_builtin == is_builtin
            )
            if not unchanged:
                template.is_builtin = is_builtin
                template.save_version(widget_file, message=message, author=author)
        return template

    def save_version(
        self, widget_file: WidgetFile, *, message: str = "", author: Any = None
    ) -> WidgetTemplateVersion:
        """Save `widget_file` as the newest version (its name and description become the
        template's title and description). Raises `WidgetFileError` for a malformed file;
        a template that renders badly is saved, so work in progress is never lost."""
        errors = structure_errors(widget_file.to_dict())
        if errors:
            raise WidgetFileError(errors)
        with transaction.atomic():
            if self.pk is None:
                self.save()
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            last = locked.versions.aggregate(last=models.Max("number"))["last"] or 0
            version = WidgetTemplateVersion.objects.create(
                template=self,
                number=last + 1,
                source=widget_file.template,
                json_schema=widget_file.json_schema,
                sample_data=widget_file.sample_data,
                output_preview=widget_file.output_json_preview,
                encoded_widget=widget_file.encoded_widget,
                extra=widget_file.extra,
                message=message,
                author=author,
            )
            self.title = widget_file.name
            self.description = widget_file.description
            self.current_version = version
            self.save()
        return version

    def rollback(self, number: int, *, author: Any = None) -> WidgetTemplateVersion:
        """Make version `number` current again, as a new version copying it."""
        old = self.versions.get(number=number)
        return self.save_version(
            old.to_widget_file(self), message=f"Rolled back to version {number}", author=author
        )

    def to_widget_file(self) -> WidgetFile:
        if self.current_version is None:
            raise WidgetTemplateVersion.DoesNotExist(f"{self.name} has no saved version")
        return self.current_version.to_widget_file(self)

    def export(self) -> dict[str, Any]:
        """The current version as a `.widget` document."""
        return self.to_widget_file().to_dict()

    def render(self, data: dict[str, Any] | None = None, *, sample: str | None = None) -> dict:
        """The current version rendered with `data` (default: the sample case `sample`, or
        the first one). Raises `widgets.templates.RenderError`."""
        widget_file = self.to_widget_file()
        if data is None:
            data = widget_file.sample(sample)
        return render_widget(widget_file.template, data, widget_file.json_schema)


class WidgetTemplateVersion(models.Model):
    template = models.ForeignKey(WidgetTemplate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    source = models.TextField(help_text="The Jinja template that renders the widget JSON.")
    json_schema = JSONTextField(help_text="JSON Schema of the template's data.")
    sample_data = JSONTextField(default=list, help_text="Named sample cases: [{name, data}].")
    output_preview = JSONTextField(help_text="The widget rendered from sample data.")
    # None: the file had no `encodedWidget` at all, which an empty string cannot say.
    encoded_widget = models.TextField(null=True, blank=True)  # noqa: DJ001
    extra = JSONTextField(default=dict, help_text="Keys of an imported file this server ignores.")
    message = models.CharField(max_length=500, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="widget_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.template_id} v{self.number}"

    def to_widget_file(self, template: WidgetTemplate | None = None) -> WidgetFile:
        template = template or self.template
        return WidgetFile(
            name=template.title,
            description=template.description,
            template=self.source,
            json_schema=self.json_schema,
            output_json_preview=self.output_preview,
            sample_data=self.sample_data,
            encoded_widget=self.encoded_widget,
            extra=self.extra,
        )
