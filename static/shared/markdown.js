// Markdown to a sanitised DOM fragment, shared by the chat and the widget renderer.
// marked parses (raw HTML in the source is kept as text), DOMPurify then keeps only the
// tags below, and links and images are limited to safe URL schemes.
import { Marked } from "../vendor/marked.js";
import DOMPurify from "../vendor/purify.js";

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const parser = new Marked({ gfm: true, breaks: false, async: false });
parser.use({
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

const ALLOWED_TAGS = [
  "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
  "table", "thead", "tbody", "tr", "th", "td", "input", "span",
];
const ALLOWED_ATTR = ["href", "title", "alt", "src", "start", "align", "class", "type", "checked", "disabled"];
const LINK_SCHEMES = /^(https?:|mailto:)/i;
const IMAGE_SCHEMES = /^https?:/i;

const purifier = DOMPurify(window);
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    const href = node.getAttribute("href") || "";
    if (!LINK_SCHEMES.test(href)) node.removeAttribute("href");
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer nofollow");
  } else if (node.tagName === "IMG") {
    const src = node.getAttribute("src") || "";
    if (!IMAGE_SCHEMES.test(src)) node.remove();
    else node.setAttribute("loading", "lazy");
  } else if (node.tagName === "INPUT") {
    // GFM task lists only.
    if (node.getAttribute("type") !== "checkbox") node.remove();
    else node.setAttribute("disabled", "");
  } else if (node.hasAttribute("class") && !/^language-[\w+-]+$/.test(node.getAttribute("class"))) {
    node.removeAttribute("class");
  }
});

/** Parse `source` and return a DocumentFragment that is safe to insert. */
export function renderMarkdown(source) {
  const html = parser.parse(String(source ?? ""));
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
