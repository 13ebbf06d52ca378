"""Agent backends; `load_agent` picks the one a deployment is configured with."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from chatkit.agents.base import Agent, AgentContext, AgentError

if TYPE_CHECKING:
    from chatkit.models import Deployment

__all__ = ["Agent", "AgentContext", "AgentError", "import_agent_class", "load_agent"]


def import_agent_class(path: str) -> type[Agent]:
    """Import "package.module:ClassName" and check it is an Agent subclass."""
    module_name, _, class_name = path.partition(":")
    if not module_name or not class_name:
        raise ValueError(f"expected 'package.module:ClassName'; got {path!r}")
    try:
        cls = getattr(import_module(module_name), class_name)
    except (ImportError, AttributeError) as e:
        raise ValueError(f"cannot import {path!r}: {e}") from None
    if not (isinstance(cls, type) and issubclass(cls, Agent)):
        raise ValueError(f"{path!r} is not a subclass of chatkit.agents.Agent")
    return cls


def load_agent(deployment: Deployment) -> Agent:
    """The deployment's agent; ValueError when its settings are not valid (any more)."""
    from chatkit.agents.config import AgentConfigError, validate_agent_config

    try:
        config = validate_agent_config(deployment.agent, deployment.agent_config or {})
    except AgentConfigError as e:
        raise ValueError(f"agent settings of {deployment.public_key}: {e}") from None
    if deployment.agent == "demo":
        from chatkit.agents.demo import DemoAgent

        return DemoAgent(deployment, config)
    if deployment.agent == "openai":
        from chatkit.agents.openai_compatible import OpenAICompatibleAgent

        return OpenAICompatibleAgent(deployment, config)
    if deployment.agent == "http":
        from chatkit.agents.http import HttpAgent

        return HttpAgent(deployment, config)
    return import_agent_class(config["path"])(deployment, config.get("options", {}))
