"""`manage.py demo`: the demo deployment, a staff user and the widget gallery (idempotent)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from chatkit.keys import issue_keys
from chatkit.models import Deployment
from widgets.gallery import install_gallery

DEMO_KEY = "pk_demo"
ADMIN_USERNAME = "admin"


def demo_start_screen() -> dict:
    return {
        "greeting": "Hi! I'm the chatkit demo agent. Ask me anything.",
        "prompts": [
            {"label": "What can you do?", "prompt": "What can you do?"},
            {"label": "Show the widget gallery", "prompt": "/widget"},
            {"label": "Write a long answer", "prompt": "/slow"},
        ],
    }


class Command(BaseCommand):
    help = "Create or refresh the demo deployment (pk_demo), a staff user and the widget gallery."

    def handle(self, *args, **options) -> None:
        deployment, created = Deployment.objects.get_or_create(
            public_key=DEMO_KEY,
            defaults={"name": "Demo", "agent": "demo", "start_screen": demo_start_screen()},
        )
        if created:
            issue_keys(deployment)
        origin = settings.CHATKIT_PUBLIC_ORIGIN
        if origin not in deployment.allowed_origins:
            deployment.allowed_origins = [*deployment.allowed_origins, origin]
        deployment.is_active = True
        deployment.save()

        password = self.admin_password()
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username=ADMIN_USERNAME, defaults={"email": "admin@example.com"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()

        templates = install_gallery()
        public = settings.CHATKIT_PUBLIC_URL
        self.stdout.write(
            "\n".join(
                [
                    "",
                    f"  Demo page:  {public}/",
                    f"  Studio:     {public}/studio/",
                    f"  Admin:      {public}/admin/   (user {ADMIN_USERNAME}, password {password})",
                    f"  Deployment: {DEMO_KEY}, allowed origin {origin}; {templates} gallery widgets",
                    "",
                ]
            )
        )

    def admin_password(self) -> str:
        path = settings.BASE_DIR / "var" / "demo-admin-password"
        if path.exists():
            return path.read_text().strip()
        password = secrets.token_urlsafe(12)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password)
        return password
