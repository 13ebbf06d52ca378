// Form controls: Input, Textarea, Select, DatePicker, Checkbox, RadioGroup. Each is a real form
// element with a `name`, so native validation and form value collection just work.
import { createCombobox } from "./combobox.js";
import { element, flags, humanize, iconButton, textElement } from "./dom.js";
import { createIcon } from "./icons.js";

// Long option lists get the searchable combobox, like ChatKit.
const SEARCH_THRESHOLD = 15;

function controlFlags(el, node, defaults = {}) {
  flags(el, {
    variant: node.variant ?? defaults.variant ?? "outline",
    size: node.size ?? "md",
    gutter: node.gutterSize,
    pill: node.pill === true,
    block: node.block === true,
  });
}

function autofillAttributes(el, allow) {
  if (allow) return;
  el.autocomplete = "off";
  el.setAttribute("data-1p-ignore", "");
  el.setAttribute("data-lpignore", "true");
}

/** A field's accessible name when no Label points at it: its placeholder or its name. */
function fallbackName(el, node) {
  el.setAttribute("aria-label", node.placeholder || humanize(node.name.split(".").at(-1)));
}

export function Input(node, ctx) {
  const input = element("input", "ck-input ck-field", {
    type: node.inputType ?? "text",
    name: node.name,
    placeholder: node.placeholder,
    pattern: node.pattern,
    required: node.required === true,
    disabled: node.disabled === true,
    // Any number is fine; the default step of 1 would reject decimals.
    step: node.inputType === "number" ? "any" : null,
  });
  if (node.defaultValue !== undefined) input.defaultValue = node.defaultValue;
  controlFlags(input, node);
  autofillAttributes(input, node.allowAutofillExtensions);
  fallbackName(input, node);
  ctx.focusOnMount(input, node);
  return input;
}

/** `pattern` is not native on <textarea>; apply it as a custom validity message. */
function textareaPattern(textarea, pattern) {
  let regex;
  try {
    regex = new RegExp(`^(?:${pattern})$`, "v");
  } catch {
    return;
  }
  const check = () =>
    textarea.setCustomValidity(textarea.value && !regex.test(textarea.value) ? "Please match the requested format." : "");
  textarea.addEventListener("input", check);
  check();
}

/** Grow with the content up to maxRows; measured, since field-sizing is not everywhere yet. */
function autoResize(textarea, maxRows) {
  const resize = () => {
    textarea.style.setProperty("height", "auto");
    const style = getComputedStyle(textarea);
    const lineHeight = parseFloat(style.lineHeight) || 20;
    const chrome = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    const limit = maxRows ? maxRows * lineHeight + chrome : Infinity;
    const height = Math.min(textarea.scrollHeight + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth), limit);
    textarea.style.setProperty("height", `${height}px`);
    textarea.style.setProperty("overflow-y", textarea.scrollHeight + chrome > limit ? "auto" : "hidden");
  };
  textarea.addEventListener("input", resize);
  return resize;
}

export function Textarea(node, ctx) {
  const textarea = element("textarea", "ck-textarea ck-field", {
    name: node.name,
    placeholder: node.placeholder,
    required: node.required === true,
    disabled: node.disabled === true,
    rows: node.rows ?? 3,
  });
  if (node.defaultValue !== undefined) textarea.defaultValue = node.defaultValue;
  controlFlags(textarea, node);
  autofillAttributes(textarea, node.allowAutofillExtensions);
  fallbackName(textarea, node);
  if (node.pattern) textareaPattern(textarea, node.pattern);
  if (node.autoResize) {
    textarea.dataset.autoResize = "";
    ctx.onMount(autoResize(textarea, node.maxRows));
  }
  ctx.focusOnMount(textarea, node);
  return textarea;
}

function clearButton(label, onClear) {
  const button = iconButton("lucide:x", label, "ck-clear");
  button.addEventListener("click", onClear);
  return button;
}

