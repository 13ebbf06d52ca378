// The code editors: CodeMirror 6 with syntax highlighting (JSON; Jinja over JSON for
// templates), bracket matching, folding, search, schema-aware completion and the problems
// shown in place. Each editor can hold several documents (one per sample case), each with
// its own undo history.
import {
  Decoration, EditorSelection, EditorState, EditorView, HighlightStyle, ViewPlugin, autocompletion,
  bracketMatching, closeBrackets, closeBracketsKeymap, completionKeymap, defaultKeymap, drawSelection,
  dropCursor, foldGutter, foldKeymap, highlightActiveLine, highlightActiveLineGutter,
  highlightSelectionMatches, highlightSpecialChars, history, historyKeymap, indentOnInput, indentUnit,
  indentWithTab, jinja, json, keymap, lineNumbers, lintGutter, lintKeymap, search, searchKeymap,
  setDiagnostics, syntaxHighlighting, syntaxTree, tags,
} from "../vendor/codemirror.js";

// Colours come from studio.css, so the editors follow the studio's light and dark themes.
const highlighting = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--syntax-property)" },
  { tag: tags.string, color: "var(--syntax-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--syntax-literal)" },
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.operatorKeyword, tags.logicOperator], color: "var(--syntax-keyword)", fontWeight: "600" },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: "var(--syntax-variable)" },
  { tag: tags.special(tags.variableName), color: "var(--syntax-filter)" },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.paren], color: "var(--syntax-punctuation)" },
  { tag: tags.brace, color: "var(--syntax-brace)" },
  { tag: [tags.blockComment, tags.comment], color: "var(--syntax-comment)", fontStyle: "italic" },
]);

const JINJA_NODES = new Set(["Interpolation", "Tag", "EndTag", "Comment"]);
const jinjaMark = Decoration.mark({ class: "cm-jinja" });

/** Tints Jinja expressions and tags, so the template's logic stands out from its JSON. */
const jinjaRegions = ViewPlugin.fromClass(
  class {
    constructor(view) {
      this.decorations = this.build(view);
    }

    update(update) {
      if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
        this.decorations = this.build(update.view);
      }
    }

    build(view) {
      const ranges = [];
      for (const { from, to } of view.visibleRanges) {
        syntaxTree(view.state).iterate({
          from,
          to,
          enter: (node) => {
            if (!JINJA_NODES.has(node.name)) return undefined;
            if (node.to > node.from) ranges.push(jinjaMark.range(node.from, node.to));
            return false;
          },
        });
      }
      return Decoration.set(ranges, true);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/**
 * Typing over a selection is done here, not by the browser: Chromium's own editing copies the
 * highlighting's colours into style attributes, which the page's CSP refuses.
 */
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const range = view.state.selection.main;
    if (event.inputType !== "insertText" || !event.data || range.empty || view.composing) return false;
    event.preventDefault();
    const text = event.data;
    const insert = () => view.state.update(view.state.replaceSelection(text), { userEvent: "input.type", scrollIntoView: true });
    const handlers = view.state.facet(EditorView.inputHandler);
    if (!handlers.some((handler) => handler(view, range.from, range.to, text, insert))) view.dispatch(insert());
    return true;
  },
});

function baseExtensions({ label, language, completion, onChange, onFormat, nonce }) {
  return [
    EditorView.cspNonce.of(nonce),
    typeOverSelection,
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    indentUnit.of("  "),
    syntaxHighlighting(highlighting),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ activateOnTyping: true, icons: false, maxRenderedOptions: 80 }),
    highlightActiveLine(),
    EditorView.lineWrapping,
    highlightSelectionMatches(),
    search({ top: true }),
    lintGutter(),
    language === "template" ? [jinja({ base: json() }), jinjaRegions] : json(),
    EditorState.languageData.of(() => [{ autocomplete: completion }]),
    keymap.of([
      { key: "Shift-Alt-f", run: () => (onFormat(), true) },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "false", autocorrect: "off", autocapitalize: "off" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update);
    }),
  ];
}

/**
 * An editor in `parent` whose textbox is named `label`. `language` is "template" or "json";
 * `completion` a completion source; `onChange()` runs on every edit, `onFormat()` on Shift+Alt+F;
 * `nonce` is the page's CSP nonce for the editor's generated stylesheet.
 */
export function createEditor({ parent, label, language, completion, onChange, onFormat, nonce, text = "" }) {
  const extensions = baseExtensions({ label, language, completion, onChange: () => onChange(), onFormat, nonce });
  const view = new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
  const documents = new Map(); // document key → saved EditorState
  let currentKey = null;

  const clamp = (position) => Math.max(0, Math.min(position ?? 0, view.state.doc.length));

  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    /** Replace the text (one undoable change). */
    setText(value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    /** Show document `key` (created from `value` the first time), keeping each one's history. */
    switchTo(key, value) {
      if (key === currentKey) return;
      if (currentKey !== null) documents.set(currentKey, view.state);
      currentKey = key;
      view.setState(documents.get(key) ?? EditorState.create({ doc: value, extensions }));
    },
    forget(key) {
      documents.delete(key);
    },
    /** Select `from`–`to` (UTF-16 offsets), scroll it into view and focus the editor. */
    select(from, to = from) {
      const anchor = clamp(from);
      const head = clamp(Math.max(to, from));
      view.dispatch({ selection: EditorSelection.single(anchor, head), scrollIntoView: true });
      view.focus();
    },
    focus() {
      view.focus();
    },
    /** Show problems in place: `[{from, to, message}]`. */
    setProblems(problems) {
      const length = view.state.doc.length;
      const diagnostics = problems.map(({ from, to, message }) => {
        const start = Math.min(from, length);
        return { from: start, to: Math.max(Math.min(to, length), start), severity: "error", message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}
