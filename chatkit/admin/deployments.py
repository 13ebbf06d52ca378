"""Deployment admin: keys, allowed sites, agent, theme, limits, embed snippet, install check."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from chatkit.admin.forms import DeploymentForm
from chatkit.deployments import rotate_keys, set_active
from chatkit.keys import issue_keys
from chatkit.models import Deployment, EmbedOrigin


def embed_snippet(deployment: Deployment) -> str:
    return (
        f'<script src="{settings.CHATKIT_PUBLIC_URL}/embed.js" '
        f'data-deployment="{deployment.public_key}" async></script>'
    )


def host_csp(deployment: Deployment) -> str:
    origin = settings.CHATKIT_PUBLIC_ORIGIN
    return f"script-src {origin};\nframe-src {origin};"


def copyable(text: str, label: str) -> str:
    return format_html(
        '<div class="ck-copyable"><pre>{}</pre>'
        '<button type="button" class="button" data-copy="{}" aria-label="Copy {}">Copy</button></div>',
        text,
        text,
        label,
    )


@admin.register(Deployment)
class DeploymentAdmin(admin.ModelAdmin):
    form = DeploymentForm
    change_form_template = "admin/chatkit/deployment/change_form.html"
    change_list_template = "admin/chatkit/deployment/change_list.html"
    list_display = ["name", "public_key", "status", "agent", "sites", "health", "created_at"]
    list_filter = ["is_active", "agent"]
    search_fields = ["name", "public_key", "allowed_origins"]
    actions = ["enable", "disable"]
    readonly_fields = ["public_key", "key_version", "embed", "installation_check"]

    fieldsets = [
        (None, {"fields": ["name", "is_active", "locale"]}),
        ("Where it runs", {"fields": ["allowed_origins_text", "embed", "installation_check"]}),
        ("Agent", {"fields": ["agent", "agent_config_text"]}),
        (
            "Look",
            {
                "fields": [
                    ("color_scheme", "radius", "density"),
                    ("accent", "accent_level"),
                    ("gray_hue", "gray_tint", "gray_shade"),
                    ("surface_background", "surface_foreground"),
                    ("base_size", "font_family"),
                ],
                "description": "The preview on the right follows your edits before you save.",
            },
        ),
        (
            "Start screen and composer",
            {"fields": ["greeting", "prompts_text", "composer_placeholder", "disclaimer"]},
        ),
        (
            "Features",
            {
                "fields": [
                    ("history", "feedback", "retry"),
                    "attachments_enabled",
                    ("attachments_max_size_mb", "attachments_max_count"),
                    "attachments_accept",
                ]
            },
        ),
        (
            "Limits",
            {
                "fields": [
                    ("messages_per_minute", "concurrent_streams"),
                    ("sessions_per_minute", "deployment_messages_per_minute"),
                ],
                "description": "Enforced across all server processes; a limited visitor is told when to retry.",
            },
        ),
        ("Keys", {"fields": ["public_key", "key_version"]}),
    ]

    # --- list -------------------------------------------------------------------------------

    @admin.display(description="Status", boolean=True, ordering="is_active")
    def status(self, deployment: Deployment) -> bool:
        return deployment.is_active

    @admin.display(description="Allowed sites")
    def sites(self, deployment: Deployment) -> str:
        origins = deployment.allowed_origins or []
        shown = ", ".join(origins[:3])
        return shown + (f" and {len(origins) - 3} more" if len(origins) > 3 else "") or "—"

    @admin.display(description="Health")
    def health(self, deployment: Deployment) -> str:
        url = reverse("admin:chatkit_deployment_health", args=[deployment.pk])
        return format_html('<a href="{}">Service health</a>', url)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "health_overview_url": reverse("admin:chatkit_deployment_health_overview"),
        }
        return super().changelist_view(request, extra_context)

    @admin.action(description="Enable the selected chats")
    def enable(self, request: HttpRequest, queryset: Any) -> None:
        for deployment in queryset:
            set_active(deployment, True)
        self.message_user(request, f"Enabled {queryset.count()} chat(s).", messages.SUCCESS)

    @admin.action(description="Disable the selected chats (ends open conversations)")
    def disable(self, request: HttpRequest, queryset: Any) -> None:
        for deployment in queryset:
            set_active(deployment, False)
        self.message_user(request, f"Disabled {queryset.count()} chat(s).", messages.SUCCESS)

    # --- read-only parts of the change page -------------------------------------------------------

    @admin.display(description="Embed snippet")
    def embed(self, deployment: Deployment) -> str:
        if not deployment.pk:
            return "Save the deployment to get its snippet."
        return format_html(
            "{}<p class='help'>Paste this before &lt;/body&gt; on every page that shows the chat.</p>"
            "{}<p class='help'>If your site sends a Content-Security-Policy, add these sources.</p>",
            copyable(embed_snippet(deployment), "snippet"),
            copyable(host_csp(deployment), "CSP lines"),
        )

    @admin.display(description="Installation check")
    def installation_check(self, deployment: Deployment) -> str:
        if not deployment.pk:
            return "—"
        rows = list(EmbedOrigin.objects.filter(deployment=deployment)[:20])
        if not rows:
            return "No site has loaded this chat yet."
        return format_html(
            "<table class='ck-origins'><thead><tr><th>Site</th><th>Result</th><th>Last seen</th>"
            "<th>Times</th></tr></thead><tbody>{}</tbody></table>",
            format_html_join(
                "",
                "<tr class='ck-origin-{}'><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        row.status,
                        row.origin,
                        "loaded" if row.status == "allowed" else "refused: not an allowed site",
                        row.last_seen.strftime("%Y-%m-%d %H:%M UTC"),
                        row.hits,
                    )
                    for row in rows
                ),
            ),
        )

    # --- creating and rotating keys: the secret is shown once, never stored ------------------------

    def save_model(
        self, request: HttpRequest, deployment: Deployment, form: Any, change: bool
    ) -> None:
        if not change:
            request.new_secret_key = issue_keys(deployment)
        super().save_model(request, deployment, form, change)
        if change and "is_active" in form.changed_data and not deployment.is_active:
            set_active(deployment, False)

    def response_add(
        self, request: HttpRequest, deployment: Deployment, post_url_continue: str | None = None
    ) -> HttpResponse:
        return self.keys_page(request, deployment, request.new_secret_key, created=True)

    def keys_page(
        self, request: HttpRequest, deployment: Deployment, secret_key: str, created: bool
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "deployment": deployment,
            "secret_key": secret_key,
            "created": created,
            "snippet": embed_snippet(deployment),
            "title": "Your keys",
        }
        response = TemplateResponse(request, "admin/chatkit/deployment/keys.html", context)
        response["Cache-Control"] = "no-store"
        return response

    def get_urls(self) -> list:
        return [
            path(
                "<path:object_id>/rotate-keys/",
                self.admin_site.admin_view(self.rotate_keys_view),
                name="chatkit_deployment_rotate_keys",
            ),
            *super().get_urls(),
        ]

    def rotate_keys_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        deployment = self.get_object(request, unquote(object_id))
        if deployment is None:
            raise Http404("No such deployment.")
        if not self.has_change_permission(request, deployment):
            raise PermissionDenied
        if request.method == "POST":
            secret_key = rotate_keys(deployment)
            self.log_change(request, deployment, "Rotated the keys.")
            return self.keys_page(request, deployment, secret_key, created=False)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "deployment": deployment,
            "title": "Rotate keys?",
        }
        return TemplateResponse(request, "admin/chatkit/deployment/rotate_keys.html", context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict | None = None,
    ) -> HttpResponse:
        extra_context = extra_context or {}
        deployment = self.get_object(request, unquote(object_id))
        if deployment is not None:
            extra_context["preview_url"] = (
                f"{reverse('embed', args=[deployment.public_key])}"
                f"#mode=preview&instance=preview&host={request.scheme}://{request.get_host()}"
            )
            extra_context["rotate_url"] = reverse(
                "admin:chatkit_deployment_rotate_keys", args=[deployment.pk]
            )
        return super().change_view(request, object_id, form_url, extra_context)
