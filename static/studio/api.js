// The studio's JSON API client: CSRF token on every write, errors as ApiError.

export class ApiError extends Error {
  constructor(status, code, message, { problems = [], ...details } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems;
    this.details = details;
  }
}

export function createApi({ base, csrfToken }) {
  async function request(path, { method = "GET", json, form, signal, raw = false } = {}) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") headers["X-CSRFToken"] = csrfToken;
    let body;
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    let response;
    try {
      response = await fetch(base + path, { method, headers, body, signal, credentials: "same-origin" });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new ApiError(0, "network", "The server could not be reached. Check your connection and try again.");
    }
    if (response.ok) return raw ? response : response.json();
    let detail = null;
    try {
      detail = (await response.json()).error;
    } catch {
      // Not our JSON: a CSRF refusal or a proxy's page.
    }
    if (detail) {
      const { code, message, ...rest } = detail;
      throw new ApiError(response.status, code, message, rest);
    }
    const message = response.status === 403
      ? "The server refused the request (403). Your session may have expired: reload the page and sign in again."
      : `The server answered ${response.status} ${response.statusText}.`;
    throw new ApiError(response.status, "http_error", message);
  }
  return request;
}
