"""Size limits of a widget, checked before any model sees it.

Hostile documents (a 10 MB string, nesting 500 deep, 100,000 components) must fail fast
with a clear error rather than exhaust memory or the recursion limit, so `check_limits`
walks the document iteratively and stops at the first limit crossed. The same numbers and
definitions are published to the browser renderer in `static/widgets/schema.js`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    """UTF-8 length of the compact JSON text."""
    max_depth: int
    """Nested objects and arrays on the deepest path; a `children` array adds no level."""
    max_nodes: int | None
    """The root plus every value of a `children` array or object (components)."""


LIMITS = Limits(max_bytes=262_144, max_depth=32, max_nodes=2_000)
# Template data is plain JSON: no component count, the same size and depth.
DATA_LIMITS = Limits(max_bytes=262_144, max_depth=32, max_nodes=None)


@dataclass(frozen=True)
class LimitError:
    pointer: str
    message: str


def _escape(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def json_pointer(path: Iterable[str | int]) -> str:
    """The JSON pointer (RFC 6901) of a path of keys and indexes."""
    return "".join(f"/{_escape(token)}" for token in path)


def _scalar_size(value: Any) -> int:
    """Bytes of `value` in compact JSON (as `json.dumps(..., ensure_ascii=False)` writes it)."""
    if isinstance(value, str):
        if value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
            return len(value) + 2
        # Lone surrogates have no UTF-8 form: count them as three bytes each.
        return len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    if value is None or value is True:
        return 4
    if value is False:
        return 5
    return len(repr(value)) if isinstance(value, float) else len(str(value))


def check_limits(document: Any, limits: Limits = LIMITS) -> LimitError | None:
    """The first limit `document` crosses (or a value JSON cannot hold), else None."""
    size = 0
    nodes = 0
    # (value, path, depth, counts_as_node)
    stack: list[tuple[Any, tuple[str | int, ...], int, bool]] = [(document, (), 0, True)]
    while stack:
        value, path, depth, is_node = stack.pop()
        if is_node and limits.max_nodes is not None:
            nodes += 1
            if nodes > limits.max_nodes:
                return LimitError(
                    json_pointer(path), f"more than {limits.max_nodes:,} components in one widget"
                )
        if isinstance(value, dict):
            depth += 1
            if depth > limits.max_depth:
                return LimitError(
                    json_pointer(path), f"nested deeper than {limits.max_depth} levels"
                )
            size += 2 + max(len(value) - 1, 0)  # braces and commas
            for key, item in value.items():
                if not isinstance(key, str):
                    return LimitError(json_pointer(path), f"object key {key!r} is not a string")
                size += _scalar_size(key) + 1
                children = key == "children"
                if children and isinstance(item, list):
                    if limits.max_nodes is not None and nodes + len(item) > limits.max_nodes:
                        index = limits.max_nodes - nodes
                        return LimitError(
                            json_pointer((*path, key, index)),
                            f"more than {limits.max_nodes:,} components in one widget",
                        )
                    size += 2 + max(len(item) - 1, 0)
                    stack.extend(
                        (child, (*path, key, index), depth, True)
                        for index, child in reversed(list(enumerate(item)))
                    )
                else:
                    stack.append((item, (*path, key), depth, children and isinstance(item, dict)))
        elif isinstance(value, list):
            depth += 1
            if depth > limits.max_depth:
                return LimitError(
                    json_pointer(path), f"nested deeper than {limits.max_depth} levels"
                )
            size += 2 + max(len(value) - 1, 0)
            stack.extend(
                (item, (*path, index), depth, False)
                for index, item in reversed(list(enumerate(value)))
            )
        elif value is None or isinstance(value, bool | int | str):
            if isinstance(value, str) and len(value) > limits.max_bytes:
                return LimitError(
                    json_pointer(path),
                    f"string of {len(value):,} characters; "
                    f"a widget may hold at most {limits.max_bytes:,} bytes",
                )
            size += _scalar_size(value)
        elif isinstance(value, float):
            if not math.isfinite(value):
                return LimitError(json_pointer(path), f"{value} is not a JSON number")
            size += _scalar_size(value)
        else:
            return LimitError(json_pointer(path), f"{type(value).__name__} is not a JSON value")
        if size > limits.max_bytes:
            return LimitError(
                json_pointer(path) if isinstance(value, str) else "",
                f"larger than {limits.max_bytes:,} bytes of JSON",
            )
    return None
