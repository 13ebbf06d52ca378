from django.urls import path

from studio import api, views

app_name = "studio"

urlpatterns = [
    path("", views.gallery, name="gallery"),
    path("new/", views.new, name="new"),
    path("templates/<slug:name>/", views.workspace, name="workspace"),
    path("api/preview", api.preview, name="preview"),
    path("api/export", api.export, name="export"),
    path("api/import", api.import_file, name="import"),
    path("api/templates", api.create, name="create"),
    path("api/templates/<slug:name>", api.template, name="template"),
    path("api/templates/<slug:name>/versions", api.versions, name="versions"),
    path("api/templates/<slug:name>/diff", api.diff, name="diff"),
    path("api/templates/<slug:name>/rollback", api.rollback, name="rollback"),
    path("api/templates/<slug:name>/duplicate", api.duplicate, name="duplicate"),
    path("api/templates/<slug:name>/snippet", api.snippet, name="snippet"),
]
