from django.urls import path

from widgets import views

urlpatterns = [
    path("schema.json", views.schema, name="widget-schema"),
]
