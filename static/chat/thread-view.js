// Draws a thread into the message log: one keyed element per item, redrawn only when that
// item changes, at most once per animation frame while tokens stream in.
import { renderMarkdown } from "../shared/markdown.js";
import { h, icon } from "./icons.js";
import { formatSize } from "./uploads.js";

const NEAR_BOTTOM = 80;

export class ThreadView {
  constructor(log, { t, features, onRetry, onFeedback, onWidgetAction, onLoadOlder, colorScheme }) {
    this.log = log;
    this.t = t;
    this.features = features;
    this.onRetry = onRetry;
    this.onFeedback = onFeedback;
    this.onWidgetAction = onWidgetAction;
    this.colorScheme = colorScheme;
    this.elements = new Map();
    this.dirty = new Set();
    this.frame = 0;
    this.state = null;
    this.feedback = new Map();
    this.tail = h("div", { className: "ck-tail" });
    // Always the log's first child: items are kept between it and the tail.
    this.older = h("button", { type: "button", className: "ck-chip ck-older", hidden: true, onclick: () => onLoadOlder() }, this.t("loadOlder"));
    this.log.append(this.older, this.tail);
    // Follow new content only while the visitor is at the bottom; reading older messages
    // is not interrupted by a streaming answer.
    this.pinned = true;
    this.log.addEventListener("scroll", () => {
      this.pinned = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < NEAR_BOTTOM;
    }, { passive: true });
  }

  reset(state) {
    this.state = state;
    this.dropPendingUserMessage();
    for (const element of this.elements.values()) element.remove();
    this.elements.clear();
    this.tail.replaceChildren();
    this.older.hidden = true;
    this.dirty = new Set(state ? state.items.keys() : []);
    this.#flush(true);
  }

  /** Draw items just put before the loaded ones, keeping what the visitor was looking at. */
  showOlder(ids) {
    const fromBottom = this.log.scrollHeight - this.log.scrollTop;
    for (const id of ids) this.dirty.add(id);
    this.#flush(false);
    this.log.scrollTop = this.log.scrollHeight - fromBottom;
  }

  /** Mark items as changed; they are redrawn on the next animation frame. */
  update(ids) {
    for (const id of ids) this.dirty.add(id);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.#flush(false));
  }

  setBusy(busy) {
    // Screen readers hold announcements while the log is busy, so a streamed answer is
    // read once, when it is finished, instead of token by token.
    this.log.setAttribute("aria-busy", busy ? "true" : "false");
    if (!busy) this.update([...this.elements.keys()].slice(-1));
  }

  showPendingUserMessage(text) {
    this.clearTail();
    this.pending = h("article", { className: "ck-item ck-user ck-pending", dataset: { itemType: "user_message" } },
      h("div", { className: "ck-bubble", text }));
    this.log.insertBefore(this.pending, this.tail);
    this.scrollToBottom(true);
  }

  dropPendingUserMessage() {
    this.pending?.remove();
    this.pending = null;
  }

  setProgress(text) {
    this.tail.querySelector(".ck-progress")?.remove();
    if (text) {
      this.tail.append(h("div", { className: "ck-progress", role: "status" }, h("span", { className: "ck-spinner" }), h("span", { text })));
      this.#stick();
    }
  }

  showError(message, allowRetry) {
    this.setProgress(null);
    this.tail.querySelector(".ck-alert")?.remove();
    const retry = allowRetry
      ? h("button", { type: "button", className: "ck-chip", onclick: () => this.onRetry() }, icon("retry", 14), this.t("retry"))
      : null;
    this.tail.append(h("div", { className: "ck-alert", role: "alert" }, icon("alert", 16), h("span", { text: message || this.t("failed") }), retry));
    this.#stick();
  }

  showNotice(event) {
    this.tail.append(
      h("div", { className: `ck-notice ck-notice-${event.level || "info"}`, role: "status" },
        event.title ? h("strong", { text: event.title }) : null,
        h("div", { className: "ck-prose" }, renderMarkdown(event.message))),
    );
    this.#stick();
  }

