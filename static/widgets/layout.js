// Roots and layout: Card, ListView, ListViewItem, Basic, Box, Row, Col, Form, Spacer, Divider,
// Transition, Table, Table.Row and Table.Cell.
import { element, flags, safeUrl, textElement } from "./dom.js";
import { createIcon } from "./icons.js";
import { applyBorder, applyBox, applyFlex, applySpacing, color, dimension, set, spacing } from "./style.js";

// ListView `limit: "auto"` shows this many rows when there are clearly more.
const AUTO_LIMIT = 5;

function statusHeader(status) {
  const header = element("div", "ck-status");
  const favicon = status.favicon && safeUrl(status.favicon, { image: true });
  if (favicon) {
    const image = element("img", "ck-status-favicon", { src: favicon, alt: "", referrerpolicy: "no-referrer" });
    if (status.frame) image.dataset.frame = "";
    header.append(image);
  } else if (status.icon) {
    header.append(createIcon(status.icon));
  }
  header.append(textElement("span", "ck-status-text", status.text));
  return header;
}

function theme(el, node) {
  if (node.theme === "light" || node.theme === "dark") el.dataset.colorScheme = node.theme;
}

/** Card padding: also exposed as --_ck-pad-x/y so flush children can reach the edges. */
function cardPadding(card, body, padding) {
  if (padding === undefined || padding === null) return;
  if (typeof padding !== "object") {
    set(card, "--_ck-pad-x", spacing(padding));
    set(card, "--_ck-pad-y", spacing(padding));
    return;
  }
  applySpacing(body, "padding", padding);
  set(card, "--_ck-pad-x", spacing(padding.left ?? padding.x ?? padding.right));
  set(card, "--_ck-pad-y", spacing(padding.top ?? padding.y ?? padding.bottom));
}

function footerButton(label, kind) {
  const button = element("button", "ck-button");
  button.append(textElement("span", "ck-button-label", label));
  flags(button, kind === "confirm" ? { color: "primary", variant: "solid", size: "md" } : { color: "secondary", variant: "outline", size: "md" });
  return button;
}

function cardFooter(node, card, ctx) {
  const footer = element("div", "ck-card-footer");
  if (node.cancel) {
    const cancel = footerButton(node.cancel.label, "cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () =>
      ctx.actions.trigger({ action: node.cancel.action, element: cancel, component: node, attach: "cancel", form: node.asForm ? card : null }),
    );
    footer.append(cancel);
  }
  if (node.confirm) {
    const confirm = footerButton(node.confirm.label, "confirm");
    // As a form, confirm submits it: native validation first, then the form's submit handler.
    confirm.type = node.asForm ? "submit" : "button";
    if (!node.asForm) {
      confirm.addEventListener("click", () =>
        ctx.actions.trigger({ action: node.confirm.action, element: confirm, component: node, attach: "confirm" }),
      );
    }
    footer.append(confirm);
  }
  return footer;
}

export function Card(node, ctx) {
  const card = element(node.asForm ? "form" : "div", "ck-card");
  flags(card, { size: node.size ?? "md", collapsed: node.collapsed === true });
  theme(card, node);
  set(card, "background", color(node.background, "background"));
  applyBorder(card, node.border);
  if (node.status) card.append(statusHeader(node.status));
  const body = element("div", "ck-card-body");
  cardPadding(card, body, node.padding);
  body.append(...ctx.children(node));
  body.hidden = node.collapsed === true;
  card.append(body);
  if (node.confirm || node.cancel) card.append(cardFooter(node, card, ctx));
  if (node.asForm) ctx.bindForm(card, node, node.confirm?.action, "confirm");
  return card;
}

function showMoreButton(hiddenItems) {
  const button = element("button", "ck-list-more", { type: "button" });
  button.append(textElement("span", null, "Show more"), createIcon("lucide:chevron-down"));
  button.addEventListener("click", () => {
    for (const item of hiddenItems) item.hidden = false;
    // Keep focus in the list: on the first revealed row, which the button no longer hides.
    const first = hiddenItems[0];
    if (!first.hasAttribute("tabindex")) first.tabIndex = -1;
    first.focus();
    button.remove();
  });
  return button;
}

