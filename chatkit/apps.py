from django.apps import AppConfig


class ChatkitConfig(AppConfig):
    name = "chatkit"
    verbose_name = "Chat"
    default_auto_field = "django.db.models.BigAutoField"
