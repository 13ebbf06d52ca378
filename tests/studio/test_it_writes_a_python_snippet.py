"""The Python snippet from the Export menu runs: its agent sends the saved template."""

from asgiref.sync import async_to_sync

from chatkit.agents.base import AgentContext
from chatkit.sessions import Visitor
from studio.snippets import agent_snippet
from widgets.gallery import gallery
from widgets.models import WidgetTemplate


def test_it_gives_a_snippet_for_a_sample_case(staff_client):
    template = WidgetTemplate(name="orders", title="Order status")
    template.save_version(gallery()["order_status"], message="first")
    result = staff_client.get("/studio/api/templates/orders/snippet?case=2").json()
    assert result["case"] == "Delayed"
    assert "class OrdersAgent(Agent):" in result["code"]
    assert "'status': 'Delayed'" in result["code"]
    assert staff_client.get("/studio/api/templates/orders/snippet?case=9").status_code == 400


def test_its_agent_sends_the_template_rendered(transactional_db, deployment):
    widget_file = gallery()["order_status"]
    template = WidgetTemplate(name="orders", title=widget_file.name)
    template.save_version(widget_file, message="first")
    namespace: dict = {}
    exec(
        compile(agent_snippet("orders", template.title, widget_file.sample()), "snippet", "exec"),
        namespace,
    )
    agent = namespace["OrdersAgent"](deployment, {})
    ctx = AgentContext(deployment=deployment, thread_id="thr_test", visitor=Visitor("anon:test"))

    async def first_event():
        async for event in agent.respond(ctx, None):
            return event
        return None

    event = async_to_sync(first_event)()
    assert event.item.widget == template.render(widget_file.sample())


def test_it_makes_names_into_python_identifiers():
    code = agent_snippet("2fa-prompt", "2FA", {"ok": True, "none": None})
    assert "def _2fa_prompt_widget(data: dict) -> dict:" in code
    assert "class Widget2faPromptAgent(Agent):" in code
    assert "data = {'ok': True, 'none': None}" in code
    compile(code, "snippet", "exec")
