import { describe, expect, it } from "vitest";
import { paneThemeName } from "./theme";

const plain = { forcedColors: false, prefersDark: false };

describe("the pane's theme", () => {
  it("follows Office's dark and light themes", () => {
    expect(paneThemeName({ isDarkTheme: true }, plain)).toBe("dark");
    expect(paneThemeName({ isDarkTheme: false }, { ...plain, prefersDark: true })).toBe("light");
  });

  it("reads a dark body background where Office gives no isDarkTheme flag", () => {
    expect(paneThemeName({ bodyBackgroundColor: "#262626" }, plain)).toBe("dark");
    expect(paneThemeName({ bodyBackgroundColor: "#FFFFFF" }, plain)).toBe("light");
  });

  it("takes high contrast whenever the system forces its colours", () => {
    expect(paneThemeName({ isDarkTheme: false }, { ...plain, forcedColors: true })).toBe(
      "contrast"
    );
  });

  it("falls back on the browser's colour scheme without an Office theme", () => {
    expect(paneThemeName(null, { ...plain, prefersDark: true })).toBe("dark");
    expect(paneThemeName(undefined, plain)).toBe("light");
  });
});
