// Chart as inline SVG: bar (grouped or stacked), line and area (stacked) series over a
// category x-axis, optional y-axis with nice ticks, legend, and a tooltip that follows the
// pointer or the arrow keys. Redrawn at the real width whenever the chart is resized.
import { element, textElement, uid } from "./dom.js";
import { applyBlock, color, dimension, safeCss, set } from "./style.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const DEFAULT_COLORS = ["blue", "purple", "orange", "green", "red", "yellow", "pink"];
const DEFAULT_HEIGHT = 200;
const DEFAULT_WIDTH = 480;
const DENSE_POINTS = 40;

const round = (v) => Math.round(v * 100) / 100;
const pt = ([x, y]) => `${round(x)},${round(y)}`;

function svg(tag, attributes = {}, className) {
  const el = document.createElementNS(SVG_NS, tag);
  if (className) el.setAttribute("class", className);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

// --- curves: each turns [[x, y], …] into path data starting with "M" -----------------------

const linear = (p) => `M${p.map(pt).join("L")}`;

const step = (t) => (p) => {
  let d = `M${pt(p[0])}`;
  for (let i = 1; i < p.length; i++) {
    const [x0, y0] = p[i - 1];
    const [x1, y1] = p[i];
    const xm = x0 + (x1 - x0) * t;
    d += `L${pt([xm, y0])}L${pt([xm, y1])}L${pt([x1, y1])}`;
  }
  return d;
};

const sign = (v) => (v < 0 ? -1 : 1);

/** Monotone cubic interpolation in x (Fritsch–Carlson): no overshoot between points. */
function monotone(p) {
  if (p.length < 3) return linear(p);
  const n = p.length;
  const slopes = [];
  for (let i = 0; i < n - 1; i++) slopes.push((p[i + 1][1] - p[i][1]) / (p[i + 1][0] - p[i][0] || 1));
  const tangents = [slopes[0]];
  for (let i = 1; i < n - 1; i++) {
    const h0 = p[i][0] - p[i - 1][0];
    const h1 = p[i + 1][0] - p[i][0];
    const [s0, s1] = [slopes[i - 1], slopes[i]];
    const mid = (s0 * h1 + s1 * h0) / (h0 + h1 || 1);
    tangents.push((sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(mid)) || 0);
  }
  tangents.push(slopes[n - 2]);
  tangents[0] = (3 * slopes[0] - tangents[1]) / 2;
  tangents[n - 1] = (3 * slopes[n - 2] - tangents[n - 2]) / 2;
  let d = `M${pt(p[0])}`;
  for (let i = 0; i < n - 1; i++) {
    const dx = (p[i + 1][0] - p[i][0]) / 3;
    d += `C${pt([p[i][0] + dx, p[i][1] + dx * tangents[i]])} ${pt([p[i + 1][0] - dx, p[i + 1][1] - dx * tangents[i + 1]])} ${pt(p[i + 1])}`;
  }
  return d;
}

/** Natural cubic spline control points for one coordinate (tridiagonal solve). */
function controlPoints(x) {
  const n = x.length - 1;
  const a = [0];
  const b = [2];
  const r = [x[0] + 2 * x[1]];
  for (let i = 1; i < n - 1; i++) {
    a[i] = 1;
    b[i] = 4;
    r[i] = 4 * x[i] + 2 * x[i + 1];
  }
  a[n - 1] = 2;
  b[n - 1] = 7;
  r[n - 1] = 8 * x[n - 1] + x[n];
  for (let i = 1; i < n; i++) {
    const m = a[i] / b[i - 1];
    b[i] -= m;
    r[i] -= m * r[i - 1];
  }
  a[n - 1] = r[n - 1] / b[n - 1];
  for (let i = n - 2; i >= 0; i--) a[i] = (r[i] - a[i + 1]) / b[i];
  b[n - 1] = (x[n] + a[n - 1]) / 2;
  for (let i = 0; i < n - 1; i++) b[i] = 2 * x[i + 1] - a[i + 1];
  return [a, b];
}

function natural(p) {
  if (p.length < 3) return linear(p);
  const [ax, bx] = controlPoints(p.map((q) => q[0]));
  const [ay, by] = controlPoints(p.map((q) => q[1]));
  let d = `M${pt(p[0])}`;
  for (let i = 0; i < p.length - 1; i++) d += `C${pt([ax[i], ay[i]])} ${pt([bx[i], by[i]])} ${pt(p[i + 1])}`;
  return d;
}

/** Uniform cubic B-spline through the end points (smooth, does not pass through the others). */
function basis(p) {
  if (p.length < 3) return linear(p);
  const seg = (a, b, c) =>
    `C${pt([(2 * a[0] + b[0]) / 3, (2 * a[1] + b[1]) / 3])} ${pt([(a[0] + 2 * b[0]) / 3, (a[1] + 2 * b[1]) / 3])} ${pt([(a[0] + 4 * b[0] + c[0]) / 6, (a[1] + 4 * b[1] + c[1]) / 6])}`;
  let d = `M${pt(p[0])}L${pt([(5 * p[0][0] + p[1][0]) / 6, (5 * p[0][1] + p[1][1]) / 6])}`;
  for (let i = 2; i < p.length; i++) d += seg(p[i - 2], p[i - 1], p[i]);
  const last = p.at(-1);
  return `${d}${seg(p.at(-2), last, last)}L${pt(last)}`;
}

function bump(p) {
  let d = `M${pt(p[0])}`;
  for (let i = 1; i < p.length; i++) {
    const xm = (p[i - 1][0] + p[i][0]) / 2;
    d += `C${pt([xm, p[i - 1][1]])} ${pt([xm, p[i][1]])} ${pt(p[i])}`;
  }
  return d;
}

const CURVES = {
  linear, linearClosed: linear,
  monotone, monotoneX: monotone, monotoneY: monotone,
  natural,
  basis, basisOpen: basis, basisClosed: basis,
  bump, bumpX: bump, bumpY: bump,
  step: step(0.5), stepBefore: step(0), stepAfter: step(1),
};
const curveFor = (name) => CURVES[name] ?? monotone;

// --- data model ------------------------------------------------------------------------------

const toNumber = (value) => {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** Per series and row: the value and its [base, top] after stacking (null when missing). */
function buildModel(node) {
  const xAxis = typeof node.xAxis === "string" ? { dataKey: node.xAxis } : node.xAxis ?? {};
  const rows = node.data ?? [];
  const labels = xAxis.labels ?? {};
  const categories = rows.map((row) => {
    const raw = String(row[xAxis.dataKey] ?? "");
    return Object.hasOwn(labels, raw) ? String(labels[raw]) : raw;
  });
  const positive = new Map();
  const negative = new Map();
  const series = (node.series ?? []).map((spec, index) => {
    const stackKey = spec.type !== "line" && spec.stack ? `${spec.type}:${spec.stack}` : null;
    const values = rows.map((row) => toNumber(row[spec.dataKey]));
    const spans = values.map((value, i) => {
      if (value === null) return null;
      if (!stackKey) return [0, value];
      const sums = value < 0 ? negative : positive;
      const key = `${stackKey}:${i}`;
      const base = sums.get(key) ?? 0;
      sums.set(key, base + value);
      return [base, base + value];
    });
    const paint = color(spec.color, "chart") ?? `var(--_ck-chart-${DEFAULT_COLORS[index % DEFAULT_COLORS.length]})`;
    return { ...spec, index, label: spec.label ?? spec.dataKey, values, spans, paint, group: stackKey ?? `solo:${index}` };
  });
  return { xAxis, categories, series };
}

function niceTicks(min, max, count = 4) {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const stepSize = (norm >= 7.5 ? 10 : norm >= 3.5 ? 5 : norm >= 1.5 ? 2 : 1) * magnitude;
  const lo = Math.floor(min / stepSize) * stepSize;
  const hi = Math.ceil(max / stepSize) * stepSize;
  const ticks = [];
  for (let v = lo; v <= hi + stepSize / 2; v += stepSize) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

// --- drawing ---------------------------------------------------------------------------------

function roundedBar(x, y0, y1, width, radius) {
  const top = Math.min(y0, y1);
  const height = Math.abs(y1 - y0);
  const r = Math.min(radius, width / 2, height);
  if (r <= 0) return `M${pt([x, top])}h${round(width)}v${round(height)}h${round(-width)}Z`;
  // Round the end that points away from the axis.
  if (y1 <= y0) {
    return `M${pt([x, top + height])}V${round(top + r)}Q${pt([x, top])} ${pt([x + r, top])}H${round(x + width - r)}Q${pt([x + width, top])} ${pt([x + width, top + r])}V${round(top + height)}Z`;
  }
  const bottom = top + height;
  return `M${pt([x, top])}V${round(bottom - r)}Q${pt([x, bottom])} ${pt([x + r, bottom])}H${round(x + width - r)}Q${pt([x + width, bottom])} ${pt([x + width, bottom - r])}V${round(top)}Z`;
}

/** Split a series into runs of consecutive present points, so gaps stay gaps. */
function runs(points) {
  const out = [];
  let current = [];
  for (const point of points) {
    if (point) current.push(point);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

function layout(model, node, width, height) {
  const { series, categories } = model;
  let [min, max] = [0, 0];
  for (const s of series) for (const span of s.spans) if (span) [min, max] = [Math.min(min, ...span), Math.max(max, ...span)];
  const ticks = niceTicks(min, max === min ? min + 1 : max);
  const showY = node.showYAxis === true;
  const showX = model.xAxis.hide !== true;
  const tickWidth = Math.max(...ticks.map((t) => compact.format(t).length)) * 7 + 10;
  const pad = { left: showY ? tickWidth : 8, right: 8, top: 10, bottom: showX ? 26 : 8 };
  const plotW = Math.max(width - pad.left - pad.right, 10);
  const plotH = Math.max(height - pad.top - pad.bottom, 10);
  const [lo, hi] = [ticks[0], ticks.at(-1)];
  const y = (v) => pad.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const n = Math.max(categories.length, 1);
  const hasBars = series.some((s) => s.type === "bar");
  const band = plotW / n;
  const x = hasBars || n === 1 ? (i) => pad.left + band * (i + 0.5) : (i) => pad.left + (plotW * i) / (n - 1);
  const step = hasBars || n === 1 ? band : plotW / (n - 1);
  return { pad, plotW, plotH, ticks, y, x, band, step, showX, showY, width, height };
}

function drawAxes(root, model, geo) {
  const grid = svg("g", {}, "ck-chart-grid");
  for (const tick of geo.ticks) {
    const ty = round(geo.y(tick));
    grid.append(svg("line", { x1: geo.pad.left, x2: geo.width - geo.pad.right, y1: ty, y2: ty }, tick === 0 ? "ck-chart-zero" : null));
    if (geo.showY) {
      const label = svg("text", { x: geo.pad.left - 8, y: ty, "text-anchor": "end", "dominant-baseline": "middle" }, "ck-chart-tick");
      label.textContent = compact.format(tick);
      grid.append(label);
    }
  }
  root.append(grid);
  if (!geo.showX) return;
  const labels = svg("g", {}, "ck-chart-xlabels");
  const longest = Math.max(1, ...model.categories.map((c) => c.length));
  const every = Math.max(1, Math.ceil((longest * 7 + 12) / geo.step));
  model.categories.forEach((category, i) => {
    if (i % every !== 0) return;
    const label = svg("text", { x: round(geo.x(i)), y: geo.height - 8, "text-anchor": "middle" }, "ck-chart-tick");
    label.textContent = category;
    labels.append(label);
  });
  root.append(labels);
}

function drawBars(root, model, node, geo) {
  const bars = model.series.filter((s) => s.type === "bar");
  if (!bars.length) return;
  const groups = [...new Set(bars.map((s) => s.group))];
  const categoryGap = Number.isFinite(node.barCategoryGap) ? node.barCategoryGap : Math.min(geo.band * 0.2, 24);
  const barGap = Number.isFinite(node.barGap) ? node.barGap : 4;
  const inner = Math.max(geo.band - categoryGap, 1);
  const width = Math.max(1, Math.min((inner - barGap * (groups.length - 1)) / groups.length, 56));
  const used = width * groups.length + barGap * (groups.length - 1);
  // The outermost segment of each stack gets the rounded end.
  const outermost = new Map();
  for (const s of bars) s.spans.forEach((span, i) => span && span[1] !== span[0] && outermost.set(`${s.group}:${i}:${sign(span[1])}`, s.index));
  for (const s of bars) {
    const g = svg("g", {}, "ck-chart-series ck-chart-bars");
    g.style.setProperty("--ck-series", s.paint);
    const offset = groups.indexOf(s.group) * (width + barGap);
    s.spans.forEach((span, i) => {
      if (!span) return;
      const x0 = geo.x(i) - used / 2 + offset;
      const rounded = outermost.get(`${s.group}:${i}:${sign(span[1])}`) === s.index;
      g.append(svg("path", { d: roundedBar(x0, geo.y(span[0]), geo.y(span[1]), width, rounded ? 4 : 0), "data-index": i }, "ck-chart-bar"));
    });
    root.append(g);
  }
}

function drawLines(root, model, geo, defs) {
  const dense = model.categories.length > DENSE_POINTS;
  for (const s of model.series) {
    if (s.type !== "line" && s.type !== "area") continue;
    const curve = curveFor(s.curveType);
    const g = svg("g", {}, `ck-chart-series ck-chart-${s.type}s`);
    g.style.setProperty("--ck-series", s.paint);
    const tops = s.spans.map((span, i) => span && [geo.x(i), geo.y(span[1])]);
    const bases = s.spans.map((span, i) => span && [geo.x(i), geo.y(span[0])]);
    if (s.type === "area") {
      const gradient = svg("linearGradient", { id: uid("ck-area"), x1: 0, x2: 0, y1: 0, y2: 1 });
      gradient.style.setProperty("--ck-series", s.paint);
      gradient.append(svg("stop", { offset: "0%" }, "ck-chart-stop-top"), svg("stop", { offset: "100%" }, "ck-chart-stop-bottom"));
      defs.append(gradient);
      for (const run of runs(tops.map((p, i) => p && [p, bases[i]]))) {
        const upper = run.map(([top]) => top);
        const lower = run.map(([, base]) => base).reverse();
        const d = `${curve(upper)}L${curve(lower).slice(1)}Z`;
        g.append(svg("path", { d, fill: `url(#${gradient.id})` }, "ck-chart-area"));
      }
    }
    for (const run of runs(tops)) g.append(svg("path", { d: curve(run) }, "ck-chart-line"));
    tops.forEach((p, i) => p && g.append(svg("circle", { cx: round(p[0]), cy: round(p[1]), r: 3.5, "data-index": i }, "ck-chart-dot")));
    if (dense) g.dataset.dense = "";
    root.append(g);
  }
}

// --- interaction -----------------------------------------------------------------------------

function tooltipContent(tooltip, model, index) {
  tooltip.replaceChildren(textElement("div", "ck-chart-tooltip-title", model.categories[index]));
  for (const s of model.series) {
    const value = s.values[index];
    if (value === null) continue;
    const row = element("div", "ck-chart-tooltip-row");
    const swatch = element("span", "ck-chart-swatch");
    swatch.style.setProperty("--ck-series", s.paint);
    row.append(swatch, textElement("span", "ck-chart-tooltip-label", s.label), textElement("span", "ck-chart-tooltip-value", full.format(value)));
    tooltip.append(row);
  }
}

/** Pointer and keyboard tracking of the active category; returns a hook to re-show it after a redraw. */
function interactive(plot, surface, model, geoRef, tooltip, enabled) {
  let active = -1;
  const count = model.categories.length;
  const indexAt = (clientX) => {
    const geo = geoRef.current;
    const left = surface.getBoundingClientRect().left;
    const i = Math.round((clientX - left - geo.x(0)) / geo.step);
    return Math.min(Math.max(i, 0), count - 1);
  };
  const show = (index) => {
    if (index === active || index < 0 || index >= count) return;
    active = index;
    const geo = geoRef.current;
    surface.querySelectorAll("[data-active]").forEach((el) => el.removeAttribute("data-active"));
    surface.querySelectorAll(`[data-index="${index}"]`).forEach((el) => el.setAttribute("data-active", ""));
    const cursor = surface.querySelector(".ck-chart-cursor");
    const hasBars = model.series.some((s) => s.type === "bar");
    const cursorWidth = hasBars ? geo.band : 1;
    cursor.setAttribute("x", round(geo.x(index) - cursorWidth / 2));
    cursor.setAttribute("width", round(cursorWidth));
    cursor.dataset.visible = "";
    if (!enabled) return;
    tooltipContent(tooltip, model, index);
    tooltip.hidden = false;
    const x = geo.x(index);
    const flip = x > geo.width / 2;
    tooltip.style.setProperty("left", flip ? "auto" : `${round(x + 12)}px`);
    tooltip.style.setProperty("right", flip ? `${round(geo.width - x + 12)}px` : "auto");
  };
  const hide = () => {
    active = -1;
    tooltip.hidden = true;
    surface.querySelectorAll("[data-active]").forEach((el) => el.removeAttribute("data-active"));
    surface.querySelector(".ck-chart-cursor")?.removeAttribute("data-visible");
  };
  const refresh = () => {
    const index = active;
    active = -1;
    if (index >= 0) show(index);
  };
  if (!count) return refresh;
  plot.addEventListener("pointermove", (event) => show(indexAt(event.clientX)));
  plot.addEventListener("pointerleave", hide);
  surface.addEventListener("focus", () => show(active >= 0 ? active : 0));
  surface.addEventListener("blur", hide);
  surface.addEventListener("keydown", (event) => {
    const moves = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: count - 1, Escape: -1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    if (event.key === "Escape") hide();
    else show(Math.min(Math.max(moves[event.key], 0), count - 1));
  });
  return refresh;
}

// --- accessibility ---------------------------------------------------------------------------

function summary(model) {
  const kinds = [...new Set(model.series.map((s) => s.type))].join(" and ");
  const names = model.series.map((s) => s.label).join(", ");
  const n = model.categories.length;
  const range = n ? `, from ${model.categories[0]} to ${model.categories[n - 1]}` : "";
  return `${kinds || "Empty"} chart of ${names || "no series"} over ${n} ${n === 1 ? "category" : "categories"}${range}.`;
}

function dataTable(model) {
  // The wrapper hides the table: a table ignores the 1px width it is given and would widen
  // the page.
  const wrapper = element("div", "ck-visually-hidden");
  const table = element("table");
  wrapper.append(table);
  table.append(textElement("caption", null, "Chart data"));
  const head = element("tr");
  head.append(textElement("th", null, model.xAxis.dataKey ?? ""), ...model.series.map((s) => textElement("th", null, s.label)));
  table.append(head);
  model.categories.forEach((category, i) => {
    const row = element("tr");
    row.append(textElement("th", null, category), ...model.series.map((s) => textElement("td", null, s.values[i] === null ? "" : full.format(s.values[i]))));
    table.append(row);
  });
  return wrapper;
}

function legend(model) {
  const list = element("ul", "ck-chart-legend", { "aria-hidden": "true" });
  for (const s of model.series) {
    const item = element("li");
    const swatch = element("span", "ck-chart-swatch");
    swatch.style.setProperty("--ck-series", s.paint);
    item.append(swatch, textElement("span", null, s.label));
    list.append(item);
  }
  return list;
}

export function Chart(node) {
  const model = buildModel(node);
  const figure = element("figure", "ck-chart");
  applyBlock(figure, { ...node, height: undefined, minHeight: undefined, maxHeight: undefined, size: undefined, aspectRatio: undefined });
  const plot = element("div", "ck-chart-plot");
  set(plot, "height", dimension(node.height ?? node.size));
  set(plot, "width", dimension(node.size));
  set(plot, "min-height", dimension(node.minHeight ?? node.minSize));
  set(plot, "max-height", dimension(node.maxHeight ?? node.maxSize));
  if (node.aspectRatio !== undefined && node.height === undefined) {
    set(plot, "aspect-ratio", safeCss(node.aspectRatio));
    set(plot, "height", "auto");
  }
  const surface = svg("svg", { role: "img", "aria-label": summary(model), tabindex: 0 }, "ck-chart-svg");
  const tooltip = element("div", "ck-chart-tooltip", { "aria-live": "polite" });
  tooltip.hidden = true;
  plot.append(surface, tooltip);
  figure.append(plot);
  if (node.showLegend !== false && model.series.length) figure.append(legend(model));
  figure.append(dataTable(model));

  const geoRef = { current: null };
  const refreshActive = interactive(plot, surface, model, geoRef, tooltip, node.showTooltip !== false);
  const draw = (width, height) => {
    const geo = layout(model, node, width, height);
    geoRef.current = geo;
    surface.setAttribute("viewBox", `0 0 ${round(width)} ${round(height)}`);
    surface.setAttribute("width", round(width));
    surface.setAttribute("height", round(height));
    const defs = svg("defs");
    const cursor = svg("rect", { y: geo.pad.top, height: geo.plotH, x: 0, width: 0 }, "ck-chart-cursor");
    surface.replaceChildren(defs, cursor);
    drawAxes(surface, model, geo);
    drawBars(surface, model, node, geo);
    drawLines(surface, model, geo, defs);
    refreshActive();
  };
  const fallbackHeight = typeof node.height === "number" ? node.height : typeof node.size === "number" ? node.size : DEFAULT_HEIGHT;
  draw(DEFAULT_WIDTH, fallbackHeight);

  // Redraw at the size the layout actually gives the plot.
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      const geo = geoRef.current;
      if (width > 0 && height > 0 && (Math.abs(width - geo.width) > 0.5 || Math.abs(height - geo.height) > 0.5)) draw(width, height);
    }).observe(plot);
  }
  return figure;
}
