// The searchable Select: an ARIA combobox (text input + listbox) for long option lists. The
// chosen value lives in a hidden input with the field's name, so forms collect it as usual.
// The listbox opens as a popover (top layer), so a card's rounded clipping never cuts it off.
import { element, flags, humanize, iconButton, textElement, uid } from "./dom.js";
import { createIcon } from "./icons.js";

const supportsPopover = typeof HTMLElement !== "undefined" && "showPopover" in HTMLElement.prototype;

function optionElement(option) {
  const item = element("li", "ck-option", {
    role: "option",
    id: uid("ck-option"),
    "aria-selected": "false",
    "aria-disabled": option.disabled ? "true" : null,
  });
  item.append(textElement("span", "ck-option-label", option.label));
  if (option.description) item.append(textElement("span", "ck-option-description", option.description));
  return item;
}

export function createCombobox(node, ctx) {
  const wrap = element("div", "ck-select ck-combobox");
  flags(wrap, { variant: node.variant ?? "outline", size: node.size ?? "md", pill: node.pill === true, block: node.block === true });
  const list = element("ul", "ck-listbox", { role: "listbox", id: uid("ck-listbox"), popover: supportsPopover ? "manual" : null });
  const input = element("input", "ck-combobox-input", {
    type: "text",
    role: "combobox",
    "aria-expanded": "false",
    "aria-controls": list.id,
    "aria-autocomplete": "list",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: node.placeholder ?? "Search…",
    disabled: node.disabled === true,
    "aria-label": node.placeholder || humanize(node.name.split(".").at(-1)),
  });
  const hidden = element("input", null, { type: "hidden", name: node.name, "data-nullable": "" });
  const empty = textElement("li", "ck-option-empty", "No matches");
  empty.setAttribute("role", "presentation");

  const entries = node.options.map((option) => ({ option, el: optionElement(option) }));
  list.append(...entries.map((entry) => entry.el), empty);
  let visible = entries;
  let active = -1;

  const selected = () => entries.find((entry) => entry.option.value === hidden.value);
  const showSelection = () => {
    input.value = selected()?.option.label ?? "";
    wrap.toggleAttribute("data-empty", hidden.value === "");
  };

  const setActive = (index) => {
    entries.forEach((entry) => entry.el.removeAttribute("data-active"));
    active = index;
    const entry = visible[index];
    if (!entry) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    entry.el.dataset.active = "";
    input.setAttribute("aria-activedescendant", entry.el.id);
    entry.el.scrollIntoView({ block: "nearest" });
  };

  const enabledFrom = (start, step) => {
    for (let i = start; i >= 0 && i < visible.length; i += step) if (!visible[i].option.disabled) return i;
    return active;
  };

  const filter = (query) => {
    const needle = query.trim().toLowerCase();
    visible = entries.filter(({ option }) =>
      !needle || option.label.toLowerCase().includes(needle) || (option.description ?? "").toLowerCase().includes(needle),
    );
    for (const entry of entries) entry.el.hidden = !visible.includes(entry);
    empty.hidden = visible.length > 0;
  };

  const place = () => {
    if (!supportsPopover) return;
    const rect = input.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom;
    const up = below < 220 && rect.top > below;
    list.style.setProperty("left", `${rect.left}px`);
    list.style.setProperty("width", `${Math.max(rect.width, 200)}px`);
    list.style.setProperty("top", up ? "auto" : `${rect.bottom + 4}px`);
    list.style.setProperty("bottom", up ? `${window.innerHeight - rect.top + 4}px` : "auto");
  };

  const isOpen = () => input.getAttribute("aria-expanded") === "true";
  const open = () => {
    if (isOpen() || input.disabled) return;
    input.setAttribute("aria-expanded", "true");
    wrap.dataset.open = "";
    if (supportsPopover) {
      list.showPopover();
      place();
      window.addEventListener("scroll", place, true);
      window.addEventListener("resize", place);
    }
    const current = visible.indexOf(selected());
    setActive(current >= 0 ? current : enabledFrom(0, 1));
  };
  const close = () => {
    if (!isOpen()) return;
    input.setAttribute("aria-expanded", "false");
    delete wrap.dataset.open;
    if (supportsPopover) {
      list.hidePopover();
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    }
    filter("");
    setActive(-1);
    showSelection();
  };

  const choose = (entry) => {
    if (!entry || entry.option.disabled) return;
    const changed = hidden.value !== entry.option.value;
    hidden.value = entry.option.value;
    for (const other of entries) other.el.setAttribute("aria-selected", String(other === entry));
    close();
    if (changed) ctx.changed(hidden, node, wrap);
  };

  input.addEventListener("click", open);
  input.addEventListener("input", () => {
    open();
    filter(input.value);
    setActive(enabledFrom(0, 1));
  });
  input.addEventListener("keydown", (event) => {
    const keys = {
      ArrowDown: () => (isOpen() ? setActive(enabledFrom(active + 1, 1)) : open()),
      ArrowUp: () => (isOpen() ? setActive(enabledFrom(active - 1, -1)) : open()),
      Home: () => isOpen() && setActive(enabledFrom(0, 1)),
      End: () => isOpen() && setActive(enabledFrom(visible.length - 1, -1)),
      Enter: () => isOpen() && choose(visible[active]),
      Escape: () => close(),
    };
    const handler = keys[event.key];
    if (!handler) return;
    const consumed = isOpen() || event.key.startsWith("Arrow");
    handler();
    if (consumed) event.preventDefault();
  });
  input.addEventListener("blur", () => setTimeout(() => wrap.contains(document.activeElement) || close(), 0));
  // Keep focus in the input while picking with the pointer.
  list.addEventListener("pointerdown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => choose(entries.find((entry) => entry.el.contains(event.target))));

  const initial = entries.find((entry) => entry.option.value === node.defaultValue);
  hidden.value = initial ? initial.option.value : "";
  hidden.defaultValue = hidden.value;
  if (initial) initial.el.setAttribute("aria-selected", "true");
  filter("");
  showSelection();

  wrap.append(input, hidden, createIcon("lucide:chevron-down"), list);
  if (node.clearable) {
    const clear = iconButton("lucide:x", "Clear selection", "ck-clear");
    clear.addEventListener("click", () => {
      const changed = hidden.value !== "";
      hidden.value = "";
      entries.forEach((entry) => entry.el.setAttribute("aria-selected", "false"));
      showSelection();
      if (changed) ctx.changed(hidden, node, wrap);
    });
    wrap.append(clear);
  }
  return wrap;
}
