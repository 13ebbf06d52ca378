// Session tokens from /api/sessions, and the little the iframe remembers in its own storage
// (the anonymous visitor's token and the open thread), so no cookies are needed.
import { ChatError } from "./connection.js";

const RENEW_MARGIN = 0.8;

export const storage = (() => {
  try {
    const probe = "__chatkit__";
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const memory = new Map();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => memory.set(key, String(value)),
      removeItem: (key) => memory.delete(key),
    };
  }
})();

export class SessionSource extends EventTarget {
  constructor(publicKey) {
    super();
    this.publicKey = publicKey;
    this.userToken = null;
    this.current = null;
  }

  get visitorKey() {
    return `chatkit:${this.publicKey}:visitor`;
  }

  setUserToken(token) {
    this.userToken = token || null;
    this.current = null;
  }

  /** A valid session, fetched again when forced or close to expiry. */
  async get(force = false) {
    if (!force && this.current && Date.now() < this.current.renewAt) return this.current;
    const body = { deployment: this.publicKey };
    if (this.userToken) body.user_token = this.userToken;
    else {
      const visitorToken = storage.getItem(this.visitorKey);
      if (visitorToken) body.visitor_token = visitorToken;
    }
    let response;
    try {
      response = await fetch("/api/sessions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "omit",
      });
    } catch {
      throw new ChatError("network", "The chat server cannot be reached.");
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = data.error ?? { code: "http_error", message: `HTTP ${response.status}` };
      throw new ChatError(error.code, error.message, {
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    if (data.visitor_token) storage.setItem(this.visitorKey, data.visitor_token);
    this.current = { ...data, renewAt: Date.now() + data.expires_in * 1000 * RENEW_MARGIN };
    this.dispatchEvent(new CustomEvent("session", { detail: this.current }));
    return this.current;
  }

  /** Milliseconds until the current token should be renewed. */
  renewIn() {
    return this.current ? Math.max(this.current.renewAt - Date.now(), 1000) : 60_000;
  }
}
