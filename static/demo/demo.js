// The demo page's own script: it drives the chat only through the public window.chatkit API,
// queueing calls until the loader arrives, exactly as a site owner would.
window.chatkit = window.chatkit || [];

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-chat]");
  if (!button) return;
  if (button.dataset.chat === "open") window.chatkit.push(["open"]);
  if (button.dataset.chat === "send") window.chatkit.push(["send", button.dataset.text]);
});

const seen = [];
for (const name of ["ready", "open", "close", "response.start", "response.end", "thread.change", "effect", "action", "error"]) {
  window.chatkit.push([
    "on",
    name,
    () => {
      seen.push(name);
      const output = document.getElementById("chat-events");
      if (output) output.textContent = seen.slice(-6).join(" → ");
    },
  ]);
}
