"""Deployments, threads, thread items, the per-thread event log, feedback and response records."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone

from chatkit import config


def new_public_key() -> str:
    return f"pk_{secrets.token_urlsafe(18)}"


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def new_thread_id() -> str:
    return new_id("thr")


class Agent(models.TextChoices):
    DEMO = "demo", "Built-in demo agent"
    OPENAI = "openai", "OpenAI-compatible chat completions"
    HTTP = "http", "HTTP (ChatKit server protocol)"
    PYTHON = "python", "Python class"


class Deployment(models.Model):
    """One embeddable chat: its keys, the sites allowed to embed it, its agent and its look."""

    name = models.CharField(max_length=100)
    public_key = models.CharField(max_length=64, unique=True, default=new_public_key)
    is_active = models.BooleanField("active", default=True)
    # The secret key is derived from SECRET_KEY and this nonce (see chatkit.keys); the
    # database holds only the nonce and a hash, never the secret itself.
    secret_nonce = models.CharField(max_length=64, default="", editable=False)
    secret_key_hash = models.CharField(max_length=128, default="", editable=False)
    # Bumped on rotation: session tokens carry the version they were minted under.
    key_version = models.PositiveIntegerField(default=1, editable=False)
    allowed_origins = models.JSONField(default=list, blank=True)
    agent = models.CharField(max_length=16, choices=Agent.choices, default=Agent.DEMO)
    agent_config = models.JSONField(default=dict, blank=True)
    theme = models.JSONField(default=dict, blank=True)
    start_screen = models.JSONField(default=dict, blank=True)
    composer_placeholder = models.CharField(max_length=200, blank=True)
    disclaimer = models.CharField(max_length=500, blank=True)
    features = models.JSONField(default=dict, blank=True)
    rate_limits = models.JSONField(default=dict, blank=True)
    locale = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.public_key})"

    def client_config(self) -> dict:
        """What the chat page needs to draw itself; never contains secrets."""
        return config.ClientConfig.from_deployment(self).model_dump(mode="json")


class Thread(models.Model):
    id = models.CharField(primary_key=True, max_length=40, default=new_thread_id)
    deployment = models.ForeignKey(Deployment, models.CASCADE, related_name="threads")
    # "anon:<id>" for anonymous visitors, "user:<sub>" for verified ones.
    visitor = models.CharField(max_length=200, db_index=True)
    visitor_name = models.CharField(max_length=200, blank=True)
    visitor_email = models.CharField(max_length=254, blank=True)
    title = models.CharField(max_length=200, blank=True)
    status = models.JSONField(default=config.active_status)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    last_seq = models.BigIntegerField(default=0)
    # Which response (if any) is running, and when its process last said it was alive.
    running_response = models.CharField(max_length=40, blank=True)
    running_heartbeat = models.DateTimeField(null=True, blank=True)
    # Set by Stop, read by the response's heartbeat wherever it runs.
    cancel_requested = models.BooleanField(default=False)

    class Meta:
        indexes = [
            # Finding responses whose process died (their lease ran out) stays cheap.
            models.Index(
                fields=["running_heartbeat"],
                condition=~models.Q(running_response=""),
                name="thread_running_idx",
            ),
            models.Index(fields=["deployment", "visitor", "-updated_at"]),
            # New conversations per period: the health dashboard and the transcript list.
            models.Index(fields=["deployment", "created_at"], name="thread_deployment_new_idx"),
            models.Index(fields=["created_at"], name="thread_new_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.id


class ThreadItem(models.Model):
    """A ChatKit thread item; `data` is its exact ChatKit JSON."""

    id = models.CharField(primary_key=True, max_length=40)
    thread = models.ForeignKey(Thread, models.CASCADE, related_name="items")
    type = models.CharField(max_length=40)
    data = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    # The seq of the event that created the item orders the thread; the seq of the last
    # event that changed it lets a compacted replay send only what changed.
    position = models.BigIntegerField(default=0)
    updated_seq = models.BigIntegerField(default=0)
    is_done = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["thread", "position"])]

    def __str__(self) -> str:
        return self.id


class ThreadEvent(models.Model):
    """Every stream event of a thread, in `seq` order, kept for exact replay on resume."""

    thread = models.ForeignKey(Thread, models.CASCADE, related_name="events")
    seq = models.BigIntegerField()
    request_id = models.CharField(max_length=100, blank=True)
    event = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "seq"], name="unique_thread_seq")]

    def __str__(self) -> str:
        return f"{self.thread_id}#{self.seq}"


class Feedback(models.Model):
    class Kind(models.TextChoices):
        POSITIVE = "positive"
        NEGATIVE = "negative"

    thread = models.ForeignKey(Thread, models.CASCADE, related_name="feedback")
    item = models.ForeignKey(ThreadItem, models.CASCADE, related_name="feedback")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item"], name="one_feedback_per_item")]

    def __str__(self) -> str:
        return f"{self.kind} on {self.item_id}"


class Response(models.Model):
    """One agent response: timing and outcome, the raw material of the health dashboard."""

    class Kind(models.TextChoices):
        MESSAGE = "message"
        ACTION = "action"
        RETRY = "retry"
        TOOL_OUTPUT = "tool_output"

    class Outcome(models.TextChoices):
        RUNNING = "running"
        COMPLETED = "completed"
        CANCELLED = "cancelled"
        # Recorded before answers outlived their connections; no longer produced.
        DISCONNECTED = "disconnected"
        ERROR = "error"

    id = models.CharField(primary_key=True, max_length=40)
    deployment = models.ForeignKey(Deployment, models.CASCADE, related_name="responses")
    thread = models.ForeignKey(Thread, models.SET_NULL, null=True, related_name="responses")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MESSAGE)
    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    first_token_ms = models.PositiveIntegerField(null=True)
    duration_ms = models.PositiveIntegerField(null=True)
    output_tokens = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.RUNNING)
    error_code = models.CharField(max_length=40, blank=True)
    # The process that ran it ("host:pid"), for operators following a crash.
    runner = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [
            # Covers every column the health dashboard reads, so it never touches the table
            # (and serves any lookup by deployment and start time).
            models.Index(
                fields=[
                    "deployment",
                    "started_at",
                    "outcome",
                    "kind",
                    "output_tokens",
                    "first_token_ms",
                    "error_code",
                ],
                name="response_health_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.id


class LiveConnection(models.Model):
    """An authenticated chat websocket, kept fresh by the client's pings (any process)."""

    channel_name = models.CharField(primary_key=True, max_length=200)
    deployment = models.ForeignKey(Deployment, models.CASCADE, related_name="connections")
    visitor = models.CharField(max_length=200)
    connected_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.channel_name


