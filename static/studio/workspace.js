// The workspace: editors (template, sample data, data schema), a live preview and its
// problems. Every edit is checked by the server (debounced) with the verdicts of
// `manage.py widgets validate`; the answer updates the preview, the Problems list and the
// squiggles in the editors. Saving makes a version; History compares and rolls back.
import { ApiError, createApi } from "./api.js";
import { createCases } from "./cases.js";
import { META_SCHEMA, jsonCompletion } from "./completion.js";
import { confirmDialog, showDialog } from "./dialogs.js";
import { byId, readConfig } from "./dom.js";
import { createEditor } from "./editor.js";
import { createExporter } from "./exporting.js";
import { formatJson, reindentTemplate } from "./format.js";
import { createHistory } from "./history.js";
import { setupMenu } from "./menu.js";
import { Preview } from "./preview.js";
import { createProblems } from "./problems.js";
import { bindShortcuts } from "./shortcuts.js";
import { createSimulator } from "./simulator.js";
import { setupTabs } from "./tabs.js";
import { createTryout } from "./tryout.js";
import { widgetSchema } from "../widgets/schema.js";

const CHECK_DELAY_MS = 120;
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,99}$/;

const config = readConfig();
const api = createApi({ base: config.urls.api, csrfToken: config.csrfToken });
let saved = config.saved; // {name, version} once the template exists
const source = config.source; // {name, version} a new draft was copied from
let extras = { encoded_widget: config.draft.encoded_widget, extra: config.draft.extra };
let baseline = null;
let dataSchema = null;
let lastWidget = null;
let lastFocused = "template";
let leaving = false;

// --- notices -----------------------------------------------------------------------------

const notice = byId("notice");
const NOTICE_MS = 3500;
let noticeTimer = null;
function notify(message, tone = "error") {
  byId("notice-text").textContent = message;
  notice.dataset.tone = tone;
  notice.hidden = false;
  // Good news fades; errors stay until dismissed.
  clearTimeout(noticeTimer);
  if (tone === "success") noticeTimer = setTimeout(() => (notice.hidden = true), NOTICE_MS);
}
notice.querySelector(".notice-close").addEventListener("click", () => (notice.hidden = true));

// --- editors -----------------------------------------------------------------------------

const titleInput = byId("title-input");
const description = byId("details-description");
titleInput.value = config.draft.title;
description.value = config.draft.description;

const editors = {};
const tabs = setupTabs(document.querySelector(".data-block .tabs"), (id) => {
  document.querySelector('[data-format="data"]').hidden = id === "tab-details";
});

function format(which = lastFocused) {
  const editor = editors[which];
  if (!editor) return;
  if (which === "template") {
    editor.setText(reindentTemplate(editor.text));
    return;
  }
  const result = formatJson(editor.text);
  if (result.error) notify(result.error);
  else editor.setText(result.text);
}

function makeEditor(key, label, language, completion, text) {
  const editor = createEditor({
    parent: byId(`${key}-editor`),
    label,
    language,
    completion,
    text,
    nonce: config.styleNonce,
    onChange: () => changed(key),
    onFormat: () => format(key),
  });
  editor.view.contentDOM.addEventListener("focus", () => (lastFocused = key));
  editors[key] = editor;
  return editor;
}

const templateEditor = makeEditor(
  "template", "Template", "template",
  jsonCompletion(() => widgetSchema, { jinja: true, getDataSchema: () => dataSchema }),
  config.draft.template,
);
const cases = createCases({
  cases: config.draft.cases,
  onSwitch: (entry, removedKey) => {
    if (removedKey) dataEditor.forget(removedKey);
    dataEditor.switchTo(entry.key, entry.text);
    scheduleCheck();
  },
  onChange: () => changed("cases"),
});
const dataEditor = makeEditor("data", "Sample data", "json", jsonCompletion(() => dataSchema), "");
dataEditor.switchTo(cases.current.key, cases.current.text);
const schemaEditor = makeEditor("schema", "Data schema", "json", jsonCompletion(() => META_SCHEMA), config.draft.json_schema);

// --- the draft and its state ---------------------------------------------------------------

function draft() {
  return {
    title: titleInput.value.trim(),
    description: description.value,
    template: templateEditor.text,
    json_schema: schemaEditor.text,
    cases: cases.toDraft(),
    ...extras,
  };
}

const isDirty = () => JSON.stringify(draft()) !== baseline;
const base = () => (saved ? { name: saved.name, version: saved.version } : source?.version ? source : null);

function paintState() {
  const dirty = isDirty();
  const state = byId("save-state");
  state.dataset.dirty = String(dirty);
  if (!saved) state.textContent = "New · not saved";
  else state.textContent = dirty ? `Unsaved changes · v${saved.version}` : `Saved · v${saved.version}`;
  byId("name-chip").textContent = saved ? saved.name : "unsaved";
  byId("details-name").value = saved ? saved.name : "(chosen when you first save)";
  document.title = `${titleInput.value.trim() || "Untitled"}${dirty ? " •" : ""} · Widget studio`;
  byId("history-button").disabled = !saved;
  for (const item of document.querySelectorAll('[data-more="duplicate"], [data-more="delete"]')) item.disabled = !saved;
  tryout.refresh();
}

