// The action simulator: what the agent would receive when a preview button is clicked or a
// form submitted, the ActionConfig with form values merged, exactly as render.js hands it to
// the chat. The preview shows the loading state it would show while the agent answers.
import { byId } from "./dom.js";

const SIMULATED_RESPONSE_MS = 450;

export function createSimulator() {
  const empty = byId("action-empty");
  const detail = byId("action-detail");
  const meta = byId("action-meta");
  const code = byId("action-json");
  let count = 0;

  return function onAction(action, context, scheme) {
    count += 1;
    const component = context?.component?.type ?? "widget";
    const handler = action.handler === "client" ? "your page's onAction (handler: client)" : "the agent, as threads.custom_action";
    meta.textContent = `#${count} · ${component} in the ${scheme} preview → ${handler}`;
    code.textContent = JSON.stringify(action, null, 2);
    empty.hidden = true;
    detail.hidden = false;
    detail.classList.remove("flash");
    // Restart the highlight animation for repeated clicks.
    void detail.offsetWidth;
    detail.classList.add("flash");
    return new Promise((resolve) => setTimeout(resolve, SIMULATED_RESPONSE_MS));
  };
}
