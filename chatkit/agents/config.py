"""Validated settings of each agent backend (SPEC §5 `--agent-config`)."""

from __future__ import annotations

import os
from typing import Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError, field_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DemoConfig(Strict):
    pass


class OpenAIConfig(Strict):
    """An OpenAI-compatible chat completions endpoint (OpenAI, Azure, vLLM, Ollama, ...)."""

    base_url: AnyHttpUrl | None = None
    model: str = Field(min_length=1, max_length=200)
    api_key: str | None = Field(default=None, min_length=1, max_length=500)
    api_key_env: str | None = Field(default=None, pattern=r"^[A-Z_][A-Z0-9_]{0,99}$")
    system_prompt: str = Field(default="", max_length=20_000)
    temperature: float | None = Field(default=None, ge=0, le=2)
    timeout: float = Field(default=60, gt=0, le=600)
    max_history: int = Field(default=40, ge=1, le=500)

    def resolved_base_url(self) -> str:
        url = (
            str(self.base_url)
            if self.base_url
            else os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1")
        )
        return url.rstrip("/")

    def resolved_api_key(self) -> str | None:
        if self.api_key:
            return self.api_key
        return os.environ.get(self.api_key_env or "OPENAI_API_KEY")


class HttpConfig(Strict):
    """A server speaking ChatKit's own protocol (POST JSON, Server-Sent Events back)."""

    url: AnyHttpUrl
    timeout: float = Field(default=60, gt=0, le=600)
    headers: dict[str, str] = Field(default_factory=dict, max_length=20)

    @field_validator("headers")
    @classmethod
    def no_hop_by_hop(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if name.lower() in {"host", "content-length", "transfer-encoding", "connection"}:
                raise ValueError(f"header {name!r} is set by the server and cannot be configured")
        return value


class PythonConfig(Strict):
    path: str = Field(pattern=r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$", max_length=300)
    options: dict[str, Any] = Field(default_factory=dict)


AGENT_CONFIGS: dict[str, type[Strict]] = {
    "demo": DemoConfig,
    "openai": OpenAIConfig,
    "http": HttpConfig,
    "python": PythonConfig,
}


class AgentConfigError(ValueError):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = errors
        super().__init__(
            "; ".join(f"{field}: {message}" if field else message for field, message in errors)
        )


def validate_agent_config(agent: str, config: Any) -> dict[str, Any]:
    """The config as stored (defaults filled in), or AgentConfigError naming each bad field."""
    model = AGENT_CONFIGS.get(agent)
    if model is None:
        raise AgentConfigError(
            [("agent", f"unknown agent {agent!r}; expected one of {', '.join(AGENT_CONFIGS)}")]
        )
    if not isinstance(config, dict):
        raise AgentConfigError([("", "the agent settings must be a JSON object")])
    try:
        validated = model.model_validate(config)
    except ValidationError as e:
        raise AgentConfigError(
            [(".".join(str(part) for part in error["loc"]), error["msg"]) for error in e.errors()]
        ) from None
    if agent == "openai" and validated.api_key and validated.api_key_env:
        raise AgentConfigError([("api_key", "give api_key or api_key_env, not both")])
    if agent == "python":
        from chatkit.agents import import_agent_class

        try:
            import_agent_class(validated.path)
        except ValueError as e:
            raise AgentConfigError([("path", str(e))]) from None
    return validated.model_dump(mode="json", exclude_none=True)
