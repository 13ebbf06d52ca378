"""The Django admin, customised: deployments, transcripts, feedback and service health."""

from django.contrib import admin

from chatkit.admin import (  # noqa: F401 - importing registers each module's admin pages
    deployments,
    feedback,
    health,
    transcripts,
)

admin.site.site_header = "chatkit"
admin.site.site_title = "chatkit admin"
admin.site.index_title = "Run your chats"