function changed(what) {
  if (what === "data") cases.current.text = dataEditor.text;
  if (what === "schema" || what === "init") dataSchema = parseSchema(schemaEditor.text) ?? dataSchema;
  paintState();
  scheduleCheck();
}

function parseSchema(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}

titleInput.addEventListener("input", () => changed("title"));
description.addEventListener("input", () => changed("description"));

// --- live checking ---------------------------------------------------------------------------

const preview = new Preview({ region: byId("preview"), frames: byId("frames"), banner: byId("stale-banner"), onAction: createSimulator() });
const problems = createProblems({ onSelect: selectProblem });
const previewStatus = byId("preview-status");
let timer = null;
let inFlight = null;
let sequence = 0;
let editedAt = 0;

function scheduleCheck() {
  editedAt ||= performance.now();
  clearTimeout(timer);
  timer = setTimeout(check, CHECK_DELAY_MS);
}

async function check() {
  const started = editedAt;
  editedAt = 0;
  const id = ++sequence;
  inFlight?.abort();
  inFlight = new AbortController();
  previewStatus.textContent = "Checking…";
  let result;
  try {
    result = await api("preview", { method: "POST", json: { draft: draft(), case: cases.index }, signal: inFlight.signal });
  } catch (error) {
    if (error.name === "AbortError" || id !== sequence) return;
    previewStatus.textContent = "";
    preview.markStale();
    notify(error instanceof ApiError ? error.message : String(error));
    return;
  }
  if (id !== sequence) return;
  showProblems(result.problems);
  if (result.widget) {
    lastWidget = result.widget;
    preview.show(result.widget);
  } else {
    preview.markStale();
  }
  previewStatus.textContent = result.widget ? "" : "Not rendered";
  // For measuring keystroke-to-preview latency (and for tests that wait for a check).
  document.dispatchEvent(new CustomEvent("studio:checked", { detail: { editedAt: started, paintedAt: performance.now(), problems: result.problems.length, rendered: Boolean(result.widget) } }));
}

let currentProblems = [];
function showProblems(list) {
  currentProblems = list;
  problems.show(list, { currentCase: cases.index, caseNames: cases.names });
  const located = (editor, keep) => list.filter((p) => p.editor === editor && p.start !== null && keep(p)).map((p) => ({ from: p.start, to: p.end, message: `${p.pointer || "/"}: ${p.message}` }));
  templateEditor.setProblems(located("template", (p) => p.case === null || p.case === cases.index));
  dataEditor.setProblems(located("data", (p) => p.case === cases.index));
  schemaEditor.setProblems(located("schema", () => true));
}

function selectProblem(problem) {
  if (problem.case !== null && problem.case !== undefined && problem.case !== cases.index) cases.choose(problem.case);
  if (problem.editor === "details") {
    tabs.select("tab-details");
    (problem.pointer === "/description" ? description : titleInput).focus();
    return;
  }
  if (problem.editor === "cases") {
    tabs.select("tab-data");
    byId("case-list").querySelector('[aria-pressed="true"]')?.focus();
    return;
  }
  if (problem.editor === "data") tabs.select("tab-data");
  if (problem.editor === "schema") tabs.select("tab-schema");
  const editor = editors[problem.editor];
  if (problem.start === null) editor.focus();
  else editor.select(problem.start, problem.end);
}

// --- preview controls ------------------------------------------------------------------------

for (const group of document.querySelectorAll(".preview-toolbar .segmented")) {
  group.addEventListener("click", (event) => {
    const choice = event.target.closest('[role="radio"]');
    if (!choice) return;
    for (const radio of group.querySelectorAll('[role="radio"]')) radio.setAttribute("aria-checked", String(radio === choice));
    if (choice.dataset.width) preview.setWidth(choice.dataset.width);
    if (choice.dataset.theme) preview.setTheme(choice.dataset.theme);
  });
}

// --- saving ------------------------------------------------------------------------------------

function adopt(result) {
  saved = { name: result.name, version: result.version };
  history.replaceState(null, "", result.url);
}

async function save({ replace = false } = {}) {
  const dialog = byId("save-dialog");
  const nameField = byId("save-name-field");
  const nameInput = byId("save-name");
  const message = byId("save-message");
  const error = byId("save-error");
  const form = byId("save-form");
  if (dialog.open) return;
  nameField.hidden = Boolean(saved);
  nameInput.value = saved ? "" : config.suggestedName ?? "";
  message.value = "";
  error.hidden = true;
  byId("save-confirm").textContent = replace ? "Replace their version" : "Save version";
  let conflictVersion = null;

  const submit = async (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!saved && !NAME_PATTERN.test(name)) {
      error.textContent = "The name takes lowercase letters, digits, _ and - (up to 100), starting with a letter or digit.";
      error.hidden = false;
      nameInput.focus();
      return;
    }
    const sent = draft();
    const confirm = byId("save-confirm");
    confirm.disabled = true;
    try {
      const result = saved
        ? await api(`templates/${encodeURIComponent(saved.name)}/versions`, { method: "POST", json: { draft: sent, message: message.value, base_version: conflictVersion ?? saved.version } })
        : await api("templates", { method: "POST", json: { draft: sent, name, message: message.value, base: base() } });
      adopt(result);
      baseline = JSON.stringify(sent);
      dialog.close("saved");
      paintState();
      historyPanel.reload();
      notify(`Saved version ${result.version}.`, "success");
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      if (failure.code === "conflict") {
        conflictVersion = failure.details.current_version ?? null;
        confirm.textContent = "Replace their version";
      }
      if (failure.problems?.length) showProblems(failure.problems);
    } finally {
      confirm.disabled = false;
    }
  };
  form.addEventListener("submit", submit);
  queueMicrotask(() => (saved ? message : nameInput).focus());
  await showDialog(dialog);
  form.removeEventListener("submit", submit);
}

