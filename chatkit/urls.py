from django.contrib import admin
from django.urls import include, path

from chatkit import views

urlpatterns = [
    path("", views.demo, name="demo"),
    path("embed.js", views.embed_js, name="embed-js"),
    path("embed/<str:public_key>/", views.embed_page, name="embed"),
    path("api/sessions", views.sessions, name="sessions"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "files/<str:attachment_id>/<str:secret>/<str:name>",
        views.attachment_file,
        name="attachment-file",
    ),
    path("widgets/", include("widgets.urls")),
    path("studio/", include("studio.urls")),
    path("admin/", admin.site.urls),
]
