"""Transcripts: every conversation of every deployment, searchable and filterable, shown
read-only like the chat, exported as JSON or CSV, and a visitor's data erased on request.

Threads are never edited here: the list and the transcript are views of what happened.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import Truncator, smart_split, unescape_string_literal
from pydantic import BaseModel, Field, ValidationError

from chatkit import exports
from chatkit.items import text_of
from chatkit.models import Deployment, Feedback, Response, Thread, ThreadItem
from chatkit.protocol import HIDDEN_ITEM_TYPES

# Items a visitor sees as messages; what the list counts and the search looks into.
MESSAGE_TYPES = ("user_message", "assistant_message", "widget")
MAX_SEARCH_TERMS = 8
VISITOR_CHARS = 18
EXPORT_FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8"}


# --- list filters ----------------------------------------------------------------------------


class ChoiceFilter(admin.SimpleListFilter):
    """A filter whose address values are checked: anything else is an error, not ignored."""

    options: list[tuple[str, str]] = []

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return self.options

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset
        if value not in dict(self.options):
            raise IncorrectLookupParameters(f"{self.parameter_name}: unknown value {value!r}")
        return self.filter(queryset, value)

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        raise NotImplementedError


class StartedFilter(admin.DateFieldListFilter):
    """Django's date filter, titled for what the date means."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.title = "started"


class VisitorKindFilter(ChoiceFilter):
    title = "visitor"
    parameter_name = "visitor_kind"
    options = [("anonymous", "Anonymous"), ("verified", "Verified (signed in)")]

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        return queryset.filter(visitor__startswith="anon:" if value == "anonymous" else "user:")


def negative_feedback() -> Exists:
    return Exists(Feedback.objects.filter(thread=OuterRef("pk"), kind=Feedback.Kind.NEGATIVE))


def failed_responses() -> Exists:
    return Exists(Response.objects.filter(thread=OuterRef("pk"), outcome=Response.Outcome.ERROR))


class NegativeFeedbackFilter(ChoiceFilter):
    title = "negative feedback"
    parameter_name = "negative_feedback"
    options = [("yes", "Has negative feedback"), ("no", "None")]

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        return queryset.filter(negative_feedback() if value == "yes" else ~negative_feedback())


class ErrorsFilter(ChoiceFilter):
    title = "errors"
    parameter_name = "errors"
    options = [("yes", "Has failed responses"), ("no", "None")]

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        return queryset.filter(failed_responses() if value == "yes" else ~failed_responses())


# --- the transcript as the page shows it -------------------------------------------------------


def duration(ms: int) -> str:
    return f"{ms} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


@dataclass
class Entry:
    item: ThreadItem
    text: str
    feedback: Feedback | None

    @property
    def is_hidden(self) -> bool:
        return self.item.type in HIDDEN_ITEM_TYPES

    @property
    def as_json(self) -> str:
        return json.dumps(self.item.data, indent=2, ensure_ascii=False)


@dataclass
class Turn:
    """The items one response produced (with the visitor's message that started it)."""

    response: Response | None
    entries: list[Entry] = field(default_factory=list)

    @property
    def timing(self) -> list[str]:
        """What the response line says: first token, total time, tokens."""
        response = self.response
        if response is None:
            return []
        parts = []
        if response.first_token_ms is not None:
            parts.append(f"first token after {duration(response.first_token_ms)}")
        if response.duration_ms is not None:
            parts.append(f"{duration(response.duration_ms)} in all")
        if response.output_tokens:
            plural = "" if response.output_tokens == 1 else "s"
            parts.append(f"{response.output_tokens} token{plural}")
        return parts


def transcript(thread: Thread) -> list[Turn]:
    """Items in thread order, grouped by the response they belong to: a response's row is
    created before the visitor's message it answers is stored, so each item belongs to
    the last response started before it."""
    responses = list(Response.objects.filter(thread=thread).order_by("started_at", "id"))
    starts = [response.started_at for response in responses]
    marks = {mark.item_id: mark for mark in Feedback.objects.filter(thread=thread)}
    turns = [Turn(None)] + [Turn(response) for response in responses]
    for item in ThreadItem.objects.filter(thread=thread).order_by("position", "id"):
        if item.type == "end_of_turn":
            continue
        index = bisect.bisect_right(starts, item.created_at)
        turns[index].entries.append(Entry(item, text_of(item.data), marks.get(item.pk)))
    return [turn for turn in turns if turn.entries or turn.response]


# --- the admin ------------------------------------------------------------------------------


