// Workspace-wide keyboard shortcuts: save, format, and jumping between the editors.

export function bindShortcuts({ save, format, focusEditor }) {
  document.addEventListener("keydown", (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    } else if (event.shiftKey && event.altKey && event.code === "KeyF") {
      // Editors handle this themselves when focused; elsewhere it formats the last one used.
      event.preventDefault();
      format();
    } else if (event.altKey && !mod && ["Digit1", "Digit2", "Digit3"].includes(event.code)) {
      event.preventDefault();
      focusEditor(Number(event.code.slice(-1)));
    }
  });
}