byId("save-button").addEventListener("click", () => save());

// --- the bar: new, import, export, history, try in chat, more ---------------------------------

async function leaveTo(url, question = "Leave without saving? Your unsaved changes will be lost.") {
  if (isDirty() && !(await confirmDialog({ title: "Unsaved changes", text: question, confirmLabel: "Discard changes" }))) return;
  leaving = true;
  location.assign(url);
}

byId("new-widget").addEventListener("click", (event) => {
  event.preventDefault();
  leaveTo(config.urls.new);
});
document.querySelector(".crumbs a").addEventListener("click", (event) => {
  event.preventDefault();
  leaveTo(config.urls.gallery);
});

const importFile = byId("import-file");
byId("import-button").addEventListener("click", () => importFile.click());
importFile.addEventListener("change", async () => {
  const file = importFile.files[0];
  importFile.value = "";
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  try {
    const result = await api("import", { method: "POST", form });
    await leaveTo(result.url, `“${file.name}” was imported as “${result.name}”. Open it and discard your unsaved changes here?`);
  } catch (error) {
    notify(error.message);
  }
});

const exporter = createExporter({
  api,
  getDraft: draft,
  getBase: base,
  getSaved: () => saved,
  getWidget: () => lastWidget,
  getCaseIndex: () => cases.index,
  notify,
});
setupMenu(byId("export-button"), byId("export-menu"), (item) => exporter[item.dataset.export]());

const historyPanel = createHistory({
  api,
  getSaved: () => saved,
  isDirty,
  notify,
  onRolledBack: (result) => {
    adopt(result);
    load(result.draft);
  },
});

const tryout = createTryout({
  deployments: config.deployments,
  embedScript: config.urls.embedScript,
  getSaved: () => saved,
  isDirty,
  notify,
});

async function duplicate() {
  if (isDirty() && !(await confirmDialog({ title: "Duplicate the saved version?", text: `The copy is made from version ${saved.version} as saved; your unsaved changes stay here.`, confirmLabel: "Duplicate" }))) return;
  try {
    const result = await api(`templates/${encodeURIComponent(saved.name)}/duplicate`, { method: "POST", json: {} });
    await leaveTo(result.url, `The copy is “${result.name}”. Open it and discard your unsaved changes here?`);
  } catch (error) {
    notify(error.message);
  }
}

async function remove() {
  const confirmed = await confirmDialog({
    title: `Delete “${titleInput.value || saved.name}”?`,
    text: `This deletes the template “${saved.name}” and all ${saved.version} of its versions. Agents that send it by name will get an error. This cannot be undone.`,
    confirmLabel: "Delete template",
  });
  if (!confirmed) return;
  try {
    const result = await api(`templates/${encodeURIComponent(saved.name)}`, { method: "DELETE" });
    leaving = true;
    location.assign(result.url);
  } catch (error) {
    notify(error.message);
  }
}

setupMenu(byId("more-button"), byId("more-menu"), (item) => {
  const action = item.dataset.more;
  if (action === "duplicate") duplicate();
  else if (action === "delete") remove();
  else showDialog(byId("shortcuts-dialog"));
});

for (const button of document.querySelectorAll("[data-format]")) {
  button.addEventListener("click", () => format(button.dataset.format === "data" && tabs.selected === "tab-schema" ? "schema" : button.dataset.format));
}

bindShortcuts({
  save: () => save(),
  format: () => format(),
  focusEditor: (number) => {
    if (number === 2) tabs.select("tab-data");
    if (number === 3) tabs.select("tab-schema");
    editors[["template", "data", "schema"][number - 1]].focus();
  },
});

// The unsaved-changes guard for leaving by other means (closing the tab, the back button).
addEventListener("beforeunload", (event) => {
  if (!leaving && isDirty()) event.preventDefault();
});

/** Show a draft from the server (a rollback) as the saved state. */
function load(newDraft) {
  titleInput.value = newDraft.title;
  description.value = newDraft.description;
  extras = { encoded_widget: newDraft.encoded_widget, extra: newDraft.extra };
  templateEditor.setText(newDraft.template);
  schemaEditor.setText(newDraft.json_schema);
  cases.reset(newDraft.cases);
  baseline = JSON.stringify(draft());
  changed("init");
}

baseline = JSON.stringify(draft());
changed("init");
