"""Deployment admin: keys, allowed sites, agent, theme, limits, embed snippet."""

from django.contrib import admin

from chatkit.models import Deployment


@admin.register(Deployment)
class DeploymentAdmin(admin.ModelAdmin):
    list_display = ["name", "public_key", "is_active", "agent", "created_at"]
    search_fields = ["name", "public_key"]
