// The read-only transcript: messages as sanitised Markdown and widgets drawn by the same
// renderer as the chat. Widget actions do nothing here; this is a record, not a chat.
import { renderMarkdown } from "../../shared/markdown.js";
import { render, update } from "../../widgets/render.js";
import { colorScheme, onSchemeChange } from "./theme.js";

const widgets = JSON.parse(document.getElementById("op-widgets")?.textContent || "{}");
const options = () => ({ colorScheme: colorScheme(), onAction: () => undefined });

for (const element of document.querySelectorAll("[data-markdown]")) {
  element.replaceChildren(renderMarkdown(element.textContent));
  element.dataset.rendered = "";
}

const drawn = [];
for (const slot of document.querySelectorAll("[data-widget]")) {
  const widget = widgets[slot.dataset.widget];
  if (!widget) continue;
  const host = render(widget, options());
  host.title = "As the visitor saw it; its buttons do nothing here.";
  slot.replaceChildren(host);
  drawn.push([host, widget]);
}
onSchemeChange(() => drawn.forEach(([host, widget]) => update(host, widget, options())));

// Rendering changed the heights above a linked item; bring it back into view.
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: "center" });
