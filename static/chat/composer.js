// The message box: Enter sends, Shift+Enter adds a line, Send turns into Stop while streaming.
// With attachments on, files can be picked, dropped or pasted; they upload before sending.
import { h, icon } from "./icons.js";
import { Uploads } from "./uploads.js";

const MAX_HEIGHT = 160;

export class Composer {
  constructor(form, { t, placeholder, attachments, request, onSend, onStop }) {
    this.form = form;
    this.t = t;
    this.onSend = onSend;
    this.onStop = onStop;
    this.streaming = false;
    this.input = h("textarea", {
      className: "ck-composer-input",
      rows: "1",
      "aria-label": t("message"),
      placeholder: placeholder || t("message"),
      maxlength: "16000",
      enterkeyhint: "send",
    });
    this.sendButton = h("button", { type: "submit", className: "ck-send", "aria-label": t("send"), title: t("send"), disabled: true }, icon("send", 18));
    this.stopButton = h("button", { type: "button", className: "ck-send ck-stop", "aria-label": t("stop"), title: t("stop"), hidden: true, onclick: () => this.onStop() }, icon("stop", 16));
    this.problems = h("p", { className: "ck-composer-problems", role: "alert", hidden: true });
    const row = h("div", { className: "ck-composer-row" });
    if (attachments?.enabled) row.append(this.#filePicker(attachments, request));
    row.append(this.input, this.sendButton, this.stopButton);
    form.append(...(this.files ? [this.files.list] : []), row);
    form.after(this.problems);
    this.input.addEventListener("input", () => this.#changed());
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit();
    });
  }

  #filePicker(limits, request) {
    const list = h("ul", { className: "ck-files", "aria-label": this.t("filesToSend") });
    this.files = new Uploads(list, { t: this.t, limits, request });
    this.files.addEventListener("change", () => this.#changed());
    const chooser = h("input", { type: "file", multiple: true, accept: limits.accept.join(","), hidden: true });
    chooser.addEventListener("change", () => {
      this.#addFiles([...chooser.files]);
      chooser.value = "";
    });
    this.form.addEventListener("dragover", (event) => event.preventDefault());
    this.form.addEventListener("drop", (event) => {
      event.preventDefault();
      this.#addFiles([...(event.dataTransfer?.files ?? [])]);
    });
    this.input.addEventListener("paste", (event) => {
      const pasted = [...(event.clipboardData?.files ?? [])];
      if (pasted.length) {
        event.preventDefault();
        this.#addFiles(pasted);
      }
    });
    const button = h("button", { type: "button", className: "ck-attach", "aria-label": this.t("attach"), title: this.t("attach"), onclick: () => chooser.click() }, icon("paperclip", 18));
    return h("span", { className: "ck-attach-wrap" }, button, chooser);
  }

  #addFiles(files) {
    const problems = this.files.add(files);
    this.problems.textContent = problems.join(" ");
    this.problems.hidden = !problems.length;
  }

  #submit() {
    const text = this.input.value.trim();
    const files = this.files?.ready ?? [];
    if ((!text && !files.length) || this.streaming || this.disabled || this.files?.pending) return;
    this.input.value = "";
    this.files?.clear();
    this.problems.hidden = true;
    this.#changed();
    this.onSend(text, files);
  }

  #changed() {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, MAX_HEIGHT)}px`;
    const empty = !this.input.value.trim() && !(this.files?.ready.length);
    this.sendButton.disabled = empty || this.streaming || this.disabled || !!this.files?.pending;
  }

  setStreaming(streaming, allowCancel = true) {
    this.streaming = streaming;
    const focused = document.activeElement === this.sendButton || document.activeElement === this.stopButton;
    this.sendButton.hidden = streaming && allowCancel;
    this.stopButton.hidden = !(streaming && allowCancel);
    this.#changed();
    if (focused) (streaming ? this.stopButton : this.input).focus();
  }

  setDisabled(reason) {
    this.disabled = !!reason;
    this.input.disabled = this.disabled;
    if (reason) this.input.placeholder = reason;
    this.#changed();
  }

  restore(text) {
    if (!this.input.value) this.input.value = text;
    this.#changed();
  }

  focus() {
    this.input.focus();
  }
}
