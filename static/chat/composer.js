// The message box: Enter sends, Shift+Enter adds a line, Send turns into Stop while streaming.
import { h, icon } from "./icons.js";

const MAX_HEIGHT = 160;

export class Composer {
  constructor(form, { t, placeholder, onSend, onStop }) {
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
    form.append(this.input, this.sendButton, this.stopButton);
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

  #submit() {
    const text = this.input.value.trim();
    if (!text || this.streaming || this.disabled) return;
    this.input.value = "";
    this.#changed();
    this.onSend(text);
  }

  #changed() {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, MAX_HEIGHT)}px`;
    this.sendButton.disabled = !this.input.value.trim() || this.streaming || this.disabled;
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
