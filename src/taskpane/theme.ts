/* global Office, window */
/**
 * Which Fluent theme the pane takes: Office's own theme where Office gives one
 * (`Office.context.officeTheme`, Excel on the web, Windows, Mac and iPad), the browser's
 * `forced-colors` (Windows high contrast) above all, and the browser's colour scheme where there is
 * no Office theme (the browser demo).
 * https://learn.microsoft.com/javascript/api/office/office.officetheme
 */
import * as React from "react";
import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";

export type PaneThemeName = "light" | "dark" | "contrast";

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

export const PANE_THEMES: Readonly<Record<PaneThemeName, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Relative luminance of "#rrggbb" (WCAG 2), or null when the text is not such a colour. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane's theme: high contrast when the system forces its colours; else dark when Office's
 * theme is dark (its `isDarkTheme`, or a dark body background where that flag is missing); else,
 * without an Office theme, the browser's preferred scheme.
 */
export function paneThemeName(
  office: OfficeThemeLike | null | undefined,
  media: { readonly forcedColors: boolean; readonly prefersDark: boolean }
): PaneThemeName {
  if (media.forcedColors) return "contrast";
  if (office) {
    if (typeof office.isDarkTheme === "boolean") return office.isDarkTheme ? "dark" : "light";
    const l = luminance(office.bodyBackgroundColor ?? "");
    if (l !== null) return l < 0.2 ? "dark" : "light";
  }
  return media.prefersDark ? "dark" : "light";
}

function officeTheme(): OfficeThemeLike | null {
  try {
    // undefined outside Office and in hosts without the theme API
    return typeof Office === "undefined" ? null : (Office.context?.officeTheme ?? null);
  } catch {
    return null;
  }
}

function query(q: string): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia(q)
    : null;
}

/**
 * The theme now, kept current: the media queries raise change events; Office's theme has no
 * change event in Excel, so it is read again whenever the pane gets focus.
 */
export function usePaneTheme(): PaneThemeName {
  const read = React.useCallback(
    (): PaneThemeName =>
      paneThemeName(officeTheme(), {
        forcedColors: query("(forced-colors: active)")?.matches ?? false,
        prefersDark: query("(prefers-color-scheme: dark)")?.matches ?? false,
      }),
    []
  );
  const [name, setName] = React.useState<PaneThemeName>(read);
  React.useEffect(() => {
    const update = (): void => setName(read());
    const lists = [query("(forced-colors: active)"), query("(prefers-color-scheme: dark)")];
    for (const list of lists) list?.addEventListener("change", update);
    window.addEventListener("focus", update);
    return () => {
      for (const list of lists) list?.removeEventListener("change", update);
      window.removeEventListener("focus", update);
    };
  }, [read]);
  return name;
}