  clearTail() {
    this.tail.replaceChildren();
  }

  scrollToBottom(force = false) {
    if (force) this.pinned = true;
    if (this.pinned) this.log.scrollTop = this.log.scrollHeight;
  }

  #stick() {
    if (this.pinned) requestAnimationFrame(() => this.scrollToBottom());
  }

  #flush(jump) {
    this.frame = 0;
    const state = this.state;
    if (!state) return;
    const order = [...state.items.keys()];
    const lastAssistant = [...state.items.values()].reverse().find((item) => item.type === "assistant_message" || item.type === "widget");
    for (const id of this.dirty) {
      const item = state.items.get(id);
      const existing = this.elements.get(id);
      if (!item) {
        existing?.remove();
        this.elements.delete(id);
        continue;
      }
      if (item.type === "user_message") this.dropPendingUserMessage();
      const element = this.#draw(item, existing, item === lastAssistant);
      if (!element) continue;
      if (element !== existing) {
        existing?.replaceWith(element);
        this.elements.set(id, element);
      }
    }
    this.dirty.clear();
    // Keep DOM order equal to thread order (items are appended in order almost always).
    let previous = this.older;
    for (const id of order) {
      const element = this.elements.get(id);
      if (!element) continue;
      if (previous.nextElementSibling !== element) this.log.insertBefore(element, previous.nextSibling);
      previous = element;
    }
    this.older.hidden = !state.olderCursor;
    if (this.pending) this.log.insertBefore(this.pending, this.tail);
    this.scrollToBottom(jump);
  }

  #draw(item, existing, isLast) {
    switch (item.type) {
      case "user_message":
        return existing ?? this.#userMessage(item);
      case "assistant_message":
        return this.#assistantMessage(item, existing, isLast);
      case "widget":
        return this.#widget(item, existing, isLast);
      default:
        return null;
    }
  }

  #shell(item, className) {
    return h("article", { className: `ck-item ${className}`, dataset: { itemType: item.type, itemId: item.id } });
  }

  #userMessage(item) {
    const element = this.#shell(item, "ck-user");
    const text = item.content.map((part) => part.text ?? "").join("");
    if (item.quoted_text) element.append(h("blockquote", { className: "ck-quote", text: item.quoted_text }));
    if (text) element.append(h("div", { className: "ck-bubble" }, h("span", { className: "ck-sr-only", text: `${this.t("you")}: ` }), text));
    if (item.attachments?.length) element.append(this.#attachments(item.attachments));
    return element;
  }

  #attachments(files) {
    const list = h("ul", { className: "ck-sent-files", "aria-label": this.t("attachments") });
    for (const file of files) {
      // Files are served from this origin at unguessable URLs; only http(s) is linked.
      const url = /^https?:/i.test(file.url ?? "") ? file.url : null;
      const content = file.type === "image" && url
        ? h("img", { src: file.preview_url ?? url, alt: file.name, loading: "lazy" })
        : h("span", { className: "ck-sent-file" }, icon("file", 16), h("span", { text: file.name }), h("span", { className: "ck-file-size", text: formatSize(file.size ?? 0) }));
      list.append(h("li", {}, url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, content) : content));
    }
    return list;
  }

  #assistantMessage(item, existing, isLast) {
    const streaming = this.state.streaming.has(item.id);
    const element = existing ?? this.#shell(item, "ck-assistant");
    const text = item.content.map((part) => part.text ?? "").join("");
    let body = element.querySelector(".ck-prose");
    if (!body) {
      body = h("div", { className: "ck-prose" });
      element.append(h("span", { className: "ck-sr-only", text: `${this.t("assistant")}: ` }), body);
    }
    if (body.dataset.source !== text) {
      body.replaceChildren(renderMarkdown(text));
      body.dataset.source = text;
      if (!streaming) this.#decorateCode(body);
    }
    element.classList.toggle("ck-streaming", streaming);
    this.#actions(element, item, text, streaming, isLast);
    if (text) this.setProgress(null);
    return element;
  }

  #widget(item, existing, isLast) {
    const element = existing ?? this.#shell(item, "ck-widget-item");
    const host = element.querySelector(".ck-widget-host") ?? element.appendChild(h("div", { className: "ck-widget-host" }));
    const streaming = this.state.streaming.has(item.id);
    const options = {
      colorScheme: this.colorScheme(),
      onAction: (action, context) => this.onWidgetAction(item.id, action, context),
    };
    import("../widgets/render.js").then(({ render, update }) => {
      // update() keeps what the visitor typed into fields the new version did not change.
      if (host.firstElementChild) update(host.firstElementChild, item.widget, options);
      else host.replaceChildren(render(item.widget, options));
      this.scrollToBottom();
    }).catch(() => host.replaceChildren(h("div", { className: "ck-alert", text: this.t("failed") })));
    this.setProgress(null);
    this.#actions(element, item, item.copy_text ?? "", streaming, isLast);
    return element;
  }

  #actions(element, item, text, streaming, isLast) {
    element.querySelector(".ck-actions")?.remove();
    if (streaming) return;
    const actions = h("div", { className: "ck-actions" });
    if (text) {
      const copy = h("button", { type: "button", className: "ck-icon-button", "aria-label": this.t("copy"), title: this.t("copy") }, icon("copy", 15));
      copy.addEventListener("click", async () => {
        await copyText(text);
        copy.replaceChildren(icon("check", 15));
        copy.setAttribute("aria-label", this.t("copied"));
        setTimeout(() => {
          copy.replaceChildren(icon("copy", 15));
          copy.setAttribute("aria-label", this.t("copy"));
        }, 1500);
      });
      actions.append(copy);
    }
    if (this.features.feedback) {
      const given = this.feedback.get(item.id);
      for (const [kind, label, name] of [["positive", "good", "up"], ["negative", "bad", "down"]]) {
        const button = h("button", {
          type: "button",
          className: "ck-icon-button",
          "aria-label": this.t(label),
          title: this.t(label),
          "aria-pressed": given === kind ? "true" : "false",
        }, icon(name, 15));
        button.addEventListener("click", () => this.#giveFeedback(element, item, kind));
        actions.append(button);
      }
    }
    if (this.features.retry && isLast) {
      actions.append(h("button", { type: "button", className: "ck-icon-button", "aria-label": this.t("retry"), title: this.t("retry"), onclick: () => this.onRetry() }, icon("retry", 15)));
    }
    if (actions.childElementCount) element.append(actions);
  }

  async #giveFeedback(element, item, kind) {
    this.feedback.set(item.id, kind);
    for (const button of element.querySelectorAll(".ck-actions [aria-pressed]")) {
      const pressed = (button.getAttribute("aria-label") === this.t("good")) === (kind === "positive");
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    await this.onFeedback(item, kind, "");
    element.querySelector(".ck-feedback-form")?.remove();
    if (kind !== "negative") return;
    const input = h("input", { type: "text", className: "ck-text-input", maxlength: "2000", "aria-label": this.t("feedbackPrompt"), placeholder: this.t("feedbackPrompt") });
    const form = h("form", { className: "ck-feedback-form" }, input,
      h("button", { type: "submit", className: "ck-chip" }, this.t("submit")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      await this.onFeedback(item, kind, input.value.trim());
      form.replaceWith(h("div", { className: "ck-feedback-thanks", role: "status", text: this.t("thanks") }));
    });
    element.append(form);
    input.focus();
  }

  #decorateCode(body) {
    for (const pre of body.querySelectorAll("pre")) {
      const code = pre.textContent;
      const button = h("button", { type: "button", className: "ck-code-copy", "aria-label": this.t("copyCode"), title: this.t("copyCode") }, icon("copy", 14));
      button.addEventListener("click", async () => {
        await copyText(code);
        button.replaceChildren(icon("check", 14));
        setTimeout(() => button.replaceChildren(icon("copy", 14)), 1500);
      });
      pre.append(button);
    }
  }
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h("textarea", { className: "ck-sr-only" });
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
}
