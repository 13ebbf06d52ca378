// Widget actions: gather form values into the payload, hand the ActionConfig to the host's
// onAction, show the loading state while its promise is pending, and never deliver the same
// action twice at once (double clicks, repeated Enter).

const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
// A second identical action this soon after a synchronous delivery is a double click.
const REPEAT_WINDOW_MS = 400;

// Default loading behaviour per attach point, as ChatKit's "auto".
const AUTO_LOADING = { click: "self", item: "self", submit: "self", confirm: "container", cancel: "container", change: "none" };

const isPlainObject = (value) => Object.prototype.toString.call(value) === "[object Object]";

function fieldValue(field) {
  if (field.type === "checkbox") return field.checked;
  if (field.type === "number") return field.value === "" ? null : field.valueAsNumber;
  if (field.tagName === "SELECT" || field.dataset.nullable !== undefined) return field.value === "" ? null : field.value;
  return field.value;
}

function setPath(target, name, value) {
  const path = name.split(".");
  if (path.some((part) => part === "" || UNSAFE_KEYS.has(part))) return;
  let node = target;
  for (const part of path.slice(0, -1)) {
    if (!Object.hasOwn(node, part)) node[part] = {};
    if (!isPlainObject(node[part])) return;
    node = node[part];
  }
  node[path.at(-1)] = value;
}

/** Values of the named fields among `fields`, nested by dotted name. */
export function collectValues(fields) {
  const values = {};
  for (const field of fields) {
    const name = field.name;
    if (!name || field.disabled || !("value" in field) || /^(submit|button|reset|image)$/.test(field.type)) continue;
    if (field.tagName === "BUTTON" || field.tagName === "FIELDSET" || field.tagName === "OUTPUT") continue;
    if (field.type === "radio") {
      if (field.checked) setPath(values, name, field.value);
      else if (!hasPath(values, name)) setPath(values, name, null);
      continue;
    }
    setPath(values, name, fieldValue(field));
  }
  return values;
}

function hasPath(target, name) {
  let node = target;
  for (const part of name.split(".")) {
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) return false;
    node = node[part];
  }
  return true;
}

/** Form values join the payload; on a key collision the payload's own value wins (as ChatKit). */
function mergeValues(payload, values) {
  for (const [key, value] of Object.entries(values)) {
    if (!Object.hasOwn(payload, key)) payload[key] = value;
    else if (isPlainObject(payload[key]) && isPlainObject(value)) mergeValues(payload[key], value);
    else console.warn(`Widget form field "${key}" is ignored: the action payload already has it.`);
  }
  return payload;
}

function buildAction(action, values) {
  const hasValues = Object.keys(values).length > 0;
  let payload = action.payload === undefined || action.payload === null ? undefined : structuredClone(action.payload);
  if (hasValues && (payload === undefined || isPlainObject(payload))) payload = mergeValues(payload ?? {}, values);
  return {
    type: action.type,
    payload: payload ?? {},
    handler: action.handler ?? "server",
    loadingBehavior: action.loadingBehavior ?? "auto",
    streaming: action.streaming ?? true,
  };
}

function setSelfLoading(element, on) {
  if (on) {
    element.dataset.loading = "";
    element.setAttribute("aria-busy", "true");
    if ("disabled" in element) {
      element.dataset.wasDisabled = String(element.disabled);
      element.disabled = true;
    } else {
      element.setAttribute("aria-disabled", "true");
    }
    return;
  }
  delete element.dataset.loading;
  element.removeAttribute("aria-busy");
  if ("disabled" in element) {
    element.disabled = element.dataset.wasDisabled === "true";
    delete element.dataset.wasDisabled;
  } else {
    element.removeAttribute("aria-disabled");
  }
}

/**
 * The action dispatcher of one rendered widget. `root` is the element that dims and becomes
 * inert for container loading; `getOptions()` returns the current render options.
 */
export function createActions(root, getOptions) {
  const pending = new Map(); // element → Set of serialized actions in flight
  let containerCount = 0;

  const setContainerLoading = (on) => {
    containerCount += on ? 1 : -1;
    const busy = containerCount > 0;
    root.inert = busy;
    root.toggleAttribute("data-loading", busy);
    if (busy) root.setAttribute("aria-busy", "true");
    else root.removeAttribute("aria-busy");
  };

  /**
   * Deliver `action` from `element`. `attach` is the kind of trigger (click, item, submit,
   * confirm, cancel, change); `form` is the nearest form whose values join the payload, or
   * `fields` the control's own fields when there is no form.
   */
  function trigger({ action, element, component, attach, form = null, fields = [] }) {
    const onAction = getOptions().onAction;
    if (!action || typeof onAction !== "function" || root.inert) return;
    const values = collectValues(form ? form.elements : fields);
    const full = buildAction(action, values);
    const id = JSON.stringify(full);
    const inFlight = pending.get(element) ?? new Set();
    if (inFlight.has(id)) return;

    const behavior = full.loadingBehavior === "auto" ? AUTO_LOADING[attach] ?? "none" : full.loadingBehavior;
    inFlight.add(id);
    pending.set(element, inFlight);
    const settle = () => {
      inFlight.delete(id);
      if (!inFlight.size) pending.delete(element);
    };

    let result;
    try {
      result = onAction(full, { element, component });
    } catch (error) {
      settle();
      console.error("Widget action handler failed", error);
      return;
    }
    if (!result || typeof result.then !== "function") {
      setTimeout(settle, REPEAT_WINDOW_MS);
      return;
    }
    if (behavior === "self") setSelfLoading(element, true);
    if (behavior === "container") setContainerLoading(true);
    const done = () => {
      settle();
      if (behavior === "self") setSelfLoading(element, false);
      if (behavior === "container") setContainerLoading(false);
    };
    result.then(done, done);
  }

  return { trigger };
}
