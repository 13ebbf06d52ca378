// The live preview: the widget rendered by the chat's own renderer (render.js), in light
// and dark side by side, at phone or desktop width. A draft that does not render leaves the
// last good render in place, marked stale, so the preview never goes blank.
import { render, update } from "../widgets/render.js";
import { h } from "./dom.js";

// Content widths: a phone-sized chat, and the chat in a desktop browser window.
const WIDTHS = { phone: 340, desktop: 640 };
const SCHEMES = { both: ["light", "dark"], light: ["light"], dark: ["dark"] };
// As studio.css lays the preview out; below MIN_ZOOM the frames wrap instead.
const FRAME_GAP = 16;
const REGION_PADDING = 16;
const MIN_ZOOM = 0.75;

export class Preview {
  constructor({ region, frames, banner, onAction }) {
    this.region = region;
    this.frames = frames;
    this.banner = banner;
    this.onAction = onAction;
    this.width = "phone";
    this.theme = "both";
    this.widget = null;
    this.hosts = new Map(); // color scheme → rendered element
    this.layout();
    new ResizeObserver(() => this.fit()).observe(region);
  }

  /** Zoom the frames out a little when side by side they are just too wide for the pane. */
  fit() {
    const count = SCHEMES[this.theme].length;
    const needed = count * WIDTHS[this.width] + (count - 1) * FRAME_GAP;
    const available = this.region.clientWidth - 2 * REGION_PADDING;
    const scale = available / needed;
    this.frames.style.setProperty("zoom", scale < 1 && scale >= MIN_ZOOM ? scale.toFixed(3) : "1");
  }

  setWidth(width) {
    this.width = width;
    this.layout();
  }

  setTheme(theme) {
    this.theme = theme;
    this.layout();
  }

  layout() {
    this.frames.replaceChildren();
    this.hosts.clear();
    this.frames.dataset.width = this.width;
    for (const scheme of SCHEMES[this.theme]) {
      const surface = h("div", { class: "surface", "data-scheme": scheme });
      surface.style.setProperty("--frame-width", `${WIDTHS[this.width]}px`);
      const label = `${scheme === "light" ? "Light" : "Dark"} · ${WIDTHS[this.width]} px`;
      this.frames.append(h("figure", { class: "frame", "data-scheme": scheme }, h("figcaption", { text: label }), surface));
    }
    if (this.widget) this.paint();
    else this.placeholder();
    this.fit();
  }

  placeholder() {
    for (const surface of this.frames.querySelectorAll(".surface")) {
      surface.replaceChildren(h("p", { class: "surface-empty", text: "The preview appears when the template renders." }));
    }
  }

  paint() {
    for (const surface of this.frames.querySelectorAll(".surface")) {
      const scheme = surface.dataset.scheme;
      const options = { colorScheme: scheme, onAction: (action, context) => this.onAction(action, context, scheme) };
      let host = this.hosts.get(scheme);
      if (host) {
        update(host, this.widget, options);
      } else {
        host = render(this.widget, options);
        this.hosts.set(scheme, host);
        surface.replaceChildren(host);
      }
    }
  }

  /** Show a widget that rendered: the preview is current again. */
  show(widget) {
    this.widget = widget;
    this.paint();
    this.setStale(false);
  }

  /** The draft does not render: keep the last render, marked stale. */
  markStale() {
    this.setStale(this.widget !== null);
  }

  setStale(stale) {
    this.region.toggleAttribute("data-stale", stale);
    this.banner.hidden = !stale;
  }
}
