"""The committed generated files match what the catalog generates today."""

from pathlib import Path

from django.core.management import call_command

from widgets.docs import catalog_markdown
from widgets.schema import schema_module

ROOT = Path(__file__).resolve().parents[2]


def test_the_renderer_schema_module_is_current():
    committed = (ROOT / "static/widgets/schema.js").read_text(encoding="utf-8")
    assert committed == schema_module(), (
        "static/widgets/schema.js is out of date: run "
        "`python manage.py widgets schema --js > static/widgets/schema.js`"
    )


def test_the_reference_page_is_current():
    committed = (ROOT / "docs/widgets.md").read_text(encoding="utf-8")
    assert committed == catalog_markdown(), (
        "docs/widgets.md is out of date: run `python manage.py widgets docs > docs/widgets.md`"
    )


def test_the_command_prints_exactly_the_committed_files(capsys):
    call_command("widgets", "schema", "--js")
    assert capsys.readouterr().out == (ROOT / "static/widgets/schema.js").read_text()
    call_command("widgets", "docs")
    assert capsys.readouterr().out == (ROOT / "docs/widgets.md").read_text()


def test_the_reference_documents_every_component_and_enum_value():
    page = catalog_markdown()
    for heading in [
        "### Card",
        "### ListViewItem",
        "### Table.Cell",
        "### Chart",
        "### ActionConfig",
    ]:
        assert heading in page
    assert '`"stepAfter"`' in page
    assert '`"wrap-reverse"`' in page
    assert '| `handler` | `"client"` \\| `"server"` | `"server"` |' in page
