// Widget props to CSS: spacing units, sizes, colour tokens, radii and borders. Every value is
// applied through the CSSOM (never a style attribute) and free-form strings are screened so a
// widget cannot load resources (url(), image-set()) or break out of a declaration.

const SPACE = "var(--_ck-space)";

const RADII = {
  "2xs": "2px", xs: "4px", sm: "6px", md: "8px", lg: "12px", xl: "16px",
  "2xl": "20px", "3xl": "24px", "4xl": "32px", full: "9999px", "100%": "100%", none: "0",
};

// Primitive colour tokens such as `blue-500`: shades 50, 100 … 900, 950.
const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950];
const PALETTE = {
  gray: "f9fafb f3f4f6 e5e7eb d1d5db 9ca3af 6b7280 4b5563 374151 1f2937 111827 030712",
  red: "fef2f2 fee2e2 fecaca fca5a5 f87171 ef4444 dc2626 b91c1c 991b1b 7f1d1d 450a0a",
  orange: "fff7ed ffedd5 fed7aa fdba74 fb923c f97316 ea580c c2410c 9a3412 7c2d12 431407",
  amber: "fffbeb fef3c7 fde68a fcd34d fbbf24 f59e0b d97706 b45309 92400e 78350f 451a03",
  yellow: "fefce8 fef9c3 fef08a fde047 facc15 eab308 ca8a04 a16207 854d0e 713f12 422006",
  green: "f0fdf4 dcfce7 bbf7d0 86efac 4ade80 22c55e 16a34a 15803d 166534 14532d 052e16",
  emerald: "ecfdf5 d1fae5 a7f3d0 6ee7b7 34d399 10b981 059669 047857 065f46 064e3b 022c22",
  teal: "f0fdfa ccfbf1 99f6e4 5eead4 2dd4bf 14b8a6 0d9488 0f766e 115e59 134e4a 042f2e",
  cyan: "ecfeff cffafe a5f3fc 67e8f9 22d3ee 06b6d4 0891b2 0e7490 155e75 164e63 083344",
  sky: "f0f9ff e0f2fe bae6fd 7dd3fc 38bdf8 0ea5e9 0284c7 0369a1 075985 0c4a6e 082f49",
  blue: "eff6ff dbeafe bfdbfe 93c5fd 60a5fa 3b82f6 2563eb 1d4ed8 1e40af 1e3a8a 172554",
  indigo: "eef2ff e0e7ff c7d2fe a5b4fc 818cf8 6366f1 4f46e5 4338ca 3730a3 312e81 1e1b4b",
  violet: "f5f3ff ede9fe ddd6fe c4b5fd a78bfa 8b5cf6 7c3aed 6d28d9 5b21b6 4c1d95 2e1065",
  purple: "faf5ff f3e8ff e9d5ff d8b4fe c084fc a855f7 9333ea 7e22ce 6b21a8 581c87 3b0764",
  fuchsia: "fdf4ff fae8ff f5d0fe f0abfc e879f9 d946ef c026d3 a21caf 86198f 701a75 4a044e",
  pink: "fdf2f8 fce7f3 fbcfe8 f9a8d4 f472b6 ec4899 db2777 be185d 9d174d 831843 500724",
  rose: "fff1f2 ffe4e6 fecdd3 fda4af fb7185 f43f5e e11d48 be123c 9f1239 881337 4c0519",
  slate: "f8fafc f1f5f9 e2e8f0 cbd5e1 94a3b8 64748b 475569 334155 1e293b 0f172a 020617",
};
PALETTE.grey = PALETTE.gray;

const TEXT_TOKENS = new Set(["prose", "primary", "emphasis", "secondary", "tertiary", "success", "warning", "danger"]);
const SURFACE_TOKENS = new Set(["surface", "surface-secondary", "surface-tertiary", "surface-elevated", "surface-elevated-secondary"]);
const BORDER_TOKENS = new Set(["default", "subtle", "strong"]);
const CHART_TOKENS = new Set(["blue", "purple", "orange", "green", "red", "yellow", "pink"]);

const TOKENS = {
  text: (name) => TEXT_TOKENS.has(name) && `var(--_ck-text-${name})`,
  background: (name) => SURFACE_TOKENS.has(name) && `var(--_ck-${name})`,
  border: (name) => BORDER_TOKENS.has(name) && `var(--_ck-border-${name})`,
  chart: (name) => CHART_TOKENS.has(name) && `var(--_ck-chart-${name})`,
};

// Characters and functions that could fetch, escape the value or smuggle markup.
const UNSAFE_CSS = /[\\;{}<>@"'`]|url\s*\(|image|src\s*\(|attr\s*\(|expression|var\s*\(|\/\*/i;

/** A free-form CSS value from a widget, or null when it is unsafe. */
export function safeCss(value) {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!text || text.length > 500 || UNSAFE_CSS.test(text)) return null;
  return text;
}

function primitive(name) {
  const match = /^([a-z]+)-(\d{2,3})$/.exec(name);
  const row = match && PALETTE[match[1]];
  const index = match ? SHADES.indexOf(Number(match[2])) : -1;
  return row && index >= 0 ? `#${row.split(" ")[index]}` : null;
}

