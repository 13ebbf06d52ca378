// The chat websocket: request/response matching, streaming, keep-alive and reconnects.
// Stream frames are emitted as "frame" events whatever request they belong to; the app
// applies them to thread state by seq, which is what makes resume after a reconnect exact.

const PING_EVERY = 25_000;
const PING_TIMEOUT = 10_000;
const MAX_BACKOFF = 10_000;
// "Service restart": the server is going away on purpose; another one takes over at once.
const SERVICE_RESTART = 1012;
const RESTART_JITTER = 300;

export class ChatError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.code = code;
    Object.assign(this, extra);
  }
}

export class Connection extends EventTarget {
  constructor({ getSession }) {
    super();
    this.getSession = getSession;
    this.ws = null;
    this.ready = false;
    this.pending = new Map();
    this.waiting = [];
    this.counter = 0;
    this.attempt = 0;
    this.stopped = false;
    this.everConnected = false;
  }

  start() {
    this.#open();
  }

  stop() {
    this.stopped = true;
    this.ready = false;
    clearInterval(this.pingTimer);
    this.ws?.close(1000);
  }

  /** A request answered by one result frame. */
  request(type, params = {}) {
    return this.#send(type, params, false).promise;
  }

  /** A streaming request; `done` resolves at its done frame (or {interrupted} on a drop). */
  stream(type, params = {}) {
    const { id, promise } = this.#send(type, params, true);
    return { id, done: promise };
  }

  /** Re-authenticate the open socket with a fresh token (the same visitor). */
  async reauthenticate(token) {
    if (this.ready) await this.#authenticate(token);
  }

  #authenticate(token) {
    const entry = this.#entry("session.auth", { token }, false);
    this.#transmit(entry);
    return entry.promise;
  }

  #send(type, params, streaming) {
    const entry = this.#entry(type, params, streaming);
    if (this.ready) this.#transmit(entry);
    else this.waiting.push(entry);
    return entry;
  }

  #entry(type, params, streaming) {
    const id = `c${++this.counter}`;
    let resolve, reject;
    const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    const entry = { id, type, params, streaming, resolve, reject, promise };
    this.pending.set(id, entry);
    return entry;
  }

  #transmit(entry) {
    entry.sent = true;
    this.ws.send(JSON.stringify({ id: entry.id, type: entry.type, params: entry.params }));
  }

  async #open() {
    if (this.stopped) return;
    this.#status(this.everConnected ? "reconnecting" : "connecting");
    let session;
    try {
      session = await this.getSession(this.attempt > 0);
    } catch (error) {
      this.#status("offline", error);
      if (error.retryable !== false) this.#retry();
      return;
    }
    const ws = new WebSocket(session.websocket_url);
    this.ws = ws;
    ws.addEventListener("open", async () => {
      try {
        await this.#authenticate(session.token);
      } catch {
        // A revoked or expired token: the next attempt asks for a fresh session.
        ws.close(4401);
        return;
      }
      this.ready = true;
      this.attempt = 0;
      const resumed = this.everConnected;
      this.everConnected = true;
      this.#status("open");
      this.#startPings();
      for (const entry of this.waiting.splice(0)) this.#transmit(entry);
      if (resumed) this.dispatchEvent(new CustomEvent("reconnected"));
    });
    ws.addEventListener("message", (message) => this.#receive(message.data));
    ws.addEventListener("close", (event) => this.#closed(ws, event));
  }

  #receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    this.lastMessageAt = Date.now();
    const entry = frame.id ? this.pending.get(frame.id) : null;
    if ("event" in frame) {
      this.dispatchEvent(new CustomEvent("frame", { detail: frame }));
      return;
    }
    if (frame.error) {
      const error = new ChatError(frame.error.code, frame.error.message, frame.error);
      if (entry) {
        this.pending.delete(frame.id);
        entry.reject(error);
      } else {
        this.dispatchEvent(new CustomEvent("servererror", { detail: error }));
      }
      return;
    }
    if (!entry) return;
    if (frame.done) {
      this.pending.delete(frame.id);
      entry.resolve({ threadId: frame.thread_id });
    } else if ("result" in frame) {
      this.pending.delete(frame.id);
      entry.resolve(frame.result);
    }
  }

  #closed(ws, event) {
    if (ws !== this.ws) return;
    this.ready = false;
    clearInterval(this.pingTimer);
    for (const [id, entry] of this.pending) {
      if (!entry.sent) continue;
      this.pending.delete(id);
      if (entry.streaming) entry.resolve({ interrupted: true });
      else entry.reject(new ChatError("disconnected", "The connection was lost."));
    }
    if (this.stopped) return;
    if (event.code === 4403) {
      this.#status("offline", new ChatError("forbidden", "This page may not open the chat."));
      return;
    }
    // Only straight after a working connection: a server still going away refuses again.
    this.#retry(event.code === SERVICE_RESTART && this.attempt === 0);
  }

  #retry(soon = false) {
    // Spread reconnects a little so a restart does not bring every client back at once.
    const delay = soon
      ? Math.random() * RESTART_JITTER
      : Math.min(MAX_BACKOFF, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.#open(), delay);
  }

  /** Reconnect now (e.g. the browser came back online) instead of waiting for the backoff. */
  reconnectNow() {
    if (this.ready || this.stopped) return;
    clearTimeout(this.retryTimer);
    this.#open();
  }

  #startPings() {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      const sent = Date.now();
      const timeout = setTimeout(() => {
        if ((this.lastMessageAt ?? 0) < sent) this.ws?.close(4000);
      }, PING_TIMEOUT);
      this.request("ping").then(() => clearTimeout(timeout), () => clearTimeout(timeout));
    }, PING_EVERY);
  }

  #status(state, error = null) {
    this.state = state;
    this.dispatchEvent(new CustomEvent("status", { detail: { state, error } }));
  }
}
