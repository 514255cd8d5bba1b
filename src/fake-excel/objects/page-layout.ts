/**
 * A worksheet's print setup: Worksheet.pageLayout (orientation, paper, zoom, margins, print
 * titles, headers and footers) and Worksheet.horizontalPageBreaks, all ExcelApi 1.9, as
 * documented at https://learn.microsoft.com/javascript/api/excel/excel.pagelayout and
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection.
 */
import { parseRect } from "../address";
import {
  defaultPageLayout,
  type FakeHeaderFooter,
  type FakePageLayout,
  type FakeSheet,
} from "../model";
import { ClientObject, FakeOfficeError, unknownProperty, type Session } from "../runtime";
import { requireSheetWritable } from "./guards";

const ORIENTATIONS = new Set(["Portrait", "Landscape"]);
/** The paper sizes the adapter may use, and the default; Excel knows many more. */
const PAPER_SIZES = new Set(["Letter", "A4", "A3", "A5", "Legal"]);
const HEADER_FOOTER_STATES = new Set([
  "Default",
  "FirstAndDefault",
  "OddAndEven",
  "FirstOddAndEven",
]);
const HEADER_FOOTER_KEYS: ReadonlyArray<keyof FakeHeaderFooter> = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
];

/** The sheet's page layout, made from Excel's defaults the first time it is changed. */
function layoutOf(sheet: FakeSheet): FakePageLayout {
  sheet.pageLayout ??= defaultPageLayout();
  return sheet.pageLayout;
}

export class FakePageLayoutObject extends ClientObject<FakeSheet> {
  constructor(session: Session, path: string, resolver: () => FakeSheet | null) {
    super(session, path, resolver);
    session.requireSet("1.9", "Worksheet.pageLayout");
  }

  protected scalarProperties(): readonly string[] {
    return ["orientation", "paperSize", "zoom", "centerHorizontally"];
  }

  protected readProperties(sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    const layout = sheet.pageLayout ?? defaultPageLayout();
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "orientation") out[prop] = layout.orientation;
      else if (prop === "paperSize") out[prop] = layout.paperSize;
      else if (prop === "zoom") out[prop] = { ...layout.zoom };
      else if (prop === "centerHorizontally") out[prop] = layout.centerHorizontally;
      else throw unknownProperty("PageLayout", prop);
    }
    return out;
  }

  private set(prop: string, value: unknown, apply: (layout: FakePageLayout) => void): void {
    this.act(prop, [value], (sheet) => {
      requireSheetWritable(this.session, sheet);
      apply(layoutOf(sheet));
    });
  }

  get orientation(): string {
    return this.loadedValue("orientation");
  }
  set orientation(value: string) {
    this.set("orientation", value, (layout) => {
      if (!ORIENTATIONS.has(value)) throw invalid(`"${value}" is not a page orientation.`);
      layout.orientation = value;
    });
  }

  get paperSize(): string {
    return this.loadedValue("paperSize");
  }
  set paperSize(value: string) {
    this.set("paperSize", value, (layout) => {
      if (!PAPER_SIZES.has(value)) throw invalid(`"${value}" is not a paper size.`);
      layout.paperSize = value;
    });
  }

  /**
   * Set as a whole object, as documented ("use x.zoom = {...} instead of x.zoom.scale = ..."):
   * a scale of 10–400, or pages wide and/or tall; fitting to pages drops the scale.
   */
  get zoom(): FakePageLayout["zoom"] {
    return this.loadedValue("zoom");
  }
  set zoom(value: FakePageLayout["zoom"]) {
    this.set("zoom", value, (layout) => {
      const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = value;
      if (scale !== undefined && (scale < 10 || scale > 400)) {
        throw invalid("The zoom scale must be between 10 and 400.");
      }
      for (const n of [wide, tall]) {
        if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
          throw invalid("Pages to fit must be a whole number.");
        }
      }
      layout.zoom =
        wide !== undefined || tall !== undefined
          ? {
              ...(wide !== undefined ? { horizontalFitToPages: wide } : {}),
              ...(tall !== undefined ? { verticalFitToPages: tall } : {}),
            }
          : { scale: scale ?? 100 };
    });
  }

  get centerHorizontally(): boolean {
    return this.loadedValue("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.set("centerHorizontally", value, (layout) => {
      layout.centerHorizontally = value;
    });
  }

  set leftMargin(points: number) {
    this.set("leftMargin", points, (layout) => (layout.leftMargin = margin(points)));
  }
  set rightMargin(points: number) {
    this.set("rightMargin", points, (layout) => (layout.rightMargin = margin(points)));
  }
  set topMargin(points: number) {
    this.set("topMargin", points, (layout) => (layout.topMargin = margin(points)));
  }
  set bottomMargin(points: number) {
    this.set("bottomMargin", points, (layout) => (layout.bottomMargin = margin(points)));
  }
  set headerMargin(points: number) {
    this.set("headerMargin", points, (layout) => (layout.headerMargin = margin(points)));
  }
  set footerMargin(points: number) {
    this.set("footerMargin", points, (layout) => (layout.footerMargin = margin(points)));
  }

  /** "The range must span the entire row to be valid": "$1:$1", "2:3". */
  setPrintTitleRows(rows: string): void {
    this.set("setPrintTitleRows", rows, (layout) => {
      if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows)) {
        throw invalid(`"${String(rows)}" does not span entire rows.`);
      }
      layout.printTitleRows = rows;
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return new FakeHeaderFooterGroup(this.session, `${this._path}.headersFooters`, () =>
      this._resolve()
    );
  }
}

