/**
 * The namespaces, relationship types and content types of an .xlsx package, in one place.
 *
 * A package is either transitional (ECMA-376 / ISO 29500 transitional, what nearly every producer
 * writes) or strict (ISO 29500 strict, which Excel writes when asked to save "Strict Open XML").
 * The two differ in the namespace URIs of the markup and of the relationship types; the package
 * layer (OPC: `[Content_Types].xml`, `.rels` parts) and the content types are the same. Everything
 * this adapter adds to a package uses the package's own conformance class.
 */

export type RelKind =
  | "officeDocument"
  | "worksheet"
  | "chartsheet"
  | "styles"
  | "sharedStrings"
  | "table"
  | "drawing"
  | "chart"
  | "calcChain";

export interface Conformance {
  readonly kind: "transitional" | "strict";
  /** SpreadsheetML main namespace. */
  readonly main: string;
  /** The namespace of `r:id` attributes. */
  readonly officeRel: string;
  readonly drawingMain: string;
  readonly chart: string;
  readonly spreadsheetDrawing: string;
  /** The relationship type URI of a kind of part. */
  relType(kind: RelKind): string;
}

const TRANSITIONAL_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export const TRANSITIONAL: Conformance = {
  kind: "transitional",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  officeRel: TRANSITIONAL_REL,
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  relType: (kind) => `${TRANSITIONAL_REL}/${kind}`,
};

export const STRICT: Conformance = {
  kind: "strict",
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  officeRel: STRICT_REL,
  drawingMain: "http://purl.oclc.org/ooxml/drawingml/main",
  chart: "http://purl.oclc.org/ooxml/drawingml/chart",
  spreadsheetDrawing: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  relType: (kind) => `${STRICT_REL}/${kind}`,
};

/** The SpreadsheetML main namespaces of both conformance classes. */
export const MAIN_NAMESPACES: readonly string[] = [TRANSITIONAL.main, STRICT.main];

/** The conformance class whose main namespace is `uri`, or null for a foreign namespace. */
export function conformanceOfMain(uri: string | null): Conformance | null {
  if (uri === TRANSITIONAL.main) return TRANSITIONAL;
  if (uri === STRICT.main) return STRICT;
  return null;
}

/** The kind of a relationship type URI of either conformance class; null for any other type. */
export function relKindOf(type: string): RelKind | null {
  for (const base of [TRANSITIONAL_REL, STRICT_REL]) {
    if (type.startsWith(`${base}/`)) {
      const kind = type.slice(base.length + 1);
      return RELATIONSHIP_KINDS.has(kind) ? (kind as RelKind) : null;
    }
  }
  return null;
}

const RELATIONSHIP_KINDS: ReadonlySet<string> = new Set<RelKind>([
  "officeDocument",
  "worksheet",
  "chartsheet",
  "styles",
  "sharedStrings",
  "table",
  "drawing",
  "chart",
  "calcChain",
]);

/** The Open Packaging Conventions' own namespaces (the same in both conformance classes). */
export const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
export const MARKUP_COMPATIBILITY_NS =
  "http://schemas.openxmlformats.org/markup-compatibility/2006";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;
