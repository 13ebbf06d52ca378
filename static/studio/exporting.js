// Export: the draft as a .widget file (ChatKit's format), the rendered widget JSON, and a
// Python snippet an agent uses to send the saved template.
import { showDialog } from "./dialogs.js";
import { byId, download } from "./dom.js";

export function createExporter({ api, getDraft, getBase, getSaved, getWidget, getCaseIndex, notify }) {
  async function widgetFile() {
    try {
      const response = await api("export", { method: "POST", json: { draft: getDraft(), base: getBase() }, raw: true });
      const filename = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "widget.widget";
      download(filename, await response.text());
    } catch (error) {
      notify(error.message);
    }
  }

  function widgetJson() {
    const widget = getWidget();
    if (!widget) {
      notify("Nothing has rendered yet: fix the problems first.");
      return;
    }
    const name = getSaved()?.name ?? "widget";
    download(`${name}.json`, `${JSON.stringify(widget, null, 2)}\n`);
  }

  async function pythonSnippet() {
    const dialog = byId("snippet-dialog");
    const code = byId("snippet-code");
    const help = byId("snippet-help");
    const copy = byId("snippet-copy");
    const status = byId("snippet-status");
    const saved = getSaved();
    status.textContent = "";
    if (!saved) {
      help.textContent = "Agents load templates by name: save this one first.";
      code.textContent = "";
      copy.disabled = true;
    } else {
      help.textContent = `An agent for this server that answers with “${saved.name}” (version ${saved.version} as saved), filled with the sample case shown in the preview. Point a deployment at it with --agent python.`;
      code.textContent = "Loading…";
      copy.disabled = true;
      api(`templates/${encodeURIComponent(saved.name)}/snippet?case=${getCaseIndex()}`)
        .then((result) => {
          code.textContent = result.code;
          copy.disabled = false;
        })
        .catch((error) => {
          code.textContent = "";
          help.textContent = error.message;
        });
    }
    const onCopy = async () => {
      try {
        await navigator.clipboard.writeText(code.textContent);
        status.textContent = "Copied to the clipboard.";
      } catch {
        // Clipboard permission refused: select the code so Ctrl+C copies it.
        getSelection().selectAllChildren(code);
        status.textContent = "Press Ctrl+C to copy the selected code.";
      }
    };
    copy.addEventListener("click", onCopy);
    await showDialog(dialog);
    copy.removeEventListener("click", onCopy);
  }

  return { "widget-file": widgetFile, "widget-json": widgetJson, python: pythonSnippet };
}
