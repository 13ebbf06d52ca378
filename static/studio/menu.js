// Menu buttons: a button that opens a list of actions (role="menu"), with arrow keys,
// Escape, and closing on a click elsewhere.

export function setupMenu(button, menu, onPick) {
  const items = () => [...menu.querySelectorAll('[role="menuitem"]:not([disabled])')];

  function close({ focusButton = false } = {}) {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (focusButton) button.focus();
  }

  function openMenu() {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    items()[0]?.focus();
  }

  button.addEventListener("click", () => (menu.hidden ? openMenu() : close()));
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      openMenu();
    }
  });
  menu.addEventListener("keydown", (event) => {
    const list = items();
    const index = list.indexOf(document.activeElement);
    if (event.key === "Escape") close({ focusButton: true });
    else if (event.key === "ArrowDown") list[(index + 1) % list.length]?.focus();
    else if (event.key === "ArrowUp") list[(index - 1 + list.length) % list.length]?.focus();
    else if (event.key === "Tab") close();
    else return;
    event.preventDefault();
  });
  menu.addEventListener("click", (event) => {
    const item = event.target.closest('[role="menuitem"]');
    if (!item || item.disabled) return;
    close({ focusButton: true });
    onPick(item);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!menu.contains(event.target) && !button.contains(event.target)) close();
  });
}
