// The widget renderer: `render(widget, options)` checks untrusted widget JSON against the
// published schema and limits, then builds the DOM for ChatKit's component catalog; anything
// invalid becomes a contained error box. `update(element, widget)` re-renders in place.
import { createActions } from "./actions.js";
import { Chart } from "./chart.js";
import { Badge, Button, Caption, Icon, Image, Label, Markdown, Text, Title } from "./content.js";
import { Checkbox, DatePicker, Input, RadioGroup, Select, Textarea } from "./controls.js";
import { element, textElement, uid } from "./dom.js";
import { createIcon } from "./icons.js";
import {
  Basic, Box, Card, Col, Divider, Form, ListView, ListViewItem, Row, Spacer, Table, TableCell,
  TableRow, Transition,
} from "./layout.js";
import { limits, widgetSchema } from "./schema.js";
import { createChecker } from "./validate.js";

const COMPONENTS = {
  Card, ListView, ListViewItem, Basic, Box, Row, Col, Form, Spacer, Divider, Transition,
  Table, "Table.Row": TableRow, "Table.Cell": TableCell,
  Text, Title, Caption, Markdown, Label, Badge, Icon, Image, Button,
  Input, Textarea, Select, DatePicker, Checkbox, RadioGroup, Chart,
};

const MAX_ERRORS_SHOWN = 8;
const STYLESHEET = new URL("./render.css", import.meta.url).href;
const check = createChecker(widgetSchema, limits);
const states = new WeakMap(); // rendered element → { options, actions }

/**
 * Validate a widget (an object or its JSON text) without rendering it.
 * Returns `{ok: true, widget}` or `{ok: false, errors: [{pointer, message}]}`.
 */
export function validateWidget(widget) {
  let value = widget;
  if (typeof widget === "string") {
    if (widget.length > limits.maxBytes) return { ok: false, errors: [{ pointer: "", message: `The widget is larger than ${limits.maxBytes} bytes.` }] };
    try {
      value = JSON.parse(widget);
    } catch (error) {
      return { ok: false, errors: [{ pointer: "", message: `Not valid JSON: ${error.message}` }] };
    }
  }
  try {
    const result = check(value);
    return result.ok ? { ok: true, widget: value } : result;
  } catch (error) {
    return { ok: false, errors: [{ pointer: "", message: `The widget could not be checked: ${error.message}` }] };
  }
}

/**
 * Render a widget root (Card, ListView or Basic) to a new element.
 * options.onAction(action, {element, component}) receives every triggered ActionConfig with
 * form values merged into its payload; returning a promise shows the loading state until it
 * settles. options.colorScheme is "light" or "dark" (default: the user's preference).
 */
export function render(widget, options = {}) {
  ensureStylesheet(document);
  const host = element("div", "ck-widget");
  const state = { options };
  state.actions = createActions(host, () => state.options);
  states.set(host, state);
  applyScheme(host, options.colorScheme);
  fill(host, widget, state);
  return host;
}

/**
 * Replace the widget shown by `host` (an element from render()) with `widget`, keeping what
 * the user typed into unchanged fields and focus, and animating Transition children.
 * `options` replaces the render options when given.
 */
export function update(host, widget, options) {
  const state = states.get(host);
  if (!state) throw new TypeError("update() needs an element returned by render()");
  if (options) {
    state.options = options;
    applyScheme(host, options.colorScheme);
  }
  const before = snapshot(host);
  fill(host, widget, state);
  restore(host, before);
}

function applyScheme(host, scheme) {
  if (scheme === "light" || scheme === "dark") host.dataset.colorScheme = scheme;
  else delete host.dataset.colorScheme;
}

const styledDocuments = new WeakSet();