/**
 * A colour prop to a CSS value: a token of `kind` (text, background, border, chart), a
 * primitive like `red-100`, a CSS colour (or gradient, for backgrounds), or `{light, dark}`.
 * The scheme pick uses the --_ck-when-* switches from render.css (one of them is `initial`,
 * the other empty), which, unlike light-dark(), also works for gradients.
 */
export function color(value, kind = "text") {
  if (value && typeof value === "object") {
    const light = color(value.light, kind);
    const dark = color(value.dark, kind);
    return light && dark ? `var(--_ck-when-light, ${light}) var(--_ck-when-dark, ${dark})` : light || dark;
  }
  if (typeof value !== "string") return null;
  return TOKENS[kind]?.(value) || primitive(value) || safeCss(value);
}

/** A spacing prop: numbers are spacing units (4px at normal density), strings are CSS. */
export function spacing(value) {
  if (typeof value === "number") return Number.isFinite(value) ? `calc(${value} * ${SPACE})` : null;
  return safeCss(value);
}

/** A size prop: numbers are pixels, strings are CSS. */
export function dimension(value) {
  if (typeof value === "number") return Number.isFinite(value) ? `${value}px` : null;
  return safeCss(value);
}

export function radius(value) {
  return Object.hasOwn(RADII, value ?? "") ? RADII[value] : null;
}

export function set(el, property, value) {
  if (value !== null && value !== undefined && value !== false) el.style.setProperty(property, value);
}

const SIDES = ["top", "right", "bottom", "left"];

/** Expand a Spacing object ({top, x, …}) to per-side values; x/y are overridden by sides. */
function sides(object) {
  const { x, y } = object;
  return {
    top: object.top ?? y,
    right: object.right ?? x,
    bottom: object.bottom ?? y,
    left: object.left ?? x,
  };
}

/** Apply `padding` or `margin` (number, CSS string or Spacing object). */
export function applySpacing(el, property, value) {
  if (value === undefined || value === null) return;
  if (typeof value !== "object") {
    set(el, property, spacing(value));
    return;
  }
  const each = sides(value);
  for (const side of SIDES) set(el, `${property}-${side}`, spacing(each[side]));
}

function borderValue(value) {
  if (typeof value === "number") return `${value}px solid var(--_ck-border-default)`;
  if (!value || typeof value !== "object") return null;
  const width = Number.isFinite(value.size) ? `${value.size}px` : "1px";
  const style = /^[a-z]+$/.test(value.style ?? "") ? value.style : "solid";
  const paint = color(value.color, "border") ?? "var(--_ck-border-default)";
  return `${width} ${style} ${paint}`;
}

/** Apply a Border (number, {size, color, style}) or Borders ({top, x, …}). */
export function applyBorder(el, value) {
  if (value === undefined || value === null) return;
  if (typeof value === "number" || "size" in value) {
    set(el, "border", borderValue(value));
    return;
  }
  const each = sides(value);
  for (const side of SIDES) set(el, `border-${side}`, borderValue(each[side]));
}

const BLOCK = [
  ["height", "height"], ["width", "width"],
  ["minHeight", "min-height"], ["minWidth", "min-width"],
  ["maxHeight", "max-height"], ["maxWidth", "max-width"],
];

/** Block sizing: width/height (+ size shorthands), aspect ratio, radius, margin, flex. */
export function applyBlock(el, node) {
  set(el, "width", dimension(node.size));
  set(el, "height", dimension(node.size));
  set(el, "min-width", dimension(node.minSize));
  set(el, "min-height", dimension(node.minSize));
  set(el, "max-width", dimension(node.maxSize));
  set(el, "max-height", dimension(node.maxSize));
  for (const [prop, css] of BLOCK) set(el, css, dimension(node[prop]));
  set(el, "aspect-ratio", safeCss(node.aspectRatio));
  set(el, "border-radius", radius(node.radius));
  set(el, "flex", safeCss(node.flex));
  applySpacing(el, "margin", node.margin);
}

const ALIGN = { start: "flex-start", end: "flex-end", center: "center", baseline: "baseline", stretch: "stretch" };
const JUSTIFY = {
  start: "flex-start", end: "flex-end", center: "center", stretch: "stretch",
  between: "space-between", around: "space-around", evenly: "space-evenly",
};

/** Flex container props shared by Box, Row, Col, Form, Basic and ListViewItem. */
export function applyFlex(el, node) {
  set(el, "align-items", ALIGN[node.align]);
  set(el, "justify-content", JUSTIFY[node.justify]);
  set(el, "flex-wrap", ["nowrap", "wrap", "wrap-reverse"].includes(node.wrap) && node.wrap);
  set(el, "gap", spacing(node.gap));
  applySpacing(el, "padding", node.padding);
}

/** Everything BoxBase allows: flex layout, block sizing, border and background. */
export function applyBox(el, node) {
  applyFlex(el, node);
  applyBlock(el, node);
  applyBorder(el, node.border);
  set(el, "background", color(node.background, "background"));
}

/** A widget colour prop as `color`, when it resolves. */
export function applyTextColor(el, value) {
  set(el, "color", color(value, "text"));
}
