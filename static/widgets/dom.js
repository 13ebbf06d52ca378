// Small DOM helpers for the widget renderer. Text only ever goes through textContent, and
// attributes set here come from the renderer's own vocabulary, never from widget keys.
import { createIcon } from "./icons.js";

let counter = 0;

/** A document-unique id for label/field/listbox wiring. */
export function uid(prefix = "ck") {
  counter += 1;
  return `${prefix}-${counter.toString(36)}`;
}

/** `element("button", "ck-button", {type: "button"})`; false/null/undefined attributes are skipped. */
export function element(tag, className, attributes = {}) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  return el;
}

/** An element holding plain text. */
export function textElement(tag, className, value) {
  const el = element(tag, className);
  el.textContent = value === undefined || value === null ? "" : String(value);
  return el;
}

/** Set data-* flags for the given props: `flags(el, {size: "md", pill: true})`. */
export function flags(el, values) {
  for (const [name, value] of Object.entries(values)) {
    if (value === true) el.dataset[name] = "";
    else if (typeof value === "string" || typeof value === "number") el.dataset[name] = String(value);
  }
}

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml|x-icon)[;,]/i;

/**
 * A URL a widget may load or link to: http(s) (relative URLs resolve against the page) and,
 * for images, `data:image/…`. Anything else, such as javascript:, is refused with null.
 */
export function safeUrl(value, { image = false } = {}) {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (image && SAFE_DATA_IMAGE.test(text)) return text;
  let url;
  try {
    url = new URL(text, document.baseURI);
  } catch {
    return null;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
}

/** "check-circle" → "Check circle", for icon-only controls that need a name. */
export function humanize(name) {
  const words = String(name ?? "").replace(/^lucide:/, "").replace(/[-_]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "";
}

/** A small icon-only button with an accessible name. */
export function iconButton(icon, label, className) {
  const button = element("button", className, { type: "button", "aria-label": label });
  button.append(createIcon(icon));
  return button;
}