/** Attach render.css once per document (a <link>, which a `style-src 'self'` CSP allows). */
function ensureStylesheet(doc) {
  if (styledDocuments.has(doc)) return;
  styledDocuments.add(doc);
  const present = [...doc.querySelectorAll('link[rel~="stylesheet"]')].some((link) => link.href === STYLESHEET);
  if (present) return;
  const link = doc.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET;
  doc.head.append(link);
}

function fill(host, widget, state) {
  const result = validateWidget(widget);
  if (!result.ok) {
    showErrors(host, result.errors);
    return;
  }
  try {
    const mounted = [];
    const ctx = createContext(state, mounted);
    const root = build(result.widget, ctx);
    linkLabels(root);
    host.replaceChildren(root);
    host.dataset.state = "ready";
    whenConnected(host, mounted);
  } catch (error) {
    console.error("Widget rendering failed", error);
    showErrors(host, [{ pointer: "", message: "The widget could not be rendered." }]);
  }
}

function showErrors(host, errors) {
  host.replaceChildren(errorBox(errors));
  host.dataset.state = "invalid";
}

function errorBox(errors) {
  const box = element("div", "ck-error", { role: "group", "aria-label": "Widget error", "data-widget-error": "" });
  const title = element("div", "ck-error-title");
  title.append(createIcon("lucide:triangle-alert"), textElement("span", null, "This widget can't be displayed"));
  const list = element("ul", "ck-error-list");
  for (const { pointer, message } of errors.slice(0, MAX_ERRORS_SHOWN)) {
    const item = element("li");
    item.append(textElement("code", "ck-error-pointer", pointer || "/"), textElement("span", null, message));
    list.append(item);
  }
  if (errors.length > MAX_ERRORS_SHOWN) list.append(textElement("li", "ck-error-more", `…and ${errors.length - MAX_ERRORS_SHOWN} more`));
  box.append(title, list);
  return box;
}

function build(node, ctx, extra) {
  const make = Object.hasOwn(COMPONENTS, node.type) ? COMPONENTS[node.type] : null;
  if (!make) throw new TypeError(`Unknown component ${node.type}`);
  const el = make(node, ctx, extra);
  el.dataset.component = node.type;
  if (typeof node.id === "string") el.dataset.id = node.id;
  if (typeof node.key === "string") el.dataset.key = node.key;
  return el;
}

/** What components get to wire themselves: children, actions, forms and mount hooks. */
function createContext(state, mounted) {
  const { actions } = state;
  const submitters = new WeakMap(); // submit Button element → its component
  const ctx = {
    actions,
    children(node, extra) {
      const kids = node.children;
      const list = Array.isArray(kids) ? kids : kids ? [kids] : [];
      return list.map((child) => build(child, ctx, extra));
    },
    onMount(callback) {
      mounted.push(callback);
    },
    focusOnMount(field, { autoFocus, autoSelect }) {
      if (!autoFocus) return;
      mounted.push(() => {
        field.focus({ preventScroll: true });
        if (autoSelect) field.select?.();
      });
    },
    bindButton(button, node) {
      if (node.submit) submitters.set(button, node);
      button.addEventListener("click", () => {
        // A submit button inside a form goes through native validation and the submit handler.
        if ((node.submit && button.form) || !node.onClickAction) return;
        actions.trigger({ action: node.onClickAction, element: button, component: node, attach: "click", form: button.form });
      });
    },
    bindForm(form, node, action, attach) {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        event.stopPropagation();
        const button = event.submitter;
        const own = button && submitters.get(button);
        if (own?.onClickAction) {
          actions.trigger({ action: own.onClickAction, element: button, component: own, attach: "click", form });
        } else if (action) {
          actions.trigger({ action, element: button ?? form, component: node, attach, form });
        }
      });
    },
    changed(field, node, container) {
      if (!node.onChangeAction) return;
      actions.trigger({
        action: node.onChangeAction,
        element: field,
        component: node,
        attach: "change",
        form: field.form,
        fields: container.querySelectorAll("input, select, textarea"),
      });
    },
  };
  return ctx;
}

