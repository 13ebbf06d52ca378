// The chat page inside the iframe: wires session, connection, thread state, views and the
// host bridge together. Everything a visitor does goes through one of the functions below.
import { HostBridge } from "./bridge.js";
import { Composer } from "./composer.js";
import { Connection } from "./connection.js";
import { HistoryPanel } from "./history.js";
import { translator } from "./i18n.js";
import { h } from "./icons.js";
import { SessionSource, storage } from "./session.js";
import { applyTheme, currentScheme } from "./theme.js";
import { ThreadState } from "./thread-state.js";
import { ThreadView } from "./thread-view.js";

const params = new URLSearchParams(location.hash.slice(1));
const config = JSON.parse(document.getElementById("ck-config").textContent);
const publicKey = config.public_key;
const t = translator(params.get("locale") || config.locale || navigator.language);
const mode = params.get("mode") || "standalone";
applyTheme(config.theme, params.get("scheme"));
document.documentElement.lang = (params.get("locale") || config.locale || "en").split("-")[0];
document.body.dataset.mode = mode;

const $ = (selector) => document.querySelector(selector);
const bridge = new HostBridge(params);
const sessions = new SessionSource(publicKey);
const connection = new Connection({ getSession: (force) => sessions.get(force) });

let thread = null;
let streaming = null;
let visitorId = null;

const log = $("#ck-log");
log.setAttribute("aria-label", t("chatLog"));
const view = new ThreadView(log, {
  t,
  features: config.features,
  colorScheme: currentScheme,
  onRetry: () => retry(),
  onFeedback: (item, kind, comment) =>
    connection.request("items.feedback", { thread_id: thread.id, item_ids: [item.id], kind, comment }).catch(() => {}),
  onWidgetAction: (itemId, action) => widgetAction(itemId, action),
  onLoadOlder: () => loadOlder(),
});
const composer = new Composer($("#ck-composer"), {
  t,
  placeholder: config.placeholder,
  attachments: config.features.attachments,
  request: (type, params) => connection.request(type, params),
  onSend: (text, files) => send(text, files),
  onStop: () => stop(),
});
const history = new HistoryPanel($("#ck-history"), {
  t,
  locale: params.get("locale") || config.locale,
  list: (query) => connection.request("threads.list", query),
  onOpen: (id) => openThread(id),
});
$("#ck-history").addEventListener("closed", () => $("#ck-history-button").focus());

// --- header, start screen -----------------------------------------------------------------

function buildChrome() {
  $("#ck-header-title").textContent = config.name;
  const newChat = $("#ck-new-chat");
  newChat.setAttribute("aria-label", t("newChat"));
  newChat.title = t("newChat");
  newChat.addEventListener("click", () => startNewThread());
  const historyButton = $("#ck-history-button");
  historyButton.setAttribute("aria-label", t("history"));
  historyButton.title = t("history");
  historyButton.hidden = !config.features.history;
  historyButton.addEventListener("click", () => (history.open ? history.hide() : history.show(thread?.id)));
  const close = $("#ck-close");
  close.setAttribute("aria-label", t("close"));
  close.title = t("close");
  close.hidden = mode !== "launcher";
  close.addEventListener("click", () => bridge.emit("close"));
  $("#ck-greeting").textContent = config.start_screen.greeting;
  const prompts = $("#ck-prompts");
  for (const prompt of config.start_screen.prompts) {
    prompts.append(h("li", {}, h("button", { type: "button", className: "ck-prompt", onclick: () => send(prompt.prompt) }, prompt.label)));
  }
  if (config.disclaimer) $("#ck-disclaimer").textContent = config.disclaimer;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && mode === "launcher" && !history.open) bridge.emit("close");
  });
}

function showStartScreen(show) {
  $("#ck-start").hidden = !show;
  log.hidden = show;
}

// --- threads ------------------------------------------------------------------------------

function threadKey() {
  return `chatkit:${publicKey}:${visitorId}:thread`;
}

function rememberThread(id) {
  if (!visitorId) return;
  if (id) storage.setItem(threadKey(), id);
  else storage.removeItem(threadKey());
}

async function loadOlder() {
  const shown = thread;
  if (!shown?.olderCursor) return;
  const page = await connection.request("items.list", { thread_id: shown.id, order: "desc", after: shown.olderCursor, limit: 20 });
  if (thread !== shown) return;
  const older = page.data.reverse();
  shown.prepend(older, page.has_more ? page.after : null);
  view.showOlder(older.map((item) => item.id));
}

function startNewThread() {
  thread = null;
  view.reset(null);
  showStartScreen(true);
  rememberThread(null);
  bridge.emit("thread.change", { threadId: null });
  composer.focus();
}

