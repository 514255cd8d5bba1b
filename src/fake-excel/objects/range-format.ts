/** A range's format: column width, alignment, wrapping, font and fill, set cell by cell. */
import { cellKey } from "../address";
import type { FakeStyle } from "../model";
import {
  ClientObject,
  FakeOfficeError,
  propertyNotLoaded,
  unknownProperty,
  type Session,
} from "../runtime";
import { requireSheetWritable } from "./guards";
import { forEachCell, type RangeRef } from "./refs";

type StyleKey = keyof FakeStyle;

export class FakeRangeFormat extends ClientObject<RangeRef> {
  constructor(session: Session, path: string, resolver: () => RangeRef | null) {
    super(session, path, resolver);
  }

  protected scalarProperties(): readonly string[] {
    return ["columnWidth"];
  }

  protected readProperties(ref: RangeRef, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "columnWidth") throw unknownProperty("RangeFormat", prop);
      const widths = new Set<number>();
      for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++) {
        widths.add(ref.sheet.columnWidths.get(c) ?? 48);
      }
      out[prop] = widths.size === 1 ? [...widths][0] : null;
    }
    return out;
  }

  /**
   * Sets a style property on every cell of the range, or (for an edge's border) on the cells of
   * its first or last row.
   */
  applyStyle(
    key: StyleKey,
    value: FakeStyle[StyleKey],
    rows: "all" | "first" | "last" = "all"
  ): void {
    this.act(`format.${key}`, [value], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      if (ref.rect.rowCount * ref.rect.columnCount > 1_000_000) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The fake Excel formats at most a million cells at once."
        );
      }
      const { rect } = ref;
      const edge =
        rows === "all"
          ? rect
          : {
              ...rect,
              row: rows === "first" ? rect.row : rect.row + rect.rowCount - 1,
              rowCount: 1,
            };
      forEachCell(edge, (r, c) => {
        const k = cellKey(r, c);
        const style = { ...(ref.sheet.styles.get(k) ?? {}) } as Record<string, unknown>;
        style[key] = value;
        ref.sheet.styles.set(k, style as FakeStyle);
      });
    });
  }

  get columnWidth(): number {
    return this.loadedValue("columnWidth");
  }
  set columnWidth(points: number) {
    this.act("format.columnWidth", [points], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++) {
        ref.sheet.columnWidths.set(c, points);
      }
    });
  }

  set horizontalAlignment(value: string) {
    this.applyStyle("horizontalAlignment", value);
  }
  get horizontalAlignment(): string {
    throw propertyNotLoaded("horizontalAlignment");
  }
  set wrapText(value: boolean) {
    this.applyStyle("wrapText", value);
  }
  get wrapText(): boolean {
    throw propertyNotLoaded("wrapText");
  }

  /**
   * RangeFormat.autofitRows (ExcelApi 1.2): the fake keeps no row heights, so it records the call
   * (a protected sheet refuses it, as any format change) and notes the rows as fitted.
   */
  autofitRows(): void {
    this.act("format.autofitRows", [], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      forEachCell(ref.rect, (r, c) => {
        const k = cellKey(r, c);
        ref.sheet.styles.set(k, { ...(ref.sheet.styles.get(k) ?? {}), rowsFitted: true });
      });
    });
  }

  get font(): {
    bold: boolean;
    italic: boolean;
    underline: string;
    color: string;
    size: number;
    name: string;
  } {
    const apply = (key: StyleKey, v: FakeStyle[StyleKey]): void => this.applyStyle(key, v);
    return {
      set name(v: string) {
        apply("fontName", v);
      },
      get name(): string {
        throw propertyNotLoaded("font.name");
      },
      set bold(v: boolean) {
        apply("bold", v);
      },
      get bold(): boolean {
        throw propertyNotLoaded("font.bold");
      },
      set italic(v: boolean) {
        apply("italic", v);
      },
      get italic(): boolean {
        throw propertyNotLoaded("font.italic");
      },
      set underline(v: string) {
        apply("underline", v);
      },
      get underline(): string {
        throw propertyNotLoaded("font.underline");
      },
      set color(v: string) {
        apply("fontColor", v);
      },
      get color(): string {
        throw propertyNotLoaded("font.color");
      },
      set size(v: number) {
        apply("fontSize", v);
      },
      get size(): number {
        throw propertyNotLoaded("font.size");
      },
    };
  }

  get fill(): { color: string } {
    const apply = (key: StyleKey, v: FakeStyle[StyleKey]): void => this.applyStyle(key, v);
    return {
      set color(v: string) {
        apply("fill", v);
      },
      get color(): string {
        throw propertyNotLoaded("fill.color");
      },
    };
  }

  /** The borders of the range; the fake knows its top and bottom edges. */
  get borders(): { getItem(index: string): { style: string; weight: string } } {
    const apply = (key: StyleKey, v: string, rows: "first" | "last"): void =>
      this.applyStyle(key, v, rows);
    return {
      getItem(index: string) {
        if (index !== "EdgeTop" && index !== "EdgeBottom") {
          throw new FakeOfficeError("InvalidArgument", `The fake Excel has no border ${index}.`);
        }
        const top = index === "EdgeTop";
        return {
          set style(v: string) {
            apply(top ? "borderTop" : "borderBottom", v, top ? "first" : "last");
          },
          get style(): string {
            throw propertyNotLoaded(`borders.${index}.style`);
          },
          set weight(v: string) {
            apply(top ? "borderTopWeight" : "borderBottomWeight", v, top ? "first" : "last");
          },
          get weight(): string {
            throw propertyNotLoaded(`borders.${index}.weight`);
          },
        };
      },
    };
  }
}
