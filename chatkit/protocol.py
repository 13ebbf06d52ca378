"""The websocket protocol (SPEC §7): one pydantic model per request and per event.

Requests arrive as `{"id", "type", "params"}`; `parse_request` turns a decoded frame into
a typed request or raises `ProtocolError` with the SPEC error code. Events are ChatKit's
ThreadStreamEvent JSON, field for field, so ChatKit clients and widgets port unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_ID_LENGTH = 100
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

ErrorCode = Literal[
    "unauthenticated",
    "invalid_json",
    "invalid_request",
    "unknown_type",
    "too_large",
    "rate_limited",
    "not_found",
    "busy",
    "internal",
]


class ProtocolError(Exception):
    """A request the server refuses; becomes an error frame and changes nothing."""

    def __init__(self, code: ErrorCode, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Wire(BaseModel):
    """Outgoing JSON; `None` fields are dropped like ChatKit does."""

    model_config = ConfigDict(extra="forbid")

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True, by_alias=True)


Id = Annotated[str, Field(min_length=1, max_length=MAX_ID_LENGTH)]


# --- user input -----------------------------------------------------------------------


class InputText(Model):
    type: Literal["input_text"] = "input_text"
    text: str = Field(max_length=16_000)


class InputTag(Model):
    type: Literal["input_tag"] = "input_tag"
    id: Id
    text: str = Field(max_length=500)
    data: dict[str, Any] = Field(default_factory=dict)
    group: str | None = Field(default=None, max_length=200)
    interactive: bool = False


UserMessageContent = Annotated[InputText | InputTag, Field(discriminator="type")]


class ToolChoice(Model):
    id: Id


class InferenceOptions(Model):
    tool_choice: ToolChoice | None = None
    model: str | None = Field(default=None, max_length=200)


class UserMessageInput(Model):
    content: list[UserMessageContent] = Field(min_length=1, max_length=50)
    attachments: list[Id] = Field(default_factory=list, max_length=20)
    quoted_text: str | None = Field(default=None, max_length=16_000)
    inference_options: InferenceOptions = Field(default_factory=InferenceOptions)

    def text(self) -> str:
        return "".join(part.text for part in self.content)


class ActionInput(Model):
    """An action as the client sends it back (ChatKit's `Action`)."""

    model_config = ConfigDict(extra="ignore")

    type: str = Field(min_length=1, max_length=200)
    payload: Any = None


# --- requests -------------------------------------------------------------------------


class SessionAuthParams(Model):
    token: str = Field(min_length=1, max_length=4096)


class ThreadsCreateParams(Model):
    input: UserMessageInput


class ThreadsAddUserMessageParams(Model):
    thread_id: Id
    input: UserMessageInput


class ThreadsCustomActionParams(Model):
    thread_id: Id
    item_id: Id | None = None
    action: ActionInput


class ThreadsRetryAfterItemParams(Model):
    thread_id: Id
    item_id: Id


class ThreadsAddClientToolOutputParams(Model):
    thread_id: Id
    result: Any = None


class ThreadIdParams(Model):
    thread_id: Id


class ThreadsListParams(Model):
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    order: Literal["asc", "desc"] = "desc"
    after: Id | None = None


class ThreadsUpdateParams(Model):
    thread_id: Id
    title: str = Field(max_length=200)


class ItemsListParams(Model):
    thread_id: Id
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    order: Literal["asc", "desc"] = "desc"
    after: Id | None = None


class ItemsFeedbackParams(Model):
    thread_id: Id
    item_ids: list[Id] = Field(min_length=1, max_length=50)
    kind: Literal["positive", "negative"]
    comment: str | None = Field(default=None, max_length=2000)


class AttachmentsCreateParams(Model):
    name: str = Field(min_length=1, max_length=255)
    size: int = Field(ge=0)
    mime_type: str = Field(min_length=1, max_length=255)


class AttachmentsDeleteParams(Model):
    attachment_id: Id


class ThreadsResumeParams(Model):
    thread_id: Id
    after_seq: int = Field(ge=0)


class NoParams(Model):
    pass


REQUEST_PARAMS: dict[str, type[Model]] = {
    "session.auth": SessionAuthParams,
    "threads.create": ThreadsCreateParams,
    "threads.add_user_message": ThreadsAddUserMessageParams,
    "threads.custom_action": ThreadsCustomActionParams,
    "threads.sync_custom_action": ThreadsCustomActionParams,
    "threads.retry_after_item": ThreadsRetryAfterItemParams,
    "threads.add_client_tool_output": ThreadsAddClientToolOutputParams,
    "threads.get_by_id": ThreadIdParams,
    "threads.list": ThreadsListParams,
    "threads.update": ThreadsUpdateParams,
    "threads.delete": ThreadIdParams,
    "items.list": ItemsListParams,
    "items.feedback": ItemsFeedbackParams,
    "attachments.create": AttachmentsCreateParams,
    "attachments.delete": AttachmentsDeleteParams,
    "threads.cancel": ThreadIdParams,
    "threads.resume": ThreadsResumeParams,
    "ping": NoParams,
}


class Request(BaseModel):
    id: str
    type: str
    params: Any


def request_id_of(frame: Any) -> str | None:
    """The request id to answer with, when the frame carries a usable one."""
    if isinstance(frame, dict):
        rid = frame.get("id")
        if isinstance(rid, str) and 0 < len(rid) <= MAX_ID_LENGTH:
            return rid
    return None


def _describe(error: dict[str, Any]) -> tuple[str, str]:
    field = ".".join(str(part) for part in error["loc"]) or "params"
    return field, f"{field}: {error['msg']}"


def parse_request(frame: Any) -> Request:
    """Check the envelope, then the params of the named type."""
    if not isinstance(frame, dict):
        raise ProtocolError("invalid_request", "A request must be a JSON object.")
    unknown = set(frame) - {"id", "type", "params", "metadata"}
    if unknown:
        name = sorted(unknown)[0]
        raise ProtocolError("invalid_request", f"Unknown request field {name!r}.", field=name)
    rid = frame.get("id")
    if not isinstance(rid, str) or not 0 < len(rid) <= MAX_ID_LENGTH:
        raise ProtocolError(
            "invalid_request",
            f"id: expected a string of 1 to {MAX_ID_LENGTH} characters.",
            field="id",
        )
    rtype = frame.get("type")
    if not isinstance(rtype, str):
        raise ProtocolError("invalid_request", "type: expected a string.", field="type")
    params_model = REQUEST_PARAMS.get(rtype)
    if params_model is None:
        raise ProtocolError("unknown_type", f"Unknown request type {rtype[:100]!r}.")
    raw_params = frame.get("params", {})
    if raw_params is None:
        raw_params = {}
    if not isinstance(raw_params, dict):
        raise ProtocolError("invalid_request", "params: expected an object.", field="params")
    try:
        params = params_model.model_validate(raw_params)
    except ValidationError as e:
        field, message = _describe(e.errors()[0])
        raise ProtocolError("invalid_request", message, field=f"params.{field}") from None
    return Request(id=rid, type=rtype, params=params)


# --- thread items ---------------------------------------------------------------------


class ItemBase(Wire):
    id: str
    thread_id: str
    created_at: datetime


class UserMessageItem(ItemBase):
    type: Literal["user_message"] = "user_message"
    content: list[UserMessageContent]
    attachments: list[dict[str, Any]] = Field(default_factory=list)
    quoted_text: str | None = None
    inference_options: InferenceOptions = Field(default_factory=InferenceOptions)

    def text(self) -> str:
        return "".join(part.text for part in self.content)


class Annotation(Wire):
    type: Literal["annotation"] = "annotation"
    source: dict[str, Any]
    index: int | None = None


class OutputText(Wire):
    type: Literal["output_text"] = "output_text"
    text: str
    annotations: list[Annotation] = Field(default_factory=list)


class AssistantMessageItem(ItemBase):
    type: Literal["assistant_message"] = "assistant_message"
    content: list[OutputText] = Field(default_factory=list)


class WidgetItem(ItemBase):
    type: Literal["widget"] = "widget"
    widget: dict[str, Any]
    copy_text: str | None = None


class ClientToolCallItem(ItemBase):
    type: Literal["client_tool_call"] = "client_tool_call"
    status: Literal["pending", "completed"] = "pending"
    call_id: str
    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    output: Any = None


class HiddenContextItem(ItemBase):
    type: Literal["hidden_context_item"] = "hidden_context_item"
    content: Any = None


class EndOfTurnItem(ItemBase):
    type: Literal["end_of_turn"] = "end_of_turn"


ThreadItem = Annotated[
    UserMessageItem
    | AssistantMessageItem
    | WidgetItem
    | ClientToolCallItem
    | HiddenContextItem
    | EndOfTurnItem,
    Field(discriminator="type"),
]

# Never sent to a visitor's browser (ChatKit filters them from items.list too).
HIDDEN_ITEM_TYPES = frozenset({"hidden_context_item", "sdk_hidden_context"})


# --- item updates ---------------------------------------------------------------------


class TextDelta(Wire):
    type: Literal["assistant_message.content_part.text_delta"] = (
        "assistant_message.content_part.text_delta"
    )
    content_index: int
    delta: str


class ContentPartAdded(Wire):
    type: Literal["assistant_message.content_part.added"] = "assistant_message.content_part.added"
    content_index: int
    content: OutputText


class ContentPartDone(Wire):
    type: Literal["assistant_message.content_part.done"] = "assistant_message.content_part.done"
    content_index: int
    content: OutputText


class AnnotationAdded(Wire):
    type: Literal["assistant_message.content_part.annotation_added"] = (
        "assistant_message.content_part.annotation_added"
    )
    content_index: int
    annotation_index: int
    annotation: Annotation


class WidgetStreamingTextDelta(Wire):
    type: Literal["widget.streaming_text.value_delta"] = "widget.streaming_text.value_delta"
    component_id: str
    delta: str
    done: bool


class WidgetRootUpdated(Wire):
    type: Literal["widget.root.updated"] = "widget.root.updated"
    widget: dict[str, Any]


class WidgetComponentUpdated(Wire):
    type: Literal["widget.component.updated"] = "widget.component.updated"
    component_id: str
    component: dict[str, Any]


ItemUpdate = Annotated[
    TextDelta
    | ContentPartAdded
    | ContentPartDone
    | AnnotationAdded
    | WidgetStreamingTextDelta
    | WidgetRootUpdated
    | WidgetComponentUpdated,
    Field(discriminator="type"),
]


# --- stream events --------------------------------------------------------------------


class Page(Wire):
    data: list[Any]
    has_more: bool = False
    after: str | None = None


class ThreadStatus(Wire):
    type: Literal["active", "locked", "closed"] = "active"
    reason: str | None = None


class ThreadData(Wire):
    id: str
    title: str | None = None
    created_at: datetime
    status: ThreadStatus = Field(default_factory=ThreadStatus)
    items: Page = Field(default_factory=lambda: Page(data=[]))


class ThreadCreated(Wire):
    type: Literal["thread.created"] = "thread.created"
    thread: ThreadData


class ThreadUpdated(Wire):
    type: Literal["thread.updated"] = "thread.updated"
    thread: ThreadData


class ThreadItemAdded(Wire):
    type: Literal["thread.item.added"] = "thread.item.added"
    item: ThreadItem


class ThreadItemUpdated(Wire):
    type: Literal["thread.item.updated"] = "thread.item.updated"
    item_id: str
    update: ItemUpdate


class ThreadItemDone(Wire):
    type: Literal["thread.item.done"] = "thread.item.done"
    item: ThreadItem


class ThreadItemRemoved(Wire):
    type: Literal["thread.item.removed"] = "thread.item.removed"
    item_id: str


class ThreadItemReplaced(Wire):
    type: Literal["thread.item.replaced"] = "thread.item.replaced"
    item: ThreadItem


class StreamOptionsData(Wire):
    allow_cancel: bool = True


class StreamOptions(Wire):
    type: Literal["stream_options"] = "stream_options"
    stream_options: StreamOptionsData = Field(default_factory=StreamOptionsData)


class ProgressUpdate(Wire):
    type: Literal["progress_update"] = "progress_update"
    icon: str | None = None
    text: str


class ClientEffect(Wire):
    type: Literal["client_effect"] = "client_effect"
    name: str
    data: dict[str, Any] = Field(default_factory=dict)


class ErrorEvent(Wire):
    type: Literal["error"] = "error"
    code: Literal["stream.error", "custom"] = "stream.error"
    message: str | None = None
    allow_retry: bool = False


class Notice(Wire):
    type: Literal["notice"] = "notice"
    level: Literal["info", "warning", "danger"] = "info"
    message: str
    title: str | None = None


ThreadStreamEvent = (
    ThreadCreated
    | ThreadUpdated
    | ThreadItemAdded
    | ThreadItemUpdated
    | ThreadItemDone
    | ThreadItemRemoved
    | ThreadItemReplaced
    | StreamOptions
    | ProgressUpdate
    | ClientEffect
    | ErrorEvent
    | Notice
)


# --- frames ---------------------------------------------------------------------------


def stream_frame(request_id: str, thread_id: str, seq: int, event: dict[str, Any]) -> dict:
    return {"id": request_id, "thread_id": thread_id, "seq": seq, "event": event}


def done_frame(request_id: str, thread_id: str) -> dict:
    return {"id": request_id, "thread_id": thread_id, "done": True}


def result_frame(request_id: str, result: dict[str, Any]) -> dict:
    return {"id": request_id, "result": result}


def error_frame(request_id: str | None, code: ErrorCode, message: str, **extra: Any) -> dict:
    return {"id": request_id, "error": {"code": code, "message": message, **extra}}
