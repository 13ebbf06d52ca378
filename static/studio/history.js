// History: the template's versions, what each changed (or how it differs from the current
// version), and rolling back to one, which saves a copy of it as the newest version.
import { confirmDialog } from "./dialogs.js";
import { ago, byId, h } from "./dom.js";

export function createHistory({ api, getSaved, isDirty, onRolledBack, notify }) {
  const drawer = byId("history-drawer");
  const button = byId("history-button");
  const list = byId("version-list");
  const empty = byId("history-empty");
  const diff = byId("diff");
  const diffTitle = byId("diff-title");
  const diffBody = byId("diff-body");
  const rollbackButton = byId("rollback-button");
  let versions = [];
  let selected = null;
  let against = "previous";

  const path = (suffix) => `templates/${encodeURIComponent(getSaved().name)}/${suffix}`;

  async function load() {
    const saved = getSaved();
    empty.hidden = Boolean(saved);
    list.replaceChildren();
    diff.hidden = true;
    if (!saved) return;
    ({ versions } = await api(path("versions")));
    list.replaceChildren(
      ...versions.map((version) =>
        h("li", {},
          h("button", { type: "button", class: "version", "aria-pressed": "false", "data-version": String(version.number), onclick: () => choose(version) },
            h("span", { class: "version-number", text: `v${version.number}` }),
            h("span", { class: "version-body" },
              h("span", { class: "version-message", text: version.message || "No message" }),
              h("span", { class: "version-meta muted", text: [version.author, ago(version.created_at)].filter(Boolean).join(" · ") })),
            version.is_current ? h("span", { class: "badge", text: "Current" }) : null)),
      ),
    );
    const kept = selected && versions.find((version) => version.number === selected.number);
    const shown = kept ?? versions.find((version) => version.is_current);
    if (shown) await choose(shown);
  }

  async function choose(version) {
    selected = version;
    for (const item of list.querySelectorAll(".version")) item.setAttribute("aria-pressed", String(item.dataset.version === String(version.number)));
    const current = versions.find((v) => v.is_current);
    const base = against === "current" && !version.is_current ? current.number : version.number - 1;
    diff.hidden = false;
    rollbackButton.hidden = version.is_current;
    rollbackButton.textContent = `Roll back to v${version.number}`;
    if (base < 1) {
      diffTitle.textContent = `Version ${version.number} (the first)`;
      diffBody.replaceChildren(againstPicker(version), h("p", { class: "muted", text: "The first version: nothing to compare it with." }));
      return;
    }
    const [from, to] = against === "current" && !version.is_current ? [version.number, current.number] : [base, version.number];
    diffTitle.textContent = against === "current" && !version.is_current ? `Version ${from} → current (v${to})` : `Changes in version ${to}`;
    const result = await api(`${path("diff")}?from=${from}&to=${to}`);
    diffBody.replaceChildren(againstPicker(version), ...renderSections(result.sections));
  }

  function againstPicker(version) {
    if (version.is_current) return h("span");
    return h("div", { class: "segmented small", role: "radiogroup", "aria-label": "Compare" },
      ...[["previous", "What it changed"], ["current", "Against current"]].map(([value, label]) =>
        h("button", { type: "button", role: "radio", "aria-checked": String(against === value), text: label, onclick: () => { against = value; choose(version); } })));
  }

  function renderSections(sections) {
    if (!sections.length) return [h("p", { class: "muted", text: "No differences in the template, schema or sample data." })];
    return sections.map((section) =>
      h("section", { class: "diff-section" },
        h("h4", { text: section.title }),
        h("div", { class: "diff-lines", role: "table", "aria-label": `${section.title} changes` },
          ...section.lines.map((line) =>
            h("div", { class: `diff-line ${line.kind}`, role: "row" },
              h("span", { class: "sign", role: "cell", text: { add: "+", remove: "−", context: " ", hunk: "" }[line.kind] }),
              h("code", { role: "cell", text: line.kind === "hunk" ? `@${line.text}` : line.text }))))));
  }

  async function rollback() {
    if (!selected) return;
    const dirty = isDirty();
    const confirmed = await confirmDialog({
      title: `Roll back to version ${selected.number}?`,
      text: `This saves a copy of version ${selected.number} as the newest version; no version is lost.${dirty ? " Your unsaved changes will be discarded." : ""}`,
      confirmLabel: "Roll back",
    });
    if (!confirmed) return;
    try {
      const result = await api(path("rollback"), { method: "POST", json: { number: selected.number } });
      selected = null;
      onRolledBack(result);
      await load();
      notify(`Rolled back: version ${result.version} is a copy of the version you picked.`, "success");
    } catch (error) {
      notify(error.message);
    }
  }

  function toggle(open = drawer.hidden) {
    drawer.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) load().catch((error) => notify(error.message));
  }

  button.addEventListener("click", () => toggle());
  drawer.querySelector("[data-close-drawer]").addEventListener("click", () => toggle(false));
  rollbackButton.addEventListener("click", rollback);
  return { toggle, reload: () => (drawer.hidden ? Promise.resolve() : load()) };
}
