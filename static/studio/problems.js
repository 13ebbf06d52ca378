// The Problems list: each problem with where it is (editor, sample case), its JSON pointer
// and its sentence. Activating one asks the workspace to select the place in the editor.
import { byId, h } from "./dom.js";

const EDITOR_NAMES = { template: "Template", data: "Sample data", schema: "Data schema", cases: "Sample cases", details: "Details" };
const MAX_SHOWN = 100;

/** A pointer that may wrap after its slashes only. */
function pointerCode(pointer) {
  const parts = pointer.split(/(?=\/)/).flatMap((part, index) => (index ? [h("wbr"), part] : [part]));
  return h("code", { class: "pointer" }, ...parts);
}

export function createProblems({ onSelect }) {
  const list = byId("problem-list");
  const count = byId("problem-count");
  const clear = byId("all-clear");
  const region = byId("problems");

  function where(problem, caseNames) {
    const editor = EDITOR_NAMES[problem.editor] ?? problem.editor;
    return problem.case === null || problem.case === undefined ? editor : `${editor} · ${caseNames[problem.case] ?? `case ${problem.case + 1}`}`;
  }

  /** Show `problems`; `currentCase` is the case shown in the preview, `caseNames` all cases. */
  function show(problems, { currentCase, caseNames }) {
    const items = problems.slice(0, MAX_SHOWN).map((problem) => {
      const other = problem.case !== null && problem.case !== undefined && problem.case !== currentCase;
      const pointer = problem.pointer || "/";
      const button = h(
        "button",
        { type: "button", class: "problem", "data-editor": problem.editor, "data-pointer": pointer, "aria-label": `${pointer}: ${problem.message} (${where(problem, caseNames)})` },
        h("span", { class: "problem-icon", "aria-hidden": "true" }),
        h("span", { class: "problem-body" },
          h("span", { class: "problem-line" }, pointerCode(pointer), h("span", { class: "problem-where", text: where(problem, caseNames) })),
          h("span", { class: "problem-message", text: problem.message })),
      );
      button.addEventListener("click", () => onSelect(problem));
      return h("li", { class: other ? "other-case" : "" }, button);
    });
    if (problems.length > MAX_SHOWN) items.push(h("li", { class: "muted more", text: `…and ${problems.length - MAX_SHOWN} more` }));
    list.replaceChildren(...items);
    count.textContent = String(problems.length);
    count.dataset.zero = String(problems.length === 0);
    clear.hidden = problems.length > 0;
    region.dataset.count = String(problems.length);
  }

  return { show };
}
