"""Rendering untrusted Jinja templates with a budget.

Jinja's `ImmutableSandboxedEnvironment` stops templates from reaching Python internals or
mutating data, but not from burning CPU or memory: nested loops, recursive macros,
`'x' * 10**9`, a string doubled in a loop. This environment adds a budget per render:

- every loop iteration, call and filter use spends a step; a render may take
  `max_steps` steps and `max_seconds` of wall time;
- no intermediate string, list or output may exceed `max_chars` characters, and sizes
  are checked *before* the allocation where a width or repeat count decides them;
- `recursive` loops and `lipsum` are not available.

`StrictUndefined` makes a misspelled variable an error instead of an empty string.
"""

from __future__ import annotations

import functools
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_SOURCE_CHARS = 65_536
MAX_STEPS = 100_000
MAX_SECONDS = 2.0


class RenderBudgetExceeded(Exception):
    """The template did too much work or built too large a value."""


# Filters and string methods whose argument sets the size of their result.
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate"})
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
# A %-format conversion, with its width and precision.
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|[0-9]+)?(?:\.(\*|[0-9]+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:[^{}]*\}|\{[^{}]*\{")


class _Budgeted(NodeTransformer):
    """Rewrites a template so loops and `~` report to the budget."""

    def visit_For(self, node: nodes.For) -> nodes.For:
        if node.recursive:
            raise _refuse(node, "recursive loops are not available in widget templates")
        node = self.generic_visit(node)
        node.iter = _environment_call("budget_iter", node.iter, node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Expr:
        return _environment_call("budget_value", self.generic_visit(node), node.lineno)


def _environment_call(name: str, argument: nodes.Expr, lineno: int) -> nodes.Call:
    call = nodes.Call(nodes.EnvironmentAttribute(name), [argument], [], None, None)
    return call.set_lineno(lineno)


def _refuse(node: nodes.Node, message: str) -> TemplateSyntaxError:
    return TemplateSyntaxError(message, node.lineno)


class _BudgetedCodeGenerator(CodeGenerator):
    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        _Budgeted().visit(node)
        super().visit_Template(node, frame)


class BudgetedEnvironment(ImmutableSandboxedEnvironment):
    """A sandbox for one render: create one per render, as it holds the spent budget."""

    code_generator_class = _BudgetedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(
        self,
        *,
        max_steps: int = MAX_STEPS,
        max_seconds: float = MAX_SECONDS,
        max_chars: int = 262_144,
    ) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False)
        self.max_steps = max_steps
        self.max_chars = max_chars
        self.max_seconds = max_seconds
        self.steps = 0
        self.deadline = math.inf
        self.globals.pop("lipsum", None)
        self.filters = {name: self._budget_filter(name, f) for name, f in self.filters.items()}

    # --- the budget ----------------------------------------------------------------------

    def start(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + self.max_seconds

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise RenderBudgetExceeded(f"the template took more than {self.max_steps:,} steps")
        if time.monotonic() > self.deadline:
            raise RenderBudgetExceeded(f"the template ran longer than {self.max_seconds:g} s")

    def check_size(self, value: Any) -> Any:
        if isinstance(value, str | list | tuple | dict) and len(value) > self.max_chars:
            raise RenderBudgetExceeded(
                f"the template built a value larger than {self.max_chars:,} characters"
            )
        return value

    def check_width(self, width: Any) -> None:
        if isinstance(width, int) and width > self.max_chars:
            raise RenderBudgetExceeded(f"a width of {width:,} is larger than allowed")

    def budget_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.step()
            yield item

    def budget_value(self, value: Any) -> Any:
        self.step()
        return self.check_size(value)

    # --- hooks of the sandbox ----------------------------------------------------------------

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.step()
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and name in _WIDTH_METHODS:
            for argument in (*args, *kwargs.values()):
                __self.check_width(argument)
        wrapped = getattr(getattr(__obj, "__wrapped__", None), "__self__", None)
        if isinstance(wrapped, str) and _BRACE_SPEC.search(wrapped):
            __self._check_brace_format(wrapped)
        result = super().call(__context, __obj, *args, **kwargs)
        return __self.check_size(result)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.step()
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int):
                    self.check_width(len(sequence) * count)
        elif operator == "**" and _huge_power(left, right):
            raise RenderBudgetExceeded("the template computed too large a number")
        elif operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                self.check_width(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            self._check_percent_format(left)
        return self.check_size(super().call_binop(context, operator, left, right))

    def _check_percent_format(self, template: str) -> None:
        for match in _PERCENT_SPEC.finditer(template):
            for part in match.groups():
                if part == "*" or (part is not None and int(part) > 1000):
                    raise RenderBudgetExceeded("a format width or precision is too large")

    def _check_brace_format(self, template: str) -> None:
        for match in _BRACE_SPEC.finditer(template):
            spec = match.group()
            if spec.endswith("{") or any(len(digits) > 3 for digits in re.findall(r"[0-9]+", spec)):
                raise RenderBudgetExceeded("a format width or precision is too large")

    def _budget_filter(self, name: str, filter_: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(filter_)
        def budgeted(*args: Any, **kwargs: Any) -> Any:
            self.step()
            if name == "tojson":
                # Name the missing variable rather than fail to serialise an Undefined.
                for argument in args:
                    if isinstance(argument, Undefined):
                        argument._fail_with_undefined_error()
            if name in _WIDTH_FILTERS:
                for argument in (*args[1:], *kwargs.values()):
                    self.check_width(argument)
            if name == "format":
                for argument in args:
                    if isinstance(argument, str):
                        self._check_percent_format(argument)
                        break
            return self.check_size(filter_(*args, **kwargs))

        return budgeted


def _huge_power(base: Any, exponent: Any) -> bool:
    """Whether `base ** exponent` is an integer of more than 4,096 bits."""
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0:
        return False
    return abs(base) > 1 and exponent * abs(base).bit_length() > 4096


def render_text(source: str, data: Mapping[str, Any], **budget: Any) -> str:
    """Render `source` with `data` as its variables, within the budget; Jinja errors and
    `RenderBudgetExceeded` propagate."""
    if len(source) > MAX_SOURCE_CHARS:
        raise RenderBudgetExceeded(f"the template is longer than {MAX_SOURCE_CHARS:,} characters")
    environment = BudgetedEnvironment(**budget)
    template = environment.from_string(source)
    environment.start()
    chunks: list[str] = []
    size = 0
    for chunk in template.generate(data):
        size += len(chunk)
        if size > environment.max_chars:
            raise RenderBudgetExceeded(
                f"the output is longer than {environment.max_chars:,} characters"
            )
        chunks.append(chunk)
    return "".join(chunks)
