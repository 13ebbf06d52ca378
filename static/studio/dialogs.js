// Modal dialogs built on <dialog>: confirmations and one-field prompts, as promises.
import { byId } from "./dom.js";

/** Close a dialog from its [data-cancel] buttons, and resolve `onClose` with its returnValue. */
function open(dialog) {
  return new Promise((resolve) => {
    const cancel = () => dialog.close("cancel");
    const buttons = [...dialog.querySelectorAll("[data-cancel]")];
    for (const button of buttons) button.addEventListener("click", cancel);
    dialog.addEventListener(
      "close",
      () => {
        for (const button of buttons) button.removeEventListener("click", cancel);
        resolve(dialog.returnValue);
      },
      { once: true },
    );
    dialog.returnValue = "";
    dialog.showModal();
  });
}

/** Ask to confirm a destructive step; resolves true when confirmed. */
export async function confirmDialog({ title, text, confirmLabel }) {
  const dialog = byId("confirm-dialog");
  byId("confirm-title").textContent = title;
  byId("confirm-text").textContent = text;
  const button = byId("confirm-button");
  button.textContent = confirmLabel;
  button.value = "confirm";
  queueMicrotask(() => dialog.querySelector("[data-cancel]").focus());
  return (await open(dialog)) === "confirm";
}

/**
 * Ask for one line of text. `validate(value)` returns an error message or null; resolves
 * the value, or null when cancelled.
 */
export async function promptDialog({ title, label, value = "", confirmLabel = "OK", validate = () => null }) {
  const dialog = byId("prompt-dialog");
  const form = byId("prompt-form");
  const input = byId("prompt-input");
  const error = byId("prompt-error");
  byId("prompt-title").textContent = title;
  byId("prompt-label").textContent = label;
  byId("prompt-button").textContent = confirmLabel;
  byId("prompt-button").value = "ok";
  input.value = value;
  error.hidden = true;
  const check = (event) => {
    const problem = validate(input.value.trim());
    if (problem) {
      event.preventDefault();
      error.textContent = problem;
      error.hidden = false;
      input.focus();
    }
  };
  form.addEventListener("submit", check);
  queueMicrotask(() => input.select());
  const result = await open(dialog);
  form.removeEventListener("submit", check);
  return result === "ok" ? input.value.trim() : null;
}

/** Show a dialog whose own code handles its buttons; resolves when it closes. */
export function showDialog(dialog) {
  return open(dialog);
}
