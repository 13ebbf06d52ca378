// The gallery: the user's templates and the built-in ones, each with a thumbnail drawn by
// the chat's own renderer; search; New widget; Import of .widget files.
import { render } from "../widgets/render.js";
import { createApi } from "./api.js";
import { ago, byId, h, readConfig } from "./dom.js";

const config = readConfig();
const api = createApi({ base: config.urls.api, csrfToken: config.csrfToken });
const scheme = () => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");

function thumbnail(entry) {
  const frame = h("div", { class: "thumb", "aria-hidden": "true" });
  if (entry.preview) {
    // Inert: a thumbnail is a picture of the widget, not a working one.
    const widget = render(entry.preview, { colorScheme: scheme() });
    widget.inert = true;
    frame.append(h("div", { class: "thumb-scale" }, widget));
  } else {
    frame.append(h("p", { class: "thumb-empty", text: "No preview yet" }));
  }
  return frame;
}

function card(entry) {
  const meta = entry.builtin
    ? "Built-in · opens as a copy"
    : [`v${entry.version}`, entry.updatedAt ? `edited ${ago(entry.updatedAt)}` : null].filter(Boolean).join(" · ");
  return h("li", { class: "card", "data-name": entry.name, "data-search": `${entry.title} ${entry.name} ${entry.description}`.toLowerCase() },
    h("a", { class: "card-link", href: entry.url, "aria-label": `${entry.title}${entry.builtin ? " (built-in: start a copy)" : ""}` },
      thumbnail(entry),
      h("span", { class: "card-text" },
        h("span", { class: "card-title", text: entry.title }),
        h("span", { class: "card-description", text: entry.description || "No description" }),
        h("span", { class: "card-meta" }, h("code", { text: entry.name }), h("span", { text: meta })))));
}

const own = config.templates.filter((entry) => !entry.builtin);
const builtin = config.templates.filter((entry) => entry.builtin);
byId("own-templates").replaceChildren(...own.map(card));
byId("builtin-templates").replaceChildren(...builtin.map(card));
byId("own-empty").hidden = own.length > 0;

byId("gallery-search").addEventListener("input", (event) => {
  const words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const item of document.querySelectorAll(".card")) {
    const match = words.every((word) => item.dataset.search.includes(word));
    item.hidden = !match;
    shown += match ? 1 : 0;
  }
  byId("no-results").hidden = shown > 0;
});

const notice = byId("gallery-notice");
const importFile = byId("import-file");
byId("import-button").addEventListener("click", () => importFile.click());
importFile.addEventListener("change", async () => {
  const file = importFile.files[0];
  importFile.value = "";
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  try {
    const result = await api("import", { method: "POST", form });
    location.assign(result.url);
  } catch (error) {
    notice.textContent = error.message;
    notice.hidden = false;
  }
});
