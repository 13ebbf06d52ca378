"""The Django admin, customised: deployments, transcripts, feedback and service health."""

from django.contrib import admin

from chatkit.admin import deployments  # noqa: F401 - registers the deployment admin

admin.site.site_header = "chatkit"
admin.site.site_title = "chatkit admin"
admin.site.index_title = "Run your chats"
