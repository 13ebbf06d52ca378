// Files the visitor attaches before sending: checked against the chat's limits, uploaded
// at once (ChatKit's two-phase upload), shown as chips that can be removed.
import { h, icon } from "./icons.js";

function matches(type, patterns) {
  const mime = (type || "application/octet-stream").toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.endsWith("/*") ? mime.startsWith(p.slice(0, -1)) : mime === p;
  });
}

export function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export class Uploads extends EventTarget {
  constructor(list, { t, limits, request }) {
    super();
    this.list = list;
    this.t = t;
    this.limits = limits;
    this.request = request;
    this.entries = [];
  }

  get pending() {
    return this.entries.some((entry) => entry.state === "uploading");
  }

  get ready() {
    return this.entries.filter((entry) => entry.state === "done").map((entry) => entry.id);
  }

  /** Check and upload files; returns the messages of the refused ones. */
  add(files) {
    const problems = [];
    for (const file of files) {
      if (this.entries.length >= this.limits.max_count) {
        problems.push(this.t("tooManyFiles", { count: this.limits.max_count }));
        break;
      }
      if (!matches(file.type, this.limits.accept)) {
        problems.push(this.t("fileNotAccepted", { name: file.name }));
      } else if (file.size > this.limits.max_size) {
        problems.push(this.t("fileTooLarge", { name: file.name, size: formatSize(this.limits.max_size) }));
      } else if (file.size === 0) {
        problems.push(this.t("fileEmpty", { name: file.name }));
      } else {
        this.#upload(file);
      }
    }
    return problems;
  }

  clear() {
    this.entries = [];
    this.list.replaceChildren();
    this.#changed();
  }

  async #upload(file) {
    const entry = { file, state: "uploading", id: null };
    entry.element = h("li", { className: "ck-file", dataset: { state: "uploading" } });
    this.entries.push(entry);
    this.#draw(entry);
    this.list.append(entry.element);
    this.#changed();
    try {
      const reserved = await this.request("attachments.create", {
        name: file.name,
        size: file.size,
        mime_type: file.type || "application/octet-stream",
      });
      entry.id = reserved.id;
      const { url, method, headers } = reserved.upload_descriptor;
      const response = await fetch(url, { method, headers, body: file, credentials: "omit" });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      }
      entry.state = "done";
    } catch (error) {
      entry.state = "failed";
      entry.error = error.message;
    }
    if (this.entries.includes(entry)) {
      this.#draw(entry);
      this.#changed();
    }
  }

  #remove(entry) {
    this.entries = this.entries.filter((other) => other !== entry);
    entry.element.remove();
    if (entry.id && entry.state === "done") this.request("attachments.delete", { attachment_id: entry.id }).catch(() => {});
    this.#changed();
  }

  #draw(entry) {
    const { file } = entry;
    const status = {
      uploading: h("span", { className: "ck-spinner", "aria-label": this.t("uploading") }),
      done: icon("check", 14),
      failed: icon("alert", 14),
    }[entry.state];
    entry.element.dataset.state = entry.state;
    entry.element.replaceChildren(
      status,
      h("span", { className: "ck-file-name", text: file.name, title: entry.error ?? file.name }),
      h("span", { className: "ck-file-size", text: entry.state === "failed" ? this.t("uploadFailed") : formatSize(file.size) }),
      h("button", {
        type: "button",
        className: "ck-file-remove",
        "aria-label": this.t("removeFile", { name: file.name }),
        title: this.t("removeFile", { name: file.name }),
        onclick: () => this.#remove(entry),
      }, icon("close", 12)),
    );
  }

  #changed() {
    this.dispatchEvent(new CustomEvent("change"));
  }
}
