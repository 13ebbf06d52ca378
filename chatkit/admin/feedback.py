"""Feedback review: the thumbs up and down visitors gave, with their comments, each linked
to the transcript at the message it is about. Read-only, like the transcripts."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator

from chatkit.items import text_of
from chatkit.models import Deployment, Feedback

EXCERPT_CHARS = 90
MARKDOWN_MARKS = re.compile(r"^\s*(#{1,6}|>|[-*+]|\d+\.)\s+|[*_`~]+", re.MULTILINE)


def plain(markdown: str) -> str:
    """Markdown read as plain text, for one-line excerpts."""
    return " ".join(MARKDOWN_MARKS.sub("", markdown).split())


def transcript_url(feedback: Feedback) -> str:
    thread = reverse("admin:chatkit_thread_change", args=[quote(feedback.thread_id)])
    return f"{thread}#item-{feedback.item_id}"


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    change_list_template = "admin/chatkit/feedback/change_list.html"
    list_display = ["mark", "comment_column", "message", "conversation", "deployment", "given"]
    list_display_links = None
    list_filter = ["kind", "thread__deployment", "created_at"]
    list_select_related = ["thread__deployment", "item"]
    search_fields = ["comment"]
    search_help_text = "Words from the comments."
    ordering = ["-created_at"]
    list_per_page = 50

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponseBase:
        return super().changelist_view(request, {"title": "Feedback", **(extra_context or {})})

    def get_list_display(self, request: HttpRequest) -> list[str]:
        # One deployment's feedback needs no deployment column.
        if "thread__deployment__id__exact" in request.GET or Deployment.objects.count() < 2:
            return [name for name in self.list_display if name != "deployment"]
        return self.list_display

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict | None = None,
    ) -> HttpResponseBase:
        """Feedback is read where it was given: in the transcript, at its message."""
        feedback = self.get_object(request, unquote(object_id))
        if feedback is None or not self.has_view_permission(request, feedback):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return HttpResponseRedirect(transcript_url(feedback))

    @admin.display(description="Feedback", ordering="kind")
    def mark(self, feedback: Feedback) -> str:
        icon = render_to_string("admin/chatkit/thread/_thumb.html", {"kind": feedback.kind})
        label = "Good" if feedback.kind == Feedback.Kind.POSITIVE else "Bad"
        return format_html(
            '<span class="op-mark op-feedback-{}">{}<span>{}</span></span>',
            feedback.kind,
            icon,
            label,
        )

    @admin.display(description="Comment", ordering="comment")
    def comment_column(self, feedback: Feedback) -> str:
        return feedback.comment or "—"

    @admin.display(description="On the message")
    def message(self, feedback: Feedback) -> str:
        text = plain(text_of(feedback.item.data)) or f"({feedback.item.type})"
        return format_html(
            '<a href="{}">{}</a>', transcript_url(feedback), Truncator(text).chars(EXCERPT_CHARS)
        )

    @admin.display(description="Conversation", ordering="thread__title")
    def conversation(self, feedback: Feedback) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:chatkit_thread_change", args=[quote(feedback.thread_id)]),
            feedback.thread.title or feedback.thread_id,
        )

    @admin.display(description="Deployment", ordering="thread__deployment__name")
    def deployment(self, feedback: Feedback) -> str:
        return feedback.thread.deployment.name

    @admin.display(description="Given", ordering="created_at")
    def given(self, feedback: Feedback) -> str:
        return date_format(timezone.localtime(feedback.created_at), "Y-m-d H:i")
