"""`manage.py widgets`: the widget schema, reference, validation and rendering.

    widgets schema [--js]                      the JSON Schema (or static/widgets/schema.js)
    widgets docs                               docs/widgets.md
    widgets validate FILE...                   FILE:JSON_POINTER: message per problem
    widgets render FILE.widget [--data DATA]   the rendered widget JSON

Exit status: 0 when everything is valid, 1 when something is invalid, 2 when a file cannot
be read at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from widgets.docs import catalog_markdown
from widgets.schema import schema_json, schema_module
from widgets.templates import RenderError, WidgetFile, WidgetFileError
from widgets.validation import WidgetError, validate_widget

MAX_FILE_BYTES = 4 * 1024 * 1024


class Unreadable(Exception):
    """A file that could not be read or parsed; the message says why."""


def read_json(path: Path) -> Any:
    if path.is_dir():
        raise Unreadable("is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Unreadable(f"is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except UnicodeDecodeError:
        raise Unreadable("is not UTF-8 text") from None
    except OSError as error:
        raise Unreadable(error.strerror or str(error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(
            f"is not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise Unreadable("is not JSON this server reads: nested too deeply") from None


class Command(BaseCommand):
    help = "Print the widget JSON Schema or reference, validate widgets, render .widget templates."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        schema = actions.add_parser("schema", help="print the widget JSON Schema")
        schema.add_argument(
            "--js", action="store_true", help="print static/widgets/schema.js instead"
        )
        actions.add_parser("docs", help="print the widget reference (docs/widgets.md)")
        validate = actions.add_parser("validate", help="validate widget JSON and .widget files")
        validate.add_argument("files", nargs="+", metavar="FILE")
        render = actions.add_parser("render", help="render a .widget template")
        render.add_argument("file", metavar="FILE.widget")
        render.add_argument("--data", metavar="DATA.json", help="the data (default: its sample)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "schema":
            if options["js"]:
                self.stdout.write(schema_module(), ending="")
            else:
                self.stdout.write(schema_json())
        elif action == "docs":
            self.stdout.write(catalog_markdown(), ending="")
        elif action == "validate":
            self.validate([Path(name) for name in options["files"]])
        else:
            self.render(Path(options["file"]), options["data"] and Path(options["data"]))

    def validate(self, paths: list[Path]) -> None:
        invalid = unreadable = 0
        for path in paths:
            try:
                problems = self.problems(path)
            except Unreadable as error:
                unreadable += 1
                self.stderr.write(f"{path}: {error}")
                continue
            if problems:
                invalid += 1
            for problem in problems:
                self.stdout.write(f"{path}:{problem.pointer}: {problem.message}")
        if unreadable:
            raise CommandError(
                f"{unreadable} of {len(paths)} files could not be read", returncode=2
            )
        if invalid:
            raise CommandError(f"{invalid} of {len(paths)} files are invalid", returncode=1)

    def problems(self, path: Path) -> list[WidgetError]:
        document = read_json(path)
        if path.suffix != ".widget":
            return validate_widget(document)
        try:
            widget_file = WidgetFile.from_dict(document)
        except WidgetFileError as error:
            return error.errors
        return widget_file.problems()

    def render(self, path: Path, data_path: Path | None) -> None:
        document = self.read(path)
        try:
            widget_file = WidgetFile.from_dict(document)
        except WidgetFileError as error:
            self.fail(path, error.errors)
        if data_path is not None:
            data, data_source, data_pointer = self.read(data_path), data_path, ""
        else:
            data, data_source = widget_file.sample(), path
            data_pointer = "/sampleData/0/data" if widget_file.sample_data else "/encodedWidget"
        try:
            widget = widget_file.render(data)
        except RenderError as error:
            self.fail(*self.located(error, path, data_source, data_pointer))
        self.stdout.write(json.dumps(widget, indent=2, ensure_ascii=False))

    def read(self, path: Path) -> Any:
        try:
            return read_json(path)
        except Unreadable as error:
            raise CommandError(f"{path}: {error}", returncode=2) from None

    @staticmethod
    def located(
        error: RenderError, path: Path, data_source: Path, data_pointer: str
    ) -> tuple[Path, list[WidgetError]]:
        """Render errors as problems of the file they are about."""
        if error.stage == "data":
            return data_source, [
                WidgetError(data_pointer + e.pointer, e.message) for e in error.errors
            ]
        if error.stage == "widget":
            return path, [
                WidgetError(
                    "/template", f"renders an invalid widget at {e.pointer or '/'}: {e.message}"
                )
                for e in error.errors
            ]
        pointer = "/jsonSchema" if error.stage == "schema" else "/template"
        return path, [WidgetError(pointer, e.message) for e in error.errors]

    def fail(self, path: Path, errors: list[WidgetError]) -> NoReturn:
        for error in errors:
            self.stderr.write(f"{path}:{error.pointer}: {error.message}")
        raise CommandError(f"{path}: cannot render", returncode=1)
