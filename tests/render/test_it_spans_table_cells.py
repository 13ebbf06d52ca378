"""Tables: header rows become <thead> with column headers; cells span, align and size."""

from __future__ import annotations

import pytest

from .samples import card, text


def cell(value: str, **props) -> dict:
    return {"type": "Table.Cell", "children": [text(value)], **props}


@pytest.mark.browser
def test_it_spans_table_cells(widgets):
    root = widgets.render(
        card(
            {
                "type": "Table",
                "children": [
                    {
                        "type": "Table.Row",
                        "header": True,
                        "children": [
                            cell("Name"),
                            cell("Q1", align="end"),
                            cell("Q2", align="end"),
                        ],
                    },
                    {
                        "type": "Table.Row",
                        "children": [
                            cell("North", rowSpan=2, vAlign="start"),
                            cell("10", align="end"),
                            cell("12", align="end"),
                        ],
                    },
                    {"type": "Table.Row", "children": [cell("No data", colSpan=2, align="center")]},
                    {
                        "type": "Table.Row",
                        "children": [
                            cell("South", padding={"x": 4}, colSize="lg"),
                            cell("7", width=80),
                            cell("9", vAlign="end"),
                        ],
                    },
                ],
            }
        )
    )
    table = root.get_by_role("table")
    assert table.locator("thead th[scope=col]").all_inner_texts() == ["Name", "Q1", "Q2"]
    assert table.locator("tbody tr").count() == 3

    north = table.get_by_role("cell", name="North")
    assert north.get_attribute("rowspan") == "2"
    gap = table.get_by_role("cell", name="No data")
    assert gap.get_attribute("colspan") == "2"
    styles = gap.evaluate("(el) => getComputedStyle(el).textAlign")
    assert styles == "center"
    assert north.evaluate("(el) => getComputedStyle(el).verticalAlign") == "top"
    # The spanning cells line up: "No data" starts in the Q1 column.
    q1 = table.get_by_role("columnheader", name="Q1").bounding_box()
    assert abs(gap.bounding_box()["x"] - q1["x"]) < 1
    assert north.bounding_box()["height"] > gap.bounding_box()["height"]
    assert table.get_by_role("cell", name="7").evaluate("(el) => el.style.width") == "80px"
