// Named sample-data cases ("default", "empty", "long names"...): the list above the Sample
// data editor and the preview's case picker, kept in step. Each case keeps its own text.
import { promptDialog, confirmDialog } from "./dialogs.js";
import { byId, h } from "./dom.js";

const MAX_CASES = 20;
let nextKey = 1;

export function createCases({ cases, onSwitch, onChange }) {
  const list = byId("case-list");
  const select = byId("case-select");
  const state = {
    cases: cases.map((entry) => ({ key: `case${nextKey++}`, name: entry.name, text: entry.data })),
    index: 0,
  };

  function paint() {
    list.replaceChildren(
      ...state.cases.map((entry, index) =>
        h("button", {
          type: "button",
          class: "chip",
          "aria-pressed": String(index === state.index),
          "data-case": entry.name,
          text: entry.name,
          onclick: () => choose(index),
        }),
      ),
    );
    select.replaceChildren(...state.cases.map((entry, index) => h("option", { value: String(index), text: entry.name, selected: index === state.index })));
    select.value = String(state.index);
    byId("case-delete").disabled = state.cases.length < 2;
    byId("case-add").disabled = state.cases.length >= MAX_CASES;
  }

  function choose(index) {
    if (index === state.index || !state.cases[index]) return;
    state.index = index;
    paint();
    onSwitch(state.cases[index]);
  }

  const nameProblem = (name, except = -1) => {
    if (!name) return "Give the case a name.";
    if (name.length > 200) return "Names are at most 200 characters.";
    if (state.cases.some((entry, index) => index !== except && entry.name === name)) return `There is a case called “${name}” already.`;
    return null;
  };

  async function add() {
    const current = state.cases[state.index];
    const name = await promptDialog({
      title: "Add a sample case",
      label: "Case name",
      value: "",
      confirmLabel: "Add case",
      validate: (value) => nameProblem(value),
    });
    if (name === null) return;
    // A new case starts as a copy of the current one: usually a small variation of it.
    state.cases.push({ key: `case${nextKey++}`, name, text: current.text });
    choose(state.cases.length - 1);
    onChange();
  }

  async function rename() {
    const current = state.cases[state.index];
    const name = await promptDialog({
      title: "Rename the case",
      label: "Case name",
      value: current.name,
      confirmLabel: "Rename",
      validate: (value) => nameProblem(value, state.index),
    });
    if (name === null || name === current.name) return;
    current.name = name;
    paint();
    onChange();
  }

  async function remove() {
    if (state.cases.length < 2) return;
    const current = state.cases[state.index];
    const confirmed = await confirmDialog({ title: `Delete the case “${current.name}”?`, text: "Its sample data goes with it (until you leave without saving).", confirmLabel: "Delete case" });
    if (!confirmed) return;
    state.cases.splice(state.index, 1);
    state.index = Math.max(0, state.index - 1);
    paint();
    onSwitch(state.cases[state.index], current.key);
    onChange();
  }

  byId("case-add").addEventListener("click", add);
  byId("case-rename").addEventListener("click", rename);
  byId("case-delete").addEventListener("click", remove);
  select.addEventListener("change", () => choose(Number(select.value)));
  paint();

  return {
    get current() {
      return state.cases[state.index];
    },
    get index() {
      return state.index;
    },
    get names() {
      return state.cases.map((entry) => entry.name);
    },
    /** The cases as a Draft holds them. */
    toDraft() {
      return state.cases.map((entry) => ({ name: entry.name, data: entry.text }));
    },
    choose,
    /** Replace every case (after a rollback or a reload from the server). */
    reset(cases) {
      state.cases = cases.map((entry) => ({ key: `case${nextKey++}`, name: entry.name, text: entry.data }));
      state.index = Math.min(state.index, state.cases.length - 1);
      paint();
      onSwitch(state.cases[state.index]);
    },
  };
}
