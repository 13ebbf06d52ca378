// Health charts: Chart widgets built by the server, drawn by the same renderer as the
// chat and the studio.
import { render, update } from "../../widgets/render.js";
import { colorScheme, onSchemeChange } from "./theme.js";

const charts = JSON.parse(document.getElementById("op-charts")?.textContent || "{}");
const options = () => ({ colorScheme: colorScheme(), onAction: () => undefined });

const drawn = [];
for (const slot of document.querySelectorAll("[data-chart]")) {
  const widget = charts[slot.dataset.chart];
  if (!widget) continue;
  const host = render(widget, options());
  slot.replaceChildren(host);
  drawn.push([host, widget]);
}
onSchemeChange(() => drawn.forEach(([host, widget]) => update(host, widget, options())));