class EraseRequest(BaseModel):
    """Who to erase, from the address or the confirmation form."""

    deployment: int = Field(gt=0)
    visitor: str = Field(min_length=6, max_length=200, pattern=r"^(anon|user):\S")


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    change_list_template = "admin/chatkit/thread/change_list.html"
    list_display = [
        "conversation",
        "deployment_name",
        "visitor_column",
        "message_total",
        "signals",
        "last_activity",
    ]
    list_filter = [
        ("created_at", StartedFilter),
        "deployment",
        VisitorKindFilter,
        NegativeFeedbackFilter,
        ErrorsFilter,
    ]
    list_select_related = ["deployment"]
    search_fields = ["title", "visitor", "visitor_name", "visitor_email"]
    search_help_text = "Title, visitor id, name or email, or words from the messages."
    ordering = ["-updated_at"]
    actions = ["export_selected_json", "export_selected_csv"]
    list_per_page = 50

    def get_list_display(self, request: HttpRequest) -> list[str]:
        # One deployment's conversations need no deployment column.
        if "deployment__id__exact" in request.GET or Deployment.objects.count() < 2:
            return [name for name in self.list_display if name != "deployment_name"]
        return self.list_display

    # Never editable: conversations are records of what happened.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        message_count = (
            ThreadItem.objects.filter(thread=OuterRef("pk"), type__in=MESSAGE_TYPES)
            .values("thread")
            .annotate(n=Count("*"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                message_count=Coalesce(Subquery(message_count, output_field=IntegerField()), 0),
                has_negative=negative_feedback(),
                has_errors=failed_responses(),
            )
        )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """Every word must match the title, the visitor's id, name or email, or the text of
        one of the thread's messages."""
        for word in list(smart_split(search_term))[:MAX_SEARCH_TERMS]:
            if word[0] in "\"'" and word[-1] == word[0] and len(word) > 1:
                word = unescape_string_literal(word)
            text = Q(data__content__0__text__icontains=word) | Q(
                data__content__1__text__icontains=word
            )
            in_messages = ThreadItem.objects.filter(thread=OuterRef("pk")).filter(
                (Q(type__in=["user_message", "assistant_message"]) & text)
                | Q(type="widget", data__copy_text__icontains=word)
            )
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(visitor__icontains=word)
                | Q(visitor_name__icontains=word)
                | Q(visitor_email__icontains=word)
                | Exists(in_messages)
            )
        return queryset, False

    # --- columns ---------------------------------------------------------------------------

    @admin.display(description="Conversation", ordering="title")
    def conversation(self, thread: Thread) -> str:
        return thread.title or thread.pk

    @admin.display(description="Visitor", ordering="visitor")
    def visitor_column(self, thread: Thread) -> str:
        kind = "verified" if thread.visitor.startswith("user:") else "anonymous"
        who = thread.visitor_name or Truncator(thread.visitor).chars(VISITOR_CHARS)
        return format_html(
            '<span title="{}">{}</span> <span class="op-visitor-kind op-visitor-{}">{}</span>{}',
            thread.visitor,
            who,
            kind,
            kind,
            format_html('<br><span class="op-quiet">{}</span>', thread.visitor_email)
            if thread.visitor_email
            else "",
        )

    @admin.display(description="Deployment", ordering="deployment__name")
    def deployment_name(self, thread: Thread) -> str:
        return thread.deployment.name

    @admin.display(description="Messages", ordering="message_count")
    def message_total(self, thread: Thread) -> int:
        return thread.message_count

    @admin.display(description="Signals")
    def signals(self, thread: Thread) -> str:
        badges = [("error", "negative")] if thread.has_negative else []
        badges += [("warn", "errors")] if thread.has_errors else []
        return format_html_join(" ", '<span class="op-badge op-badge-{}">{}</span>', badges) or "—"

    @admin.display(description="Last activity", ordering="updated_at")
    def last_activity(self, thread: Thread) -> str:
        return date_format(timezone.localtime(thread.updated_at), "Y-m-d H:i")

    # --- pages ------------------------------------------------------------------------------

    def get_urls(self) -> list:
        view = self.admin_site.admin_view
        return [
            path(
                "export.<str:fmt>",
                view(self.export_filtered_view),
                name="chatkit_thread_export_filtered",
            ),
            path("erase/", view(self.erase_view), name="chatkit_thread_erase"),
            path(
                "<path:object_id>/export.<str:fmt>",
                view(self.export_thread_view),
                name="chatkit_thread_export",
            ),
            *super().get_urls(),
        ]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponseBase:
        query = request.GET.copy()
        for name in ("p", "e", "all"):
            query.pop(name, None)
        extra_context = {
            "title": "Conversations",
            **(extra_context or {}),
            "export_query": query.urlencode(),
        }
        response = super().changelist_view(request, extra_context)
        if isinstance(response, HttpResponseRedirect) and response.url.endswith("?e=1"):
            # Django drops the filters and shows everything; say why.
            messages.warning(
                request, "Those filters are not valid, so every conversation is shown."
            )
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict | None = None,
    ) -> HttpResponseBase:
        """The read-only transcript, in place of an edit form."""
        thread = self.get_object(request, unquote(object_id))
        if thread is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, thread):
            raise PermissionDenied
        turns = transcript(thread)
        widgets = {
            entry.item.pk: entry.item.data.get("widget")
            for turn in turns
            for entry in turn.entries
            if entry.item.type == "widget"
        }
        changelist = reverse("admin:chatkit_thread_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": thread.title or "Conversation",
            "thread": thread,
            "turns": turns,
            "widgets": widgets,
            "item_count": sum(len(turn.entries) for turn in turns),
            "responses": [turn.response for turn in turns if turn.response],
            "visitor_threads_url": changelist
            + "?"
            + urlencode({"deployment__id__exact": thread.deployment_id, "visitor": thread.visitor}),
            "export_json_url": reverse(
                "admin:chatkit_thread_export", args=[quote(thread.pk), "json"]
            ),
            "export_csv_url": reverse(
                "admin:chatkit_thread_export", args=[quote(thread.pk), "csv"]
            ),
            "erase_url": reverse("admin:chatkit_thread_erase")
            + "?"
            + urlencode({"deployment": thread.deployment_id, "visitor": thread.visitor}),
            "can_erase": request.user.has_perm("chatkit.delete_thread"),
        }
        return TemplateResponse(request, "admin/chatkit/thread/transcript.html", context)

    # --- exports ------------------------------------------------------------------------------

    def _download(self, body: Any, fmt: str, name: str) -> HttpResponseBase:
        response = (
            HttpResponse(body, content_type=EXPORT_FORMATS[fmt])
            if isinstance(body, str)
            else StreamingHttpResponse(body, content_type=EXPORT_FORMATS[fmt])
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        response["Cache-Control"] = "no-store"
        return response

    def _export(self, request: HttpRequest, threads: QuerySet, fmt: str) -> HttpResponseBase:
        exports.check_size(threads)
        body = exports.threads_json(threads) if fmt == "json" else exports.threads_csv(threads)
        return self._download(body, fmt, "conversations")

    def export_thread_view(self, request: HttpRequest, object_id: str, fmt: str) -> HttpResponse:
        if fmt not in EXPORT_FORMATS:
            raise Http404("Exports are .json or .csv.")
        thread = self.get_object(request, unquote(object_id))
        if thread is None:
            raise Http404("No such conversation.")
        if not self.has_view_permission(request, thread):
            raise PermissionDenied
        if fmt == "json":
            return self._download(exports.one_thread_json(thread), fmt, f"conversation-{thread.pk}")
        rows = exports.threads_csv(Thread.objects.filter(pk=thread.pk))
        return self._download("".join(rows), fmt, f"conversation-{thread.pk}")

    def export_filtered_view(self, request: HttpRequest, fmt: str) -> HttpResponseBase:
        """Everything the list shows with the same filters and search, across all pages."""
        if fmt not in EXPORT_FORMATS:
            raise Http404("Exports are .json or .csv.")
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = reverse("admin:chatkit_thread_changelist")
        try:
            threads = self.get_changelist_instance(request).queryset
        except IncorrectLookupParameters:
            messages.error(request, "Nothing was exported: those filters are not valid.")
            return HttpResponseRedirect(changelist)
        try:
            return self._export(request, threads, fmt)
        except exports.ExportTooLarge as e:
            messages.error(request, str(e))
            return HttpResponseRedirect(f"{changelist}?{request.GET.urlencode()}")

    def _export_selected(
        self, request: HttpRequest, queryset: QuerySet, fmt: str
    ) -> HttpResponseBase | None:
        try:
            return self._export(request, queryset, fmt)
        except exports.ExportTooLarge as e:
            messages.error(request, str(e))
            return None

    @admin.action(description="Export the selected conversations as JSON", permissions=["view"])
    def export_selected_json(
        self, request: HttpRequest, queryset: QuerySet
    ) -> HttpResponseBase | None:
        return self._export_selected(request, queryset, "json")

    @admin.action(description="Export the selected conversations as CSV", permissions=["view"])
    def export_selected_csv(
        self, request: HttpRequest, queryset: QuerySet
    ) -> HttpResponseBase | None:
        return self._export_selected(request, queryset, "csv")

    # --- erasing a visitor ------------------------------------------------------------------

    def erase_view(self, request: HttpRequest) -> HttpResponse:
        """Confirm (GET), then erase (POST) everything one visitor left in one deployment."""
        if not request.user.has_perm("chatkit.delete_thread"):
            raise PermissionDenied
        source = request.POST if request.method == "POST" else request.GET
        try:
            wanted = EraseRequest.model_validate(
                {"deployment": source.get("deployment"), "visitor": source.get("visitor")}
            )
        except ValidationError:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Cannot erase",
                "problem": "Say which visitor to erase: a deployment id and a visitor id "
                "that starts with anon: or user: (open a conversation and use its "
                "“Erase this visitor's data” button).",
            }
            return TemplateResponse(request, "admin/chatkit/thread/erase.html", context, status=400)
        deployment = get_object_or_404(Deployment, pk=wanted.deployment)
        if request.method == "POST":
            erased = exports.erase_visitor(deployment, wanted.visitor)
            self.log_change(
                request,
                deployment,
                f"Erased the data of visitor {wanted.visitor}: {erased.describe()}.",
            )
            messages.success(
                request, f"Erased {wanted.visitor} from {deployment.name}: {erased.describe()}."
            )
            return HttpResponseRedirect(
                reverse("admin:chatkit_thread_changelist")
                + "?"
                + urlencode({"deployment__id__exact": deployment.pk})
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Erase this visitor's data?",
            "found": exports.visitor_data(deployment, wanted.visitor),
        }
        return TemplateResponse(request, "admin/chatkit/thread/erase.html", context)