function nativeSelect(node, ctx) {
  const wrap = element("div", "ck-select");
  controlFlags(wrap, node);
  const select = element("select", "ck-select-native", { name: node.name, disabled: node.disabled === true });
  fallbackName(select, node);
  const hasDefault = node.options.some((option) => option.value === node.defaultValue);
  if (node.placeholder || !hasDefault) {
    const placeholder = textElement("option", null, node.placeholder ?? "");
    placeholder.value = "";
    placeholder.disabled = !node.clearable;
    placeholder.defaultSelected = !hasDefault;
    select.append(placeholder);
  }
  for (const option of node.options) {
    const el = textElement("option", null, option.label);
    el.value = option.value;
    el.disabled = option.disabled === true;
    el.defaultSelected = option.value === node.defaultValue;
    if (option.description) el.title = option.description;
    select.append(el);
  }
  const sync = () => wrap.toggleAttribute("data-empty", select.value === "");
  select.addEventListener("change", () => {
    sync();
    ctx.changed(select, node, wrap);
  });
  wrap.append(select, createIcon("lucide:chevron-down"));
  if (node.clearable) {
    wrap.append(
      clearButton("Clear selection", () => {
        select.value = "";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }),
    );
  }
  sync();
  return wrap;
}

export function Select(node, ctx) {
  const searchable = node.searchable ?? node.options.length > SEARCH_THRESHOLD;
  const el = searchable ? createCombobox(node, ctx) : nativeSelect(node, ctx);
  el.dataset.searchable = String(searchable);
  return el;
}

const isoDate = (value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

export function DatePicker(node, ctx) {
  const wrap = element("div", "ck-date");
  controlFlags(wrap, node);
  const input = element("input", "ck-date-input ck-field", {
    type: "date",
    name: node.name,
    min: isoDate(node.min),
    max: isoDate(node.max),
    disabled: node.disabled === true,
  });
  input.defaultValue = isoDate(node.defaultValue) ?? "";
  input.dataset.nullable = "";
  fallbackName(input, node);
  wrap.append(input);
  if (node.placeholder) wrap.append(textElement("span", "ck-date-placeholder", node.placeholder));
  const sync = () => wrap.toggleAttribute("data-empty", input.value === "");
  input.addEventListener("input", sync);
  input.addEventListener("change", () => {
    sync();
    ctx.changed(input, node, wrap);
  });
  if (node.clearable) {
    wrap.append(
      clearButton("Clear date", () => {
        input.value = "";
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }),
    );
  }
  sync();
  return wrap;
}

export function Checkbox(node, ctx) {
  const label = element("label", "ck-check");
  const input = element("input", "ck-check-input", {
    type: "checkbox",
    name: node.name,
    required: node.required === true,
    disabled: node.disabled === true,
  });
  input.defaultChecked = node.defaultChecked === true;
  input.addEventListener("change", () => ctx.changed(input, node, label));
  label.append(input);
  if (node.label) label.append(textElement("span", "ck-check-label", node.label));
  else input.setAttribute("aria-label", humanize(node.name.split(".").at(-1)));
  if (node.disabled) label.dataset.disabled = "";
  return label;
}

export function RadioGroup(node, ctx) {
  const group = element("div", "ck-radio-group", {
    role: "radiogroup",
    "aria-label": node.ariaLabel ?? humanize(node.name.split(".").at(-1)),
    "aria-required": node.required ? "true" : null,
  });
  flags(group, { direction: node.direction ?? "col", disabled: node.disabled === true });
  for (const option of node.options ?? []) {
    const label = element("label", "ck-check");
    const input = element("input", "ck-check-input", {
      type: "radio",
      name: node.name,
      value: option.value,
      required: node.required === true,
      disabled: node.disabled === true || option.disabled === true,
    });
    input.defaultChecked = option.value === node.defaultValue;
    input.addEventListener("change", () => ctx.changed(input, node, group));
    if (input.disabled) label.dataset.disabled = "";
    label.append(input, textElement("span", "ck-check-label", option.label));
    group.append(label);
  }
  return group;
}
