// The deployment pages of the admin: copy buttons, and the live preview of the chat that
// follows the form's theme and start-screen fields before they are saved.

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  await navigator.clipboard.writeText(button.dataset.copy);
  const label = button.textContent;
  button.textContent = "Copied";
  setTimeout(() => (button.textContent = label), 1500);
});

const frame = document.getElementById("ck-preview-frame");
const form = document.getElementById("deployment_form");

function value(name) {
  const field = form?.elements[name];
  if (!field) return "";
  return field.type === "checkbox" ? field.checked : field.value.trim();
}

function number(name) {
  const text = value(name);
  return text === "" ? null : Number(text);
}

/** The same shapes the server stores (chatkit/config.py), built from the form. */
function previewSettings(view) {
  const color = {};
  if (value("accent")) color.accent = { primary: value("accent"), level: number("accent_level") ?? 1 };
  if (number("gray_hue") !== null || number("gray_tint") !== null) {
    color.grayscale = { hue: number("gray_hue") ?? 0, tint: number("gray_tint") ?? 0, shade: number("gray_shade") ?? 0 };
  }
  if (value("surface_background") || value("surface_foreground")) {
    color.surface = { background: value("surface_background"), foreground: value("surface_foreground") };
  }
  const typography = {};
  if (number("base_size")) typography.baseSize = number("base_size");
  if (value("font_family")) typography.fontFamily = value("font_family");
  const prompts = String(value("prompts_text"))
    .split("\n")
    .filter((line) => line.trim())
    .slice(0, 8)
    .map((line) => {
      const [label, ...rest] = line.split("|");
      return { label: label.trim(), prompt: (rest.join("|") || label).trim() };
    });
  return {
    view,
    theme: {
      colorScheme: value("color_scheme") || "auto",
      radius: value("radius") || "round",
      density: value("density") || "normal",
      color,
      typography,
    },
    name: value("name"),
    greeting: value("greeting"),
    prompts,
    placeholder: value("composer_placeholder"),
    disclaimer: value("disclaimer"),
  };
}

if (frame && form) {
  let view = "start";
  const send = () =>
    frame.contentWindow.postMessage(
      { chatkit: 1, instance: "preview", command: "preview", args: [previewSettings(view)] },
      location.origin,
    );
  let timer;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(send, 120);
  });
  form.addEventListener("change", send);
  window.addEventListener("message", (event) => {
    if (event.source === frame.contentWindow && event.origin === location.origin && event.data?.event === "loaded") send();
  });
  for (const button of document.querySelectorAll("[data-preview-view]")) {
    button.addEventListener("click", () => {
      view = button.dataset.previewView;
      for (const other of document.querySelectorAll("[data-preview-view]")) {
        other.setAttribute("aria-pressed", String(other === button));
      }
      send();
    });
  }
}