async function openThread(id) {
  let snapshot;
  try {
    snapshot = await connection.request("threads.get_by_id", { thread_id: id });
  } catch (error) {
    if (error.code === "not_found") startNewThread();
    return;
  }
  thread = new ThreadState(snapshot);
  showStartScreen(false);
  view.reset(thread);
  rememberThread(thread.id);
  bridge.emit("thread.change", { threadId: thread.id });
  if (snapshot.running) follow(connection.stream("threads.resume", { thread_id: thread.id, after_seq: thread.lastSeq }));
}

// --- responses ----------------------------------------------------------------------------

function userInput(text, files = []) {
  return { content: [{ type: "input_text", text }], attachments: files, inference_options: {} };
}

async function send(text, files = []) {
  if (streaming || mode === "preview") return;
  showStartScreen(false);
  if (!thread?.id) {
    thread = new ThreadState();
    view.reset(thread);
  }
  view.showPendingUserMessage(text);
  const input = userInput(text, files);
  if (!thread.id) follow(connection.stream("threads.create", { input }), text);
  else follow(connection.stream("threads.add_user_message", { thread_id: thread.id, input }), text);
}

function retry() {
  const last = thread?.lastUserMessage();
  if (!last || streaming) return;
  view.clearTail();
  follow(connection.stream("threads.retry_after_item", { thread_id: thread.id, item_id: last.id }));
}

function stop() {
  if (thread?.id) connection.request("threads.cancel", { thread_id: thread.id }).catch(() => {});
}

async function widgetAction(itemId, action) {
  if (action.handler === "client") {
    bridge.emit("action", { action, itemId });
    return;
  }
  if (action.streaming === false) {
    // Allowed while an answer streams: a synchronous request, not a new response.
    const result = await connection.request("threads.sync_custom_action", { thread_id: thread.id, item_id: itemId, action });
    if (result.updated_item) {
      thread.items.set(result.updated_item.id, result.updated_item);
      view.update([result.updated_item.id]);
    }
    return;
  }
  if (streaming) {
    view.showError(t("busy"), false);
    return;
  }
  await follow(connection.stream("threads.custom_action", { thread_id: thread.id, item_id: itemId, action }));
}

/** Track one streaming request until its done frame; a dropped connection resumes it. */
async function follow(request, sentText = null) {
  streaming = { id: request.id, threadId: thread?.id ?? null, allowCancel: true };
  composer.setStreaming(true);
  view.setBusy(true);
  bridge.emit("response.start");
  try {
    const result = await request.done;
    if (result.interrupted) return; // the reconnect handler resumes and finishes it
  } catch (error) {
    view.dropPendingUserMessage();
    if (sentText) composer.restore(sentText);
    view.showError(describe(error), false);
    bridge.emit("error", { code: error.code, message: error.message });
  }
  finish();
}

function finish() {
  streaming = null;
  view.setProgress(null);
  view.setBusy(false);
  composer.setStreaming(false);
  bridge.emit("response.end");
}

function describe(error) {
  if (error.code === "rate_limited") return t("rateLimited", { seconds: Math.ceil(error.retry_after ?? 60) });
  if (error.code === "busy") return t("busy");
  return error.message || t("failed");
}

function onFrame(frame) {
  const event = frame.event;
  if (!thread) return;
  if (!thread.id && event.type === "thread.created" && streaming?.id === frame.id) {
    thread.id = frame.thread_id;
    streaming.threadId = frame.thread_id;
    rememberThread(thread.id);
    bridge.emit("thread.change", { threadId: thread.id });
  }
  if (frame.thread_id !== thread.id) return;
  switch (event.type) {
    case "progress_update":
      thread.lastSeq = Math.max(thread.lastSeq, frame.seq);
      view.setProgress(event.text);
      return;
    case "stream_options":
      thread.lastSeq = Math.max(thread.lastSeq, frame.seq);
      if (streaming) composer.setStreaming(true, event.stream_options.allow_cancel);
      return;
    case "error":
      thread.lastSeq = Math.max(thread.lastSeq, frame.seq);
      view.showError(event.message, event.allow_retry);
      bridge.emit("error", { code: event.code, message: event.message });
      return;
    case "notice":
      thread.lastSeq = Math.max(thread.lastSeq, frame.seq);
      view.showNotice(event);
      return;
    case "client_effect":
      if (frame.seq > thread.lastSeq && streaming?.id === frame.id) bridge.emit("effect", { name: event.name, data: event.data });
      thread.lastSeq = Math.max(thread.lastSeq, frame.seq);
      return;
  }
  const changed = thread.apply(frame.seq, event);
  if (changed) view.update(changed);
}

