// Text and content components: Text, Title, Caption, Markdown, Label, Badge, Icon, Image, Button.
import { renderMarkdown } from "../shared/markdown.js";
import { element, flags, humanize, safeUrl, textElement } from "./dom.js";
import { createIcon } from "./icons.js";
import { applyBlock, applyTextColor, color, dimension, safeCss, set } from "./style.js";

const caret = () => element("span", "ck-caret", { "aria-hidden": "true" });

/** Typography shared by Text, Title, Caption and Label. */
function typography(el, node) {
  flags(el, { size: node.size, weight: node.weight, align: node.textAlign, truncate: node.truncate === true });
  applyTextColor(el, node.color);
  if (Number.isInteger(node.maxLines) && node.maxLines > 0 && !node.truncate) {
    el.dataset.clamp = "";
    set(el, "-webkit-line-clamp", String(node.maxLines));
  }
}

function editableText(node, ctx) {
  const options = node.editable;
  const input = element("input", "ck-text ck-text-editable", {
    type: "text",
    name: options.name,
    placeholder: options.placeholder,
    pattern: options.pattern,
    required: options.required === true,
    autocomplete: options.autoComplete ?? (options.allowAutofillExtensions ? null : "off"),
    "data-1p-ignore": !options.allowAutofillExtensions,
    "data-lpignore": options.allowAutofillExtensions ? null : "true",
  });
  input.defaultValue = node.value;
  input.setAttribute("aria-label", options.placeholder || humanize(options.name));
  ctx.focusOnMount(input, options);
  return input;
}

export function Text(node, ctx) {
  const el = node.editable ? editableText(node, ctx) : textElement("p", "ck-text", node.value);
  typography(el, node);
  if (node.italic) el.dataset.italic = "";
  if (node.lineThrough) el.dataset.strike = "";
  set(el, "width", dimension(node.width));
  if (Number.isInteger(node.minLines) && node.minLines > 0) set(el, "min-height", `${node.minLines}lh`);
  if (node.streaming && !node.editable) el.append(caret());
  return el;
}

export function Title(node) {
  const el = textElement("h3", "ck-title", node.value);
  typography(el, node);
  return el;
}

export function Caption(node) {
  const el = textElement("p", "ck-caption", node.value);
  typography(el, node);
  return el;
}

/** Re-check what the Markdown sanitiser let through; the renderer does not trust helpers either. */
function enforceUrls(fragment) {
  for (const link of fragment.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (!/^mailto:/i.test(href) && !safeUrl(href)) link.removeAttribute("href");
  }
  for (const image of fragment.querySelectorAll("img")) {
    const src = safeUrl(image.getAttribute("src"), { image: true });
    if (src) image.setAttribute("referrerpolicy", "no-referrer");
    else image.remove();
  }
}

/** Where the streaming caret goes: the end of the last block, inside lists and quotes. */
function caretTarget(el) {
  let target = el.lastElementChild ?? el;
  while (/^(UL|OL|BLOCKQUOTE)$/.test(target.tagName) && target.lastElementChild) target = target.lastElementChild;
  return target;
}

export function Markdown(node) {
  const el = element("div", "ck-markdown");
  const fragment = renderMarkdown(node.value);
  enforceUrls(fragment);
  el.append(fragment);
  if (node.streaming) caretTarget(el).append(caret());
  return el;
}

export function Label(node) {
  const el = textElement("label", "ck-label", node.value);
  typography(el, node);
  el.dataset.fieldName = node.fieldName;
  return el;
}

export function Badge(node) {
  const el = textElement("span", "ck-badge", node.label);
  flags(el, {
    color: node.color ?? "secondary",
    variant: node.variant ?? "soft",
    size: node.size ?? "md",
    pill: node.pill === true,
  });
  return el;
}

export function Icon(node) {
  const svg = createIcon(node.name);
  flags(svg, { size: node.size ?? "md" });
  applyTextColor(svg, node.color);
  return svg;
}

export function Image(node) {
  const src = safeUrl(node.src, { image: true });
  const el = src
    ? element("img", "ck-image", { src, alt: node.alt ?? "", loading: "lazy", decoding: "async", referrerpolicy: "no-referrer" })
    : element("div", "ck-image", { role: "img", "aria-label": node.alt || "Image unavailable", "data-blocked": "" });
  flags(el, { frame: node.frame === true, flush: node.flush === true });
  set(el, "object-fit", ["cover", "contain", "fill", "scale-down", "none"].includes(node.fit) && node.fit);
  set(el, "object-position", node.position && safeCss(node.position));
  set(el, "background", color(node.background, "background"));
  applyBlock(el, node);
  return el;
}

// `style` is a preset; explicit color/variant win over it.
const BUTTON_STYLES = { primary: ["primary", "solid"], secondary: ["secondary", "outline"] };

export function Button(node, ctx) {
  const [presetColor, presetVariant] = BUTTON_STYLES[node.style] ?? ["primary", "solid"];
  const button = element("button", "ck-button", {
    type: node.submit ? "submit" : "button",
    disabled: node.disabled === true,
  });
  flags(button, {
    color: node.color ?? presetColor,
    variant: node.variant ?? presetVariant,
    size: node.size ?? "md",
    iconSize: node.iconSize,
    pill: node.pill === true,
    uniform: node.uniform === true,
    block: node.block === true,
  });
  if (node.iconStart) button.append(createIcon(node.iconStart));
  if (node.label) button.append(textElement("span", "ck-button-label", node.label));
  if (node.iconEnd) button.append(createIcon(node.iconEnd));
  if (!node.label) button.setAttribute("aria-label", humanize(node.iconStart ?? node.iconEnd) || "Button");
  ctx.bindButton(button, node);
  return button;
}
