from django.apps import AppConfig


class ChatkitConfig(AppConfig):
    name = "chatkit"
    verbose_name = "Chat"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from chatkit import attachments  # noqa: F401 - connects the file clean-up signal