/** Point each Label at the field with its fieldName (first match in the widget). */
function linkLabels(root) {
  const labels = root.querySelectorAll("label[data-field-name]");
  if (!labels.length) return;
  const fields = [...root.querySelectorAll("input, select, textarea")];
  for (const label of labels) {
    const field = fields.find((f) => f.name === label.dataset.fieldName);
    if (!field) continue;
    const group = field.closest(".ck-radio-group");
    const target = field.type === "hidden" ? field.closest(".ck-combobox")?.querySelector("[role=combobox]") : field;
    if (group) {
      label.id ||= uid("ck-label");
      group.setAttribute("aria-labelledby", label.id);
    } else if (target) {
      target.id ||= uid("ck-field");
      label.htmlFor = target.id;
      if (target.type !== "checkbox") target.removeAttribute("aria-label");
    }
  }
}

/** Run mount callbacks (autofocus, measuring) once the caller has put the element in the page. */
function whenConnected(host, callbacks, framesLeft = 60) {
  if (!callbacks.length) return;
  if (host.isConnected) {
    for (const callback of callbacks) callback();
  } else if (framesLeft > 0) {
    requestAnimationFrame(() => whenConnected(host, callbacks, framesLeft - 1));
  }
}

// --- update(): carry user state and animate transitions across a re-render -----------------

const fieldsOf = (host) => [...host.querySelectorAll("input[name], select[name], textarea[name]")];
const fieldKey = (field) => `${field.name}\n${field.type}\n${field.type === "radio" ? field.value : ""}`;
const isChecked = (field) => field.type === "checkbox" || field.type === "radio";
const transitionKey = (el, index) => el.dataset.key ?? el.dataset.id ?? `#${index}`;

function snapshot(host) {
  const fields = new Map();
  for (const field of fieldsOf(host)) {
    const value = isChecked(field) ? field.checked : field.value;
    const initial = isChecked(field) ? field.defaultChecked : field.defaultValue;
    if (value !== initial) fields.set(fieldKey(field), { value, initial });
  }
  const transitions = new Map();
  host.querySelectorAll(".ck-transition").forEach((el, index) => {
    const child = el.firstElementChild;
    transitions.set(transitionKey(el, index), {
      height: el.getBoundingClientRect().height,
      child: child ? `${child.dataset.component}|${child.dataset.key ?? ""}` : "",
    });
  });
  const focused = host.contains(document.activeElement) ? document.activeElement : null;
  return { fields, transitions, focus: focused?.name ? fieldKey(focused) : null };
}

function restore(host, before) {
  for (const field of fieldsOf(host)) {
    const key = fieldKey(field);
    const saved = before.fields.get(key);
    const initial = isChecked(field) ? field.defaultChecked : field.defaultValue;
    // Only where the server did not change the field's default: its value then wins.
    if (saved && saved.initial === initial) {
      if (isChecked(field)) field.checked = saved.value;
      else field.value = saved.value;
    }
    if (key === before.focus) field.focus({ preventScroll: true });
  }
  if (matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  host.querySelectorAll(".ck-transition").forEach((el, index) => {
    const old = before.transitions.get(transitionKey(el, index));
    if (!old) return;
    const height = el.getBoundingClientRect().height;
    const child = el.firstElementChild;
    if (Math.abs(height - old.height) > 0.5) {
      el.dataset.animating = "";
      const animation = el.animate([{ height: `${old.height}px` }, { height: `${height}px` }], { duration: 240, easing: "cubic-bezier(0.2, 0, 0, 1)" });
      animation.onfinish = animation.oncancel = () => delete el.dataset.animating;
    }
    if (child && old.child !== `${child.dataset.component}|${child.dataset.key ?? ""}`) {
      child.animate([{ opacity: 0, transform: "translateY(4px)" }, { opacity: 1, transform: "none" }], { duration: 200, easing: "ease-out" });
    }
  });
}
