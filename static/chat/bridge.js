// The iframe's side of the host-page bridge: postMessage with a pinned origin both ways.
// The host origin comes from the browser (ancestorOrigins) when it tells us, otherwise from
// the loader's #host parameter; frame-ancestors already limits who can frame this page.

export class HostBridge extends EventTarget {
  constructor(params) {
    super();
    this.instance = params.get("instance") || "";
    this.origin = location.ancestorOrigins?.[0] ?? params.get("host") ?? null;
    this.embedded = window.parent !== window && !!this.origin;
    if (!this.embedded) return;
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent || event.origin !== this.origin) return;
      const data = event.data;
      if (!data || data.chatkit !== 1 || data.instance !== this.instance || typeof data.command !== "string") return;
      this.dispatchEvent(new CustomEvent("command", { detail: { name: data.command, args: data.args ?? [] } }));
    });
  }

  emit(name, detail = {}) {
    if (!this.embedded) return;
    window.parent.postMessage({ chatkit: 1, instance: this.instance, event: name, detail }, this.origin);
  }
}