export class FakeHeaderFooterGroup extends ClientObject<FakeSheet> {
  protected scalarProperties(): readonly string[] {
    return ["state"];
  }
  protected readProperties(sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "state") throw unknownProperty("HeaderFooterGroup", prop);
      out[prop] = (sheet.pageLayout ?? defaultPageLayout()).headersFootersState;
    }
    return out;
  }
  get state(): string {
    return this.loadedValue("state");
  }
  set state(value: string) {
    this.act("state", [value], (sheet) => {
      requireSheetWritable(this.session, sheet);
      if (!HEADER_FOOTER_STATES.has(value)) throw invalid(`"${value}" is not a header state.`);
      layoutOf(sheet).headersFootersState = value;
    });
  }
  get defaultForAllPages(): FakeHeaderFooterObject {
    return new FakeHeaderFooterObject(this.session, `${this._path}.defaultForAllPages`, () =>
      this._resolve()
    );
  }
}

/** The header and footer used on all pages (HeaderFooterGroup.defaultForAllPages). */
export class FakeHeaderFooterObject extends ClientObject<FakeSheet> {
  protected scalarProperties(): readonly string[] {
    return HEADER_FOOTER_KEYS;
  }
  protected readProperties(sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    const strings = (sheet.pageLayout ?? defaultPageLayout()).defaultForAllPages;
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (!HEADER_FOOTER_KEYS.includes(prop as keyof FakeHeaderFooter)) {
        throw unknownProperty("HeaderFooter", prop);
      }
      out[prop] = strings[prop as keyof FakeHeaderFooter];
    }
    return out;
  }
  private put(key: keyof FakeHeaderFooter, value: string): void {
    this.act(key, [value], (sheet) => {
      requireSheetWritable(this.session, sheet);
      layoutOf(sheet).defaultForAllPages[key] = value;
    });
  }
  get leftHeader(): string {
    return this.loadedValue("leftHeader");
  }
  set leftHeader(v: string) {
    this.put("leftHeader", v);
  }
  get centerHeader(): string {
    return this.loadedValue("centerHeader");
  }
  set centerHeader(v: string) {
    this.put("centerHeader", v);
  }
  get rightHeader(): string {
    return this.loadedValue("rightHeader");
  }
  set rightHeader(v: string) {
    this.put("rightHeader", v);
  }
  get leftFooter(): string {
    return this.loadedValue("leftFooter");
  }
  set leftFooter(v: string) {
    this.put("leftFooter", v);
  }
  get centerFooter(): string {
    return this.loadedValue("centerFooter");
  }
  set centerFooter(v: string) {
    this.put("centerFooter", v);
  }
  get rightFooter(): string {
    return this.loadedValue("rightFooter");
  }
  set rightFooter(v: string) {
    this.put("rightFooter", v);
  }
}

/** Worksheet.horizontalPageBreaks: add a break above a cell, or remove every manual break. */
export class FakePageBreakCollection extends ClientObject<FakeSheet> {
  constructor(session: Session, path: string, resolver: () => FakeSheet | null) {
    super(session, path, resolver);
    session.requireSet("1.9", "Worksheet.horizontalPageBreaks");
  }
  protected scalarProperties(): readonly string[] {
    return [];
  }
  protected readProperties(_sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    if (props.length > 0) throw unknownProperty("PageBreakCollection", props[0] ?? "");
    return {};
  }
  add(cell: string): void {
    this.act("add", [cell], (sheet) => {
      requireSheetWritable(this.session, sheet);
      if (!parseRect(cell.replace(/\$/g, ""))) throw invalid(`"${cell}" is not a valid address.`);
      layoutOf(sheet).horizontalPageBreaks.push(cell);
    });
  }
  removePageBreaks(): void {
    this.act("removePageBreaks", [], (sheet) => {
      requireSheetWritable(this.session, sheet);
      if (sheet.pageLayout) sheet.pageLayout.horizontalPageBreaks = [];
    });
  }
}

function margin(points: number): number {
  if (!Number.isFinite(points) || points < 0) throw invalid("A margin must be 0 or more points.");
  return points;
}

function invalid(message: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message);
}
