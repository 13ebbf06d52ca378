/*! chatkit loader: one <script> tag gives a page a chat launcher (or an inline chat).
 * A classic script, not a module, so `document.currentScript` tells us where we were
 * loaded from and `async` embedding works everywhere. It adds no inline <style> or
 * <script>: styles live in a shadow root's constructed stylesheet, so a strict host CSP
 * needs only `script-src` and `frame-src` for the chat origin. */
(() => {
  "use strict";

  const script = document.currentScript;
  if (!script || !script.src) return;
  const CHAT_ORIGIN = new URL(script.src, location.href).origin;
  const KEY_PATTERN = /^pk_[A-Za-z0-9_-]{1,60}$/;
  const EVENTS = ["ready", "open", "close", "response.start", "response.end", "thread.change", "effect", "error", "action"];

  const CSS = `
    :host { all: initial; }
    .launcher {
      position: fixed; inset: auto 20px 20px auto; z-index: 2147483000;
      width: 56px; height: 56px; padding: 0; border: 0; border-radius: 50%;
      display: grid; place-items: center; cursor: pointer;
      background: var(--ck-accent, #2563eb); color: #fff;
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12);
      transition: transform 180ms ease, box-shadow 180ms ease;
    }
    .launcher:hover { transform: scale(1.06); box-shadow: 0 6px 20px rgb(0 0 0 / 0.22); }
    .launcher:focus-visible { outline: 3px solid color-mix(in srgb, var(--ck-accent, #2563eb) 45%, transparent); outline-offset: 3px; }
    .launcher svg { position: absolute; transition: transform 200ms ease, opacity 160ms ease; }
    .launcher .icon-close { opacity: 0; transform: rotate(-90deg) scale(0.6); }
    .launcher[aria-expanded="true"] .icon-chat { opacity: 0; transform: rotate(90deg) scale(0.6); }
    .launcher[aria-expanded="true"] .icon-close { opacity: 1; transform: none; }
    .unread {
      position: absolute; top: 2px; right: 2px; width: 12px; height: 12px; border-radius: 50%;
      background: #ef4444; border: 2px solid #fff; display: none;
    }
    .launcher.has-unread .unread { display: block; }
    .panel {
      position: fixed; inset: auto 20px 88px auto; z-index: 2147483000;
      width: 420px; height: min(640px, calc(100vh - 112px)); max-height: calc(100vh - 112px);
      border-radius: 16px; overflow: hidden; background: #fff;
      box-shadow: 0 16px 48px rgb(0 0 0 / 0.18), 0 2px 8px rgb(0 0 0 / 0.08);
      opacity: 0; visibility: hidden; transform: translateY(16px) scale(0.96); transform-origin: bottom right;
      transition: opacity 200ms ease, transform 220ms cubic-bezier(0.2, 0.9, 0.3, 1.2), visibility 0s linear 220ms;
    }
    .panel.dark { background: #1b1b1f; }
    .panel.open { opacity: 1; visibility: visible; transform: none; transition: opacity 200ms ease, transform 220ms cubic-bezier(0.2, 0.9, 0.3, 1.2), visibility 0s; }
    iframe { display: block; width: 100%; height: 100%; border: 0; }
    @media (max-width: 520px), (max-height: 560px) {
      .panel { inset: 0; width: 100%; height: 100%; max-height: none; border-radius: 0; transform: translateY(24px); }
      .launcher[aria-expanded="true"] { display: none; }
    }
    @media (prefers-reduced-motion: reduce) {
      .launcher, .launcher svg, .panel, .panel.open { transition: none; }
    }
  `;

  let sheet = null;
  function styles() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";
  function svgIcon(className, paths) {
    const svg = document.createElementNS(SVG_NS, "svg");
    for (const [name, value] of Object.entries({ viewBox: "0 0 24 24", width: "26", height: "26", fill: "none", stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true", class: className })) {
      svg.setAttribute(name, value);
    }
    for (const d of paths) {
      const path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      svg.append(path);
    }
    return svg;
  }

  let counter = 0;

  class ChatInstance {
    constructor(options) {
      const deployment = options && options.deployment;
      if (!KEY_PATTERN.test(String(deployment))) {
        throw new Error(`chatkit: "deployment" must be a public key like pk_..., got ${JSON.stringify(deployment)}`);
      }
      this.options = {
        mode: options.mode === "inline" ? "inline" : "launcher",
        target: options.target || null,
        colorScheme: ["light", "dark", "auto"].includes(options.colorScheme) ? options.colorScheme : null,
        locale: options.locale || null,
        deployment,
      };
      this.id = `ck${++counter}${Math.random().toString(36).slice(2, 8)}`;
      this.handlers = new Map();
      this.commands = [];
      this.loaded = false;
      this.isOpen = false;
      this.userToken = options.userToken || null;
      this.onMessage = (event) => this.receive(event);
      window.addEventListener("message", this.onMessage);
      if (this.options.mode === "inline") this.mountInline();
      else this.mountLauncher();
      if (options.open) this.open();
    }

    // --- building -------------------------------------------------------------------------

    mountLauncher() {
      this.host = document.createElement("div");
      this.host.dataset.chatkit = this.options.deployment;
      const root = this.host.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [styles()];
      this.panel = document.createElement("div");
      this.panel.className = "panel";
      this.panel.id = `${this.id}-panel`;
      this.button = document.createElement("button");
      this.button.type = "button";
      this.button.className = "launcher";
      this.button.setAttribute("aria-label", "Open chat");
      this.button.setAttribute("aria-expanded", "false");
      this.button.setAttribute("aria-controls", this.panel.id);
      this.button.append(
        svgIcon("icon-chat", ["M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"]),
        svgIcon("icon-close", ["M18 6 6 18", "M6 6l12 12"]),
      );
      const unread = document.createElement("span");
      unread.className = "unread";
      this.button.append(unread);
      this.button.addEventListener("click", () => this.toggle());
      // Warm the chat up when the visitor shows intent, so opening is instant without
      // every page view of the host site opening a chat connection.
      const warm = () => this.ensureFrame();
      this.button.addEventListener("pointerenter", warm, { once: true });
      this.button.addEventListener("focus", warm, { once: true });
      root.append(this.panel, this.button);
      this.attach(() => document.body.append(this.host));
    }

    mountInline() {
      this.attach(() => {
        const target = typeof this.options.target === "string" ? document.querySelector(this.options.target) : this.options.target;
        if (!target) {
          this.emit("error", { code: "target_not_found", message: `chatkit: no element matches ${this.options.target}` });
          return;
        }
        this.host = target;
        this.ensureFrame();
        this.isOpen = true;
      });
    }

    attach(callback) {
      if (document.body) callback();
      else document.addEventListener("DOMContentLoaded", callback, { once: true });
    }

    ensureFrame() {
      if (this.iframe) return;
      const params = new URLSearchParams({ host: location.origin, instance: this.id, mode: this.options.mode });
      if (this.options.colorScheme) params.set("scheme", this.options.colorScheme);
      if (this.options.locale) params.set("locale", this.options.locale);
      if (this.userToken) params.set("user", "1");
      const iframe = document.createElement("iframe");
      iframe.title = "Chat";
      iframe.allow = "clipboard-write";
      iframe.referrerPolicy = "origin";
      iframe.src = `${CHAT_ORIGIN}/embed/${encodeURIComponent(this.options.deployment)}/#${params}`;
      this.iframe = iframe;
      if (this.options.mode === "inline") {
        Object.assign(iframe.style, { width: "100%", height: "100%", minHeight: "420px", border: "0", display: "block", colorScheme: "normal" });
        this.host.append(iframe);
      } else {
        this.panel.append(iframe);
      }
      if (this.userToken) this.post("setUser", this.userToken);
    }

    // --- messaging ------------------------------------------------------------------------

    receive(event) {
      if (!this.iframe || event.origin !== CHAT_ORIGIN || event.source !== this.iframe.contentWindow) return;
      const data = event.data;
      if (!data || data.chatkit !== 1 || data.instance !== this.id || typeof data.event !== "string") return;
      const detail = data.detail || {};
      switch (data.event) {
        case "loaded":
          this.loaded = true;
          for (const [command, args] of this.commands.splice(0)) this.post(command, ...args);
          return;
        case "ready":
          this.applyTheme(detail.theme || {});
          break;
        case "close":
          if (this.options.mode === "launcher") this.close();
          return;
        case "response.end":
          if (!this.isOpen && this.button) this.button.classList.add("has-unread");
          break;
      }
      this.emit(data.event, detail);
    }

    applyTheme(theme) {
      const accent = theme.color && theme.color.accent && theme.color.accent.primary;
      if (accent && this.host) this.host.style.setProperty("--ck-accent", accent);
      const scheme = this.options.colorScheme || theme.colorScheme;
      const dark = scheme === "dark" || (scheme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
      if (this.panel) this.panel.classList.toggle("dark", dark);
    }

    post(command, ...args) {
      if (!this.loaded) {
        this.commands.push([command, args]);
        return;
      }
      this.iframe.contentWindow.postMessage({ chatkit: 1, instance: this.id, command, args }, CHAT_ORIGIN);
    }

    emit(name, detail) {
      for (const handler of this.handlers.get(name) || []) {
        try {
          handler(detail);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      }
    }

    // --- public API -----------------------------------------------------------------------

    open() {
      if (this.options.mode === "inline" || this.isOpen) return;
      this.ensureFrame();
      this.isOpen = true;
      this.panel.classList.add("open");
      this.button.setAttribute("aria-expanded", "true");
      this.button.setAttribute("aria-label", "Close chat");
      this.button.classList.remove("has-unread");
      this.post("focus");
      this.emit("open", {});
    }

    close() {
      if (this.options.mode === "inline" || !this.isOpen) return;
      this.isOpen = false;
      this.panel.classList.remove("open");
      this.button.setAttribute("aria-expanded", "false");
      this.button.setAttribute("aria-label", "Open chat");
      if (document.activeElement === this.host || document.activeElement === this.iframe) this.button.focus();
      this.emit("close", {});
    }

    toggle() {
      if (this.isOpen) this.close();
      else this.open();
    }

    send(text) {
      if (typeof text !== "string" || !text.trim()) return;
      this.open();
      this.ensureFrame();
      this.post("send", text);
    }

    setUser(userToken) {
      this.userToken = userToken || null;
      if (this.iframe) this.post("setUser", this.userToken);
    }

    on(name, handler) {
      if (!EVENTS.includes(name)) throw new Error(`chatkit: unknown event "${name}"; known: ${EVENTS.join(", ")}`);
      if (typeof handler !== "function") throw new Error("chatkit: on(event, handler) needs a function");
      if (!this.handlers.has(name)) this.handlers.set(name, new Set());
      this.handlers.get(name).add(handler);
      return () => this.handlers.get(name).delete(handler);
    }

    destroy() {
      window.removeEventListener("message", this.onMessage);
      if (this.options.mode === "launcher") this.host.remove();
      else if (this.iframe) this.iframe.remove();
      this.handlers.clear();
      instances.delete(this);
    }
  }

  const instances = new Set();

  function mount(options) {
    const instance = new ChatInstance(options || {});
    instances.add(instance);
    return instance;
  }

  function fromScript(element) {
    const data = element.dataset;
    if (!data.deployment) return null;
    return mount({
      deployment: data.deployment,
      mode: data.mode,
      target: data.target,
      colorScheme: data.colorScheme,
      locale: data.locale,
      open: data.open === "true",
      userToken: data.userToken,
    });
  }

  const existing = window.chatkit;
  if (existing && existing.__chatkit) {
    // The loader is on the page twice: add this tag's instance to the first API.
    const instance = fromScript(script);
    if (instance && !existing.default) existing.default = instance;
    return;
  }

  const api = {
    __chatkit: true,
    default: fromScript(script),
    mount,
    push(entry) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof api[entry[0]] !== "function") {
        console.error("chatkit: queued calls look like chatkit.push(['open']) or chatkit.push(['on', 'ready', fn])");
        return;
      }
      api[entry[0]](...entry.slice(1));
    },
  };
  for (const method of ["open", "close", "toggle", "send", "setUser", "on"]) {
    api[method] = (...args) => {
      if (!api.default) throw new Error("chatkit: no default chat; add data-deployment to the script tag or use chatkit.mount()");
      return api.default[method](...args);
    };
  }
  window.chatkit = api;
  if (Array.isArray(existing)) for (const entry of existing) api.push(entry);
})();
