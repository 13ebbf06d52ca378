import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from chatkit.keys import check_secret_key
from chatkit.models import Deployment
from tests.conftest import ROOT


@pytest.mark.django_db
def test_it_creates_a_deployment_and_shows_the_secret_once(capsys):
    call_command(
        "deployment",
        "create",
        "--name",
        "Shop",
        "--origin",
        "https://shop.example/",
        "--origin",
        "https://*.Example.org",
        "--agent",
        "openai",
        "--agent-config",
        '{"model": "gpt-4o-mini", "api_key_env": "SHOP_OPENAI_KEY"}',
        "--json",
    )
    keys = json.loads(capsys.readouterr().out)
    deployment = Deployment.objects.get(public_key=keys["public_key"])
    assert keys["public_key"].startswith("pk_") and keys["secret_key"].startswith("sk_")
    assert deployment.allowed_origins == ["https://shop.example", "https://*.example.org"]
    assert deployment.agent_config == {
        "model": "gpt-4o-mini",
        "api_key_env": "SHOP_OPENAI_KEY",
        "system_prompt": "",
        "timeout": 60.0,
        "max_history": 40,
    }
    assert check_secret_key(deployment, keys["secret_key"])
    assert keys["secret_key"] not in json.dumps(list(Deployment.objects.values()), default=str)

    call_command("deployment", "list", "--json")
    listed = json.loads(capsys.readouterr().out)
    assert [d["public_key"] for d in listed] == [keys["public_key"]]
    assert "secret" not in json.dumps(listed)


@pytest.mark.django_db
def test_it_rotates_keys_and_toggles_a_deployment(capsys, deployment):
    call_command("deployment", "rotate-keys", deployment.public_key, "--json")
    keys = json.loads(capsys.readouterr().out)
    deployment.refresh_from_db()
    assert deployment.key_version == 2
    assert check_secret_key(deployment, keys["secret_key"])
    assert not check_secret_key(deployment, deployment.secret_key)
    call_command("deployment", "disable", deployment.public_key)
    deployment.refresh_from_db()
    assert not deployment.is_active
    call_command("deployment", "enable", deployment.public_key)
    deployment.refresh_from_db()
    assert deployment.is_active


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create", "--name", "X", "--origin", "ftp://x"], "scheme must be http or https"),
        (["create", "--name", "X", "--origin", "https://x.example/path"], "no path"),
        (["create", "--name", "X", "--origin", "https://*.com"], "wildcard needs a domain"),
        (["create", "--name", "X", "--agent-config", "{nope"], "not valid JSON"),
        (["create", "--name", "X", "--agent", "openai", "--agent-config", "{}"], "model"),
        (
            [
                "create",
                "--name",
                "X",
                "--agent",
                "http",
                "--agent-config",
                '{"url": "file:///etc/passwd"}',
            ],
            "url",
        ),
        (
            [
                "create",
                "--name",
                "X",
                "--agent",
                "python",
                "--agent-config",
                '{"path": "os:system"}',
            ],
            "not a subclass",
        ),
        (["create", "--name", "X", "--agent", "demo", "--agent-config", '{"extra": 1}'], "extra"),
        (["create", "--name", " "], "name"),
        (["rotate-keys", "pk_missing"], "no deployment"),
        (["disable", "pk_missing"], "no deployment"),
    ],
)
def test_it_refuses_bad_arguments_and_changes_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("deployment", *args)
    assert Deployment.objects.count() == 0


def test_it_exits_non_zero_with_a_message_on_the_command_line(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3",
        "PATH": "",
    }
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "deployment",
            "create",
            "--name",
            "X",
            "--origin",
            "nope",
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert result.stderr == "CommandError: 'nope': the scheme must be http or https\n"
    assert "Traceback" not in result.stderr