export function ListView(node, ctx) {
  const list = element("div", "ck-list");
  theme(list, node);
  if (node.status) list.append(statusHeader(node.status));
  const items = ctx.children(node);
  const limit = node.limit === "auto" ? (items.length > AUTO_LIMIT + 2 ? AUTO_LIMIT : Infinity) : node.limit ?? Infinity;
  const hiddenItems = items.slice(limit);
  for (const item of hiddenItems) item.hidden = true;
  list.append(...items);
  if (hiddenItems.length) list.append(showMoreButton(hiddenItems));
  return list;
}

const INTERACTIVE = "button, a[href], input, select, textarea, label, [role=combobox], [role=option]";

export function ListViewItem(node, ctx) {
  const item = element("div", "ck-list-item");
  applyFlex(item, node);
  item.append(...ctx.children(node));
  if (!node.onClickAction) return item;
  item.setAttribute("role", "button");
  item.tabIndex = 0;
  item.dataset.clickable = "";
  const fire = () => ctx.actions.trigger({ action: node.onClickAction, element: item, component: node, attach: "item" });
  item.addEventListener("click", (event) => {
    // Controls inside the row keep their own behaviour.
    const inner = event.target.closest(INTERACTIVE);
    if (!inner || inner === item || !item.contains(inner)) fire();
  });
  item.addEventListener("keydown", (event) => {
    if (event.target !== item || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    fire();
  });
  return item;
}

function box(tag, direction, node, ctx) {
  const el = element(tag, "ck-box");
  el.dataset.direction = direction;
  applyBox(el, node);
  el.append(...ctx.children(node));
  return el;
}

export const Box = (node, ctx) => box("div", node.direction ?? "col", node, ctx);
export const Row = (node, ctx) => box("div", "row", node, ctx);
export const Col = (node, ctx) => box("div", "col", node, ctx);

export function Form(node, ctx) {
  const form = box("form", node.direction ?? "col", node, ctx);
  form.classList.add("ck-form");
  ctx.bindForm(form, node, node.onSubmitAction, "submit");
  return form;
}

export function Basic(node, ctx) {
  const el = element("div", "ck-basic");
  el.dataset.direction = node.direction ?? "col";
  theme(el, node);
  applyFlex(el, node);
  el.append(...ctx.children(node));
  return el;
}

export function Spacer(node) {
  const el = element("div", "ck-spacer", { "aria-hidden": "true" });
  set(el, "flex-basis", dimension(node.minSize));
  return el;
}

export function Divider(node) {
  const el = element("hr", "ck-divider");
  flags(el, { flush: node.flush === true });
  set(el, "--_ck-divider-color", color(node.color, "border"));
  set(el, "--_ck-divider-size", dimension(node.size));
  set(el, "--_ck-divider-spacing", spacing(node.spacing));
  return el;
}

export function Transition(node, ctx) {
  const el = element("div", "ck-transition");
  el.append(...ctx.children(node));
  return el;
}

export function Table(node, ctx) {
  const wrap = element("div", "ck-table-wrap");
  const table = element("table", "ck-table");
  const rows = ctx.children(node);
  // Leading header rows form the <thead>.
  const headCount = rows.findIndex((row) => row.dataset.header === undefined);
  const split = headCount === -1 ? rows.length : headCount;
  for (const [tag, group] of [["thead", rows.slice(0, split)], ["tbody", rows.slice(split)]]) {
    if (!group.length) continue;
    const section = element(tag);
    section.append(...group);
    table.append(section);
  }
  wrap.append(table);
  return wrap;
}

export function TableRow(node, ctx) {
  const row = element("tr", "ck-table-row");
  const header = node.header === true;
  if (header) row.dataset.header = "";
  row.append(...ctx.children(node, { header }));
  return row;
}

const CELL_ALIGN = { start: "start", center: "center", end: "end" };
const CELL_VALIGN = { start: "top", center: "middle", end: "bottom" };

export function TableCell(node, ctx, { header = false } = {}) {
  const cell = element(header ? "th" : "td", "ck-table-cell", { scope: header ? "col" : null });
  if (Number.isInteger(node.colSpan) && node.colSpan > 1) cell.colSpan = node.colSpan;
  if (Number.isInteger(node.rowSpan) && node.rowSpan > 1) cell.rowSpan = node.rowSpan;
  flags(cell, { colSize: node.colSize });
  set(cell, "text-align", CELL_ALIGN[node.align]);
  set(cell, "vertical-align", CELL_VALIGN[node.vAlign]);
  set(cell, "width", dimension(node.width));
  applySpacing(cell, "padding", node.padding);
  cell.append(...ctx.children(node));
  return cell;
}
