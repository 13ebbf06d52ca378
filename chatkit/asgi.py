"""ASGI entry point: `daphne chatkit.asgi:application`."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatkit.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ChannelNameRouter, ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path, re_path  # noqa: E402

from chatkit.consumers import ChatConsumer  # noqa: E402
from chatkit.proxies import TrustedProxiesMiddleware  # noqa: E402
from chatkit.responses import RESPONSES_CHANNEL  # noqa: E402
from chatkit.responses.worker import ResponseWorker  # noqa: E402
from chatkit.uploads import UploadConsumer  # noqa: E402

application = TrustedProxiesMiddleware(
    ProtocolTypeRouter(
        {
            "http": URLRouter(
                [
                    path("api/attachments/<str:attachment_id>/upload", UploadConsumer.as_asgi()),
                    re_path(r"", django_asgi_app),
                ]
            ),
            "websocket": URLRouter([path("ws/chat/", ChatConsumer.as_asgi())]),
            # `manage.py runworker chatkit-responses` (CHATKIT_EXECUTOR=workers).
            "channel": ChannelNameRouter({RESPONSES_CHANNEL: ResponseWorker.as_asgi()}),
        }
    )
)
