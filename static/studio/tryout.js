// "Try in chat": the real chat, mounted inline with the loader visitors' pages use, asked to
// show the saved template with `/widget NAME`. Only the demo agent answers that for any
// template; other agents send the widgets their own code picks.
import { byId, h } from "./dom.js";

let loader = null;

/** Load /embed.js once (a plain <script src>, as a host page would). */
function loadEmbedScript(src) {
  loader ??= new Promise((resolve, reject) => {
    const script = h("script", { src, async: true });
    script.addEventListener("load", () => resolve(window.chatkit));
    script.addEventListener("error", () => {
      loader = null;
      reject(new Error("The chat loader could not be loaded."));
    });
    document.head.append(script);
  });
  return loader;
}

export function createTryout({ deployments, embedScript, getSaved, isDirty, notify }) {
  const drawer = byId("try-drawer");
  const button = byId("try-button");
  const picker = byId("try-deployment");
  const send = byId("try-open");
  const warning = byId("try-warning");
  const target = byId("try-chat");
  let chat = null;
  let mountedFor = null;

  picker.replaceChildren(
    ...deployments.map((deployment) =>
      h("option", {
        value: deployment.publicKey,
        disabled: !deployment.canShowWidgets,
        text: deployment.canShowWidgets ? `${deployment.name} (${deployment.publicKey})` : `${deployment.name}: ${deployment.agent}, can't show any template`,
      }),
    ),
  );
  const usable = deployments.find((deployment) => deployment.canShowWidgets);
  if (usable) picker.value = usable.publicKey;

  function refresh() {
    const saved = getSaved();
    let message = "";
    if (!deployments.length) message = "There is no active deployment. Create one in the admin (or run manage.py demo).";
    else if (!usable) message = "No active deployment uses the demo agent, the one that answers /widget NAME with any template.";
    else if (!saved) message = "Save the template first: the chat asks the agent for it by name.";
    else if (isDirty()) message = `The chat shows the saved version (v${saved.version}), not your unsaved changes: save to try them.`;
    warning.textContent = message;
    warning.hidden = !message;
    send.disabled = !saved || !usable;
  }

  async function sendToChat() {
    const saved = getSaved();
    if (!saved) return;
    try {
      const api = await loadEmbedScript(embedScript);
      if (chat && mountedFor !== picker.value) {
        chat.destroy();
        chat = null;
      }
      if (!chat) {
        target.replaceChildren();
        const scheme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
        chat = api.mount({ deployment: picker.value, target, mode: "inline", colorScheme: scheme });
        mountedFor = picker.value;
      }
      chat.send(`/widget ${saved.name}`);
    } catch (error) {
      notify(error.message);
    }
  }

  function toggle(open = drawer.hidden) {
    drawer.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) refresh();
  }

  button.addEventListener("click", () => toggle());
  drawer.querySelector("[data-close-drawer]").addEventListener("click", () => toggle(false));
  send.addEventListener("click", sendToChat);
  return { toggle, refresh };
}
