"""`manage.py deployment create | list | enable | disable | rotate-keys` (SPEC §5)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chatkit.deployments import (
    DeploymentError,
    create_deployment,
    describe,
    rotate_keys,
    set_active,
)
from chatkit.models import Agent, Deployment


class Command(BaseCommand):
    help = "Create, list, enable, disable deployments and rotate their keys."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="create a deployment and print its keys")
        create.add_argument("--name", required=True)
        create.add_argument(
            "--origin", action="append", default=[], help="an allowed site, repeatable"
        )
        create.add_argument("--agent", choices=[choice.value for choice in Agent], default="demo")
        create.add_argument("--agent-config", default="{}", help="the agent's settings as JSON")
        create.add_argument("--json", action="store_true")
        listing = actions.add_parser("list", help="list deployments")
        listing.add_argument("--json", action="store_true")
        for name in ("enable", "disable"):
            actions.add_parser(name, help=f"{name} a deployment").add_argument("public_key")
        rotate = actions.add_parser("rotate-keys", help="issue a new secret key, revoking sessions")
        rotate.add_argument("public_key")
        rotate.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            self.create(options)
        elif action == "list":
            self.list(options["json"])
        elif action == "rotate-keys":
            deployment = self.find(options["public_key"])
            self.keys(deployment, rotate_keys(deployment), options["json"])
        else:
            deployment = self.find(options["public_key"])
            set_active(deployment, action == "enable")
            self.stdout.write(f"{deployment.public_key} {action}d")

    def create(self, options: dict[str, Any]) -> None:
        try:
            agent_config = json.loads(options["agent_config"])
        except ValueError as e:
            raise CommandError(f"--agent-config is not valid JSON: {e}") from None
        if not options["origin"]:
            self.stderr.write(
                "note: no --origin given; only this server's own pages can show the chat"
            )
        try:
            deployment, secret_key = create_deployment(
                options["name"], options["origin"], options["agent"], agent_config
            )
        except DeploymentError as e:
            raise CommandError(str(e)) from None
        self.keys(deployment, secret_key, options["json"])

    def keys(self, deployment: Deployment, secret_key: str, as_json: bool) -> None:
        if as_json:
            self.stdout.write(
                json.dumps({"public_key": deployment.public_key, "secret_key": secret_key})
            )
        else:
            self.stdout.write(
                f"public key: {deployment.public_key}\nsecret key: {secret_key}  (shown only now)"
            )

    def list(self, as_json: bool) -> None:
        deployments = [describe(d) for d in Deployment.objects.order_by("created_at")]
        if as_json:
            self.stdout.write(json.dumps(deployments))
            return
        for d in deployments:
            state = "active" if d["active"] else "disabled"
            self.stdout.write(
                f"{d['public_key']}  {d['name']}  [{state}, {d['agent']}]  {' '.join(d['allowed_origins'])}"
            )

    def find(self, public_key: str) -> Deployment:
        deployment = Deployment.objects.filter(public_key=public_key).first()
        if deployment is None:
            raise CommandError(f"no deployment with public key {public_key!r}")
        return deployment