// --- connection lifecycle ------------------------------------------------------------------

function setBanner(state) {
  const banner = $("#ck-banner");
  const text = { connecting: "", reconnecting: t("reconnecting"), offline: t("offline"), open: "" }[state] ?? "";
  banner.textContent = text;
  banner.hidden = !text;
}

connection.addEventListener("frame", (event) => onFrame(event.detail));
connection.addEventListener("status", ({ detail }) => {
  setBanner(detail.state);
  if (detail.state === "offline") {
    const message = detail.error?.message || t("offline");
    composer.setDisabled(message);
    bridge.emit("error", { code: detail.error?.code ?? "offline", message });
  } else if (detail.state === "open") {
    composer.setDisabled(null);
  }
});
connection.addEventListener("reconnected", () => {
  if (!thread?.id) {
    if (streaming) finish();
    return;
  }
  const request = connection.stream("threads.resume", { thread_id: thread.id, after_seq: thread.lastSeq });
  if (streaming) {
    streaming.id = request.id;
    request.done.then((result) => !result.interrupted && finish(), () => finish());
  } else {
    request.done.catch(() => {});
  }
});
connection.addEventListener("servererror", ({ detail }) => {
  if (detail.code === "unauthenticated") connection.ws?.close(4401);
});
window.addEventListener("online", () => connection.reconnectNow());

sessions.addEventListener("session", ({ detail }) => {
  const first = visitorId === null;
  visitorId = detail.visitor.id;
  clearTimeout(sessions.renewTimer);
  sessions.renewTimer = setTimeout(async () => {
    try {
      const fresh = await sessions.get(true);
      await connection.reauthenticate(fresh.token);
    } catch {
      // The next reconnect fetches a new session anyway.
    }
  }, sessions.renewIn());
  if (first) restore();
});

let markReady;
const restored = new Promise((resolve) => (markReady = resolve));

async function restore() {
  const saved = storage.getItem(threadKey());
  if (saved) await openThread(saved);
  else showStartScreen(true);
  bridge.emit("ready", { theme: config.theme, name: config.name });
  markReady();
}

// --- host page commands --------------------------------------------------------------------

bridge.addEventListener("command", async ({ detail }) => {
  const [first] = detail.args;
  switch (detail.name) {
    case "focus":
      composer.focus();
      break;
    case "send":
      // After the saved conversation is back, so the message lands in it.
      await restored;
      if (typeof first === "string" && first.trim()) send(first.trim());
      break;
    case "setUser":
      sessions.setUserToken(typeof first === "string" ? first : null);
      visitorId = null;
      thread = null;
      view.reset(null);
      connection.stop();
      startConnection();
      break;
    case "newThread":
      await restored;
      startNewThread();
      break;
    case "preview":
      if (mode === "preview" && first && typeof first === "object") preview(first);
      break;
  }
});

let connectionStarted = false;
function startConnection() {
  connection.stopped = false;
  connection.start();
  connectionStarted = true;
}

// --- the admin's live preview: no connection, sample content, settings from the form ------

const SAMPLE = [
  { id: "msg_sample_user", type: "user_message", content: [{ type: "input_text", text: "Can I change my delivery address?" }] },
  {
    id: "msg_sample_answer",
    type: "assistant_message",
    content: [{
      type: "output_text",
      text: "Yes, until the parcel ships:\n\n1. Open **Orders** and pick the order.\n2. Choose *Change address*.\n\nNeed anything else?",
    }],
  },
];

function preview(settings) {
  applyTheme(settings.theme, null);
  $("#ck-header-title").textContent = settings.name || config.name;
  $("#ck-greeting").textContent = settings.greeting || t("greeting");
  $("#ck-prompts").replaceChildren(
    ...(settings.prompts ?? []).map((prompt) => h("li", {}, h("button", { type: "button", className: "ck-prompt" }, prompt.label))),
  );
  composer.input.placeholder = settings.placeholder || t("message");
  $("#ck-disclaimer").textContent = settings.disclaimer ?? "";
  const conversation = settings.view === "conversation";
  showStartScreen(!conversation);
  if (conversation && !thread) {
    thread = new ThreadState({ id: "thr_preview", items: { data: SAMPLE } });
    view.reset(thread);
  }
}

buildChrome();
showStartScreen(true);
bridge.emit("loaded");
// The loader says when a user token is on its way, so we do not start as anonymous first.
if (mode === "preview") {
  composer.setDisabled(null);
} else if (params.get("user") === "1") {
  setTimeout(() => !connectionStarted && startConnection(), 5000);
} else {
  startConnection();
}
