// Which colour scheme the admin shows: its theme toggle (html[data-theme]) when set to
// light or dark, else the system preference. Widgets are drawn to match it.
const dark = matchMedia("(prefers-color-scheme: dark)");

export function colorScheme() {
  const theme = document.documentElement.dataset.theme;
  if (theme === "light" || theme === "dark") return theme;
  return dark.matches ? "dark" : "light";
}

/** Call `listener(scheme)` whenever the admin's scheme changes. */
export function onSchemeChange(listener) {
  let current = colorScheme();
  const check = () => {
    const next = colorScheme();
    if (next !== current) listener((current = next));
  };
  dark.addEventListener("change", check);
  new MutationObserver(check).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
}
