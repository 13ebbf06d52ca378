// A deployment's ChatKit ThemeOption turned into CSS custom properties on <html>.
// Values were validated on the server; setProperty also keeps them from escaping CSS.

// [chat large, chat medium, chat small, widget controls, widget cards]
const RADII = {
  pill: ["999px", "22px", "14px", "999px", "24px"],
  round: ["20px", "16px", "10px", "10px", "20px"],
  soft: ["12px", "10px", "6px", "8px", "12px"],
  sharp: ["4px", "3px", "2px", "3px", "4px"],
};
const DENSITY = { compact: "0.8", normal: "1", spacious: "1.2" };

export function applyTheme(theme = {}, colorSchemeOverride = null) {
  const root = document.documentElement;
  const set = (name, value) => (value == null ? root.style.removeProperty(name) : root.style.setProperty(name, value));
  const scheme = colorSchemeOverride || theme.colorScheme || "auto";
  root.dataset.colorScheme = scheme;
  const [large, medium, small, control, card] = RADII[theme.radius] ?? RADII.round;
  set("--ck-radius-lg", large);
  set("--ck-radius-md", medium);
  set("--ck-radius-sm", small);
  set("--ck-radius", control);
  set("--ck-radius-card", card);
  set("--ck-density", DENSITY[theme.density] ?? "1");
  const color = theme.color ?? {};
  set("--ck-accent", color.accent?.primary ?? null);
  root.dataset.accentLevel = String(color.accent?.level ?? 1);
  if (color.grayscale) {
    set("--ck-gray-h", String(color.grayscale.hue));
    set("--ck-gray-c", String(color.grayscale.tint * 0.004));
    set("--ck-gray-shade", String(color.grayscale.shade ?? 0));
  }
  set("--ck-surface-custom", color.surface?.background ?? null);
  set("--ck-text-custom", color.surface?.foreground ?? null);
  const type = theme.typography ?? {};
  set("--ck-font-size", type.baseSize ? `${type.baseSize}px` : null);
  set("--ck-font", type.fontFamily ?? null);
  set("--ck-font-mono", type.fontFamilyMono ?? null);
}

/** The effective scheme, for the widget renderer. */
export function currentScheme() {
  const scheme = document.documentElement.dataset.colorScheme;
  if (scheme === "light" || scheme === "dark") return scheme;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
