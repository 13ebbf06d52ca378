"""Where a JSON pointer points in the text of an editor.

Problems name JSON pointers; the studio selects the place they name. For JSON texts (sample
data, the data schema) that is exact. A template is Jinja over JSON, and its pointers point
into the *rendered* widget, so the template is read as JSON that tolerates Jinja: `{{ ... }}`
is a value, `{% ... %}` and `{# ... #}` are skipped, and a loop body stands for every item
it renders. Walking the pointer through that structure, with the rendered widget as a guide
to which loop item or branch an index came from, finds the template text that produced it.
Where the structure runs out (a value built by an expression), the walk stops at the deepest
place it reached, which is still where the fix goes.

Offsets in the results count UTF-16 code units, as the browser's editor does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

NodeKind = Literal["object", "array", "string", "number", "literal", "expression"]

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_LITERAL = re.compile(r"true|false|null")


@dataclass(frozen=True)
class Span:
    """A range of the text, in characters (code points) from its start."""

    start: int
    end: int


@dataclass
class Member:
    key: str | None  # None when the key is an expression
    key_span: Span
    value: Node | None


@dataclass
class Item:
    node: Node
    tags_before: int  # Jinja tags before it in its array


@dataclass
class Node:
    kind: NodeKind
    span: Span
    value: Any = None
    members: list[Member] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    tags: int = 0  # Jinja tags directly inside an array

    def member(self, key: str) -> Member | None:
        found = [member for member in self.members if member.key == key]
        return found[-1] if found else None

    @property
    def component_type(self) -> str | None:
        member = self.member("type") if self.kind == "object" else None
        if member and member.value and member.value.kind == "string":
            return member.value.value
        return None


@dataclass(frozen=True)
class Token:
    kind: str  # punctuation itself, or string, number, literal, expression, tag, junk
    start: int
    end: int
    text: str


@dataclass
class Parsed:
    root: Node | None
    error: Span | None  # the first place the text stops being (Jinja-tolerant) JSON
    error_message: str = ""


def _tokens(text: str, jinja: bool) -> list[Token]:
    tokens: list[Token] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char.isspace():
            index += 1
            continue
        if jinja and text.startswith(("{{", "{%", "{#"), index):
            closing = {"{{": "}}", "{%": "%}", "{#": "#}"}[text[index : index + 2]]
            end = text.find(closing, index + 2)
            end = length if end < 0 else end + 2
            kind = {"{{": "expression", "{%": "tag", "{#": "comment"}[text[index : index + 2]]
            if kind != "comment":
                tokens.append(Token(kind, index, end, text[index:end]))
            index = end
            continue
        if char in "{}[]:,":
            tokens.append(Token(char, index, index + 1, char))
            index += 1
            continue
        if char == '"':
            end = index + 1
            while end < length and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            end = min(end + 1, length)
            tokens.append(Token("string", index, end, text[index:end]))
            index = end
            continue
        match = _NUMBER.match(text, index) or _LITERAL.match(text, index)
        if match and match.end() > index:
            kind = "number" if match.re is _NUMBER else "literal"
            tokens.append(Token(kind, index, match.end(), match.group()))
            index = match.end()
            continue
        end = index + 1
        while end < length and not text[end].isspace() and text[end] not in '{}[]:,"':
            end += 1
        tokens.append(Token("junk", index, end, text[index:end]))
        index = end
    return tokens


def _string_value(token: Token) -> str:
    body = token.text[1:-1] if len(token.text) >= 2 and token.text.endswith('"') else token.text[1:]
    try:
        return json.loads(f'"{body}"')
    except ValueError:
        return body


class _Parser:
    def __init__(self, text: str, jinja: bool) -> None:
        self.text = text
        self.tokens = _tokens(text, jinja)
        self.position = 0
        self.error: Span | None = None
        self.error_message = ""

    def peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def fail(self, at: Token | None, message: str) -> None:
        if self.error is None:
            span = Span(at.start, at.end) if at else Span(len(self.text), len(self.text))
            self.error, self.error_message = span, message

    def skip_tags(self) -> bool:
        """Skip Jinja tags; whether there were any."""
        seen = False
        while (token := self.peek()) is not None and token.kind == "tag":
            self.take()
            seen = True
        return seen

    def parse(self) -> Parsed:
        self.skip_tags()
        root = self.value()
        self.skip_tags()
        extra = self.peek()
        if extra is not None and root is not None:
            self.fail(extra, f"unexpected {extra.text[:20]!r} after the end of the document")
        return Parsed(root, self.error, self.error_message)

    def value(self) -> Node | None:
        token = self.peek()
        if token is None:
            self.fail(None, "the text ends where a value was expected")
            return None
        if token.kind == "{":
            return self.object()
        if token.kind == "[":
            return self.array()
        if token.kind == "expression":
            self.take()
            end = token.end
            # `{{ a }}{{ b }}` renders one value.
            while (following := self.peek()) is not None and following.kind == "expression":
                end = self.take().end
            return Node("expression", Span(token.start, end))
        if token.kind in ("string", "number", "literal"):
            self.take()
            value = _string_value(token) if token.kind == "string" else token.text
            return Node(token.kind, Span(token.start, token.end), value=value)
        self.fail(token, f"expected a value; found {token.text[:20]!r}")
        return None

    def object(self) -> Node:
        opening = self.take()
        node = Node("object", Span(opening.start, opening.end))
        expect_member = True
        while True:
            self.skip_tags()
            token = self.peek()
            if token is None:
                self.fail(None, "the text ends inside an object; expected '}'")
                node.span = Span(opening.start, len(self.text))
                return node
            if token.kind == "}":
                node.span = Span(opening.start, self.take().end)
                return node
            if token.kind == ",":
                self.take()
                expect_member = True
                continue
            if token.kind not in ("string", "expression"):
                self.fail(
                    token, f"expected a property name in double quotes; found {token.text[:20]!r}"
                )
                self.take()
                continue
            if not expect_member:
                self.fail(token, "expected ',' or '}' after a property")
            key_token = self.take()
            key = _string_value(key_token) if key_token.kind == "string" else None
            self.skip_tags()
            if (colon := self.peek()) is not None and colon.kind == ":":
                self.take()
            else:
                self.fail(colon, "expected ':' after a property name")
            self.skip_tags()
            value = self.value()
            node.members.append(Member(key, Span(key_token.start, key_token.end), value))
            expect_member = False
            if value is None and self.peek() is not None and self.peek().kind not in ",}":
                self.take()

    def array(self) -> Node:
        opening = self.take()
        node = Node("array", Span(opening.start, opening.end))
        expect_item = True
        while True:
            while (tag := self.peek()) is not None and tag.kind == "tag":
                self.take()
                node.tags += 1
                expect_item = True
            token = self.peek()
            if token is None:
                self.fail(None, "the text ends inside an array; expected ']'")
                node.span = Span(opening.start, len(self.text))
                return node
            if token.kind == "]":
                node.span = Span(opening.start, self.take().end)
                return node
            if token.kind == ",":
                self.take()
                expect_item = True
                continue
            if not expect_item:
                self.fail(token, "expected ',' or ']' after an array item")
            start = self.position
            value = self.value()
            if value is None:
                if self.position == start:
                    self.take()
                continue
            node.items.append(Item(value, node.tags))
            expect_item = False


def parse(text: str, *, jinja: bool = False) -> Parsed:
    """The structure of a JSON text, or of a Jinja template of one (`jinja=True`)."""
    return _Parser(text, jinja).parse()


# --- pointers ---------------------------------------------------------------------------------


def pointer_tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]


def _head(node: Node) -> Span:
    """The start of an object or array: its bracket and first member, for a missing property."""
    if node.kind == "object" and node.members:
        member = node.member("type") or node.members[0]
        end = member.value.span.end if member.value else member.key_span.end
        return Span(member.key_span.start, end)
    return node.span


def _template_item(array: Node, rendered: Any, index: int) -> Node | None:
    """The template item that rendered item `index` of the `rendered` array.

    Items before the array's first Jinja tag render once each, in order, and so do items
    after its last tag; the rest come from loops and conditions (or are expressions that
    may render any number of items), and are matched by component type.
    """
    items = array.items
    if not items:
        return None

    def fixed(item: Item, tags_before: int) -> bool:
        return item.tags_before == tags_before and item.node.kind != "expression"

    leading = 0
    while leading < len(items) and fixed(items[leading], 0):
        leading += 1
    if index < leading:
        return items[index].node
    trailing = 0
    while trailing < len(items) - leading and fixed(items[-1 - trailing], array.tags):
        trailing += 1
    length = len(rendered) if isinstance(rendered, list) else len(items)
    if trailing and index >= length - trailing:
        return items[len(items) - (length - index)].node
    middle = [item.node for item in items[leading : len(items) - trailing]] or [items[-1].node]
    wanted = None
    if isinstance(rendered, list) and index < len(rendered) and isinstance(rendered[index], dict):
        wanted = rendered[index].get("type")
    for node in middle:
        if wanted is not None and node.component_type == wanted:
            return node
    return middle[0]


def locate(
    root: Node | None, pointer: str, rendered: Any = None, *, jinja: bool = False
) -> Span | None:
    """The span of the text that `pointer` names.

    For a template (`jinja=True`), `rendered` is the document it rendered, which tells loop
    items and branches apart. A pointer to a missing property names its object's start.
    """
    if root is None:
        return None
    node, value = root, rendered
    tokens = pointer_tokens(pointer)
    for position, token in enumerate(tokens):
        last = position == len(tokens) - 1
        if node.kind == "object":
            member = node.member(token)
            if member is None:
                return _head(node)
            if last or member.value is None:
                end = member.value.span.end if member.value else member.key_span.end
                return Span(member.key_span.start, end)
            node = member.value
            value = value.get(token) if isinstance(value, dict) else None
        elif node.kind == "array":
            if not token.isdigit():
                return node.span
            index = int(token)
            if jinja:
                found = _template_item(node, value, index)
            else:
                found = node.items[index].node if index < len(node.items) else None
            if found is None:
                return node.span
            node = found
            value = value[index] if isinstance(value, list) and index < len(value) else None
        else:
            return node.span
    return node.span


def line_span(text: str, line: int) -> Span | None:
    """Line `line` (1-based) without its indentation."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    start = sum(len(previous) + 1 for previous in lines[: line - 1])
    content = lines[line - 1]
    indent = len(content) - len(content.lstrip())
    return Span(start + indent, start + len(content.rstrip()))


def utf16(text: str, span: Span) -> tuple[int, int]:
    """`span` in UTF-16 code units, as JavaScript counts string offsets."""

    def units(offset: int) -> int:
        return offset + sum(1 for char in text[:offset] if ord(char) > 0xFFFF)

    return units(span.start), units(span.end)
