// The conversations panel: the visitor's threads, newest first, page by page.
import { h, icon } from "./icons.js";

const PAGE = 20;

export class HistoryPanel {
  constructor(panel, { t, locale, list, onOpen }) {
    this.panel = panel;
    this.t = t;
    this.list = list;
    this.onOpen = onOpen;
    this.format = new Intl.DateTimeFormat(locale || undefined, { dateStyle: "medium", timeStyle: "short" });
    this.items = h("ul", { className: "ck-history-list", "aria-label": t("conversations") });
    this.more = h("button", { type: "button", className: "ck-chip", hidden: true, onclick: () => this.#load() }, t("moreConversations"));
    this.backButton = h("button", { type: "button", className: "ck-icon-button", "aria-label": t("back"), title: t("back"), onclick: () => this.hide() }, icon("back"));
    panel.append(
      h("div", { className: "ck-history-header" }, this.backButton, h("h2", { text: t("conversations") })),
      this.items,
      this.more,
    );
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.hide();
      }
    });
  }

  get open() {
    return !this.panel.hidden;
  }

  async show(currentId) {
    this.currentId = currentId;
    this.after = null;
    this.items.replaceChildren();
    this.panel.hidden = false;
    this.backButton.focus();
    await this.#load();
  }

  hide() {
    this.panel.hidden = true;
    this.panel.dispatchEvent(new CustomEvent("closed"));
  }

  async #load() {
    const params = { limit: PAGE, order: "desc" };
    if (this.after) params.after = this.after;
    const page = await this.list(params);
    for (const thread of page.data) {
      const button = h("button", { type: "button", className: "ck-history-entry", "aria-current": thread.id === this.currentId ? "true" : null, onclick: () => {
        this.hide();
        this.onOpen(thread.id);
      } },
        h("span", { className: "ck-history-title", text: thread.title || this.t("untitled") }),
        h("time", { className: "ck-history-date", datetime: thread.created_at, text: this.format.format(new Date(thread.created_at)) }));
      this.items.append(h("li", {}, button));
    }
    if (!this.items.childElementCount) this.items.append(h("li", { className: "ck-history-empty", text: this.t("noConversations") }));
    this.after = page.has_more ? page.after : null;
    this.more.hidden = !page.has_more;
  }
}