class EmbedOrigin(models.Model):
    """A site that tried to show a deployment's chat, and whether it was allowed to."""

    class Status(models.TextChoices):
        ALLOWED = "allowed"
        REFUSED = "refused"

    deployment = models.ForeignKey(Deployment, models.CASCADE, related_name="embed_origins")
    origin = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices)
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)
    hits = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deployment", "origin", "status"], name="one_row_per_origin_status"
            )
        ]
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"{self.origin} ({self.status})"


def new_attachment_secret() -> str:
    return secrets.token_urlsafe(24)


class Attachment(models.Model):
    """A file a visitor attached to a message: uploaded first, then sent with the message.

    Its download URL carries an unguessable secret (a capability URL), so the chat page can
    show it with a plain <img> or link, without cookies, and replayed events stay valid.
    """

    id = models.CharField(primary_key=True, max_length=40)
    deployment = models.ForeignKey(Deployment, models.CASCADE, related_name="attachments")
    visitor = models.CharField(max_length=200, db_index=True)
    thread = models.ForeignKey(
        Thread, models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    # The user message it was sent with; empty while it only waits to be sent.
    message_id = models.CharField(max_length=40, blank=True, db_index=True)
    name = models.CharField(max_length=255)
    mime_type = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    secret = models.CharField(max_length=64, default=new_attachment_secret, editable=False)
    file = models.FileField(upload_to="attachments/%Y/%m/", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["deployment", "visitor", "created_at"])]

    def __str__(self) -> str:
        return self.name
