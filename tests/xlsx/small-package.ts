/**
 * Small .xlsx packages written part by part, in the serialisations other producers use: strict or
 * transitional namespaces, a prefixed main namespace, single quotes, `xmlns:r` on each `<sheet>`
 * (openpyxl), an empty `<definedNames/>`, a UTF-16 workbook part. For unit tests of the package
 * layer; the producer corpus (tests/fixtures/producers) holds the real files.
 */
import { Buffer } from "node:buffer";
import JSZip from "jszip";
import { STRICT, TRANSITIONAL } from "../../src/adapters/xlsx/namespaces";
import { cellAddress } from "../../src/core/a1";

export interface SmallPackageOptions {
  readonly strict?: boolean;
  /** Prefix for the SpreadsheetML main namespace ("" = default namespace). */
  readonly prefix?: string;
  readonly quote?: '"' | "'";
  /** Declare `xmlns:r` on each `<sheet>` instead of the root, as openpyxl does. */
  readonly relNamespaceOnSheets?: boolean;
  /** `<definedNames/>` with nothing in it (openpyxl writes it). */
  readonly emptyDefinedNames?: boolean;
  /** Defined names to put in the workbook: [name, formula, localSheetId?]. */
  readonly definedNames?: ReadonlyArray<readonly [string, string, number?]>;
  readonly utf16Workbook?: boolean;
  /** Without a styles part. */
  readonly noStyles?: boolean;
  /** The sheets: name → rows of cell texts (inline strings) or numbers. */
  readonly sheets?: Readonly<Record<string, ReadonlyArray<ReadonlyArray<string | number>>>>;
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The parts of a small workbook, as text. */
export function smallPackageParts(options: SmallPackageOptions = {}): Record<string, string> {
  const ns = options.strict ? STRICT : TRANSITIONAL;
  const q = options.quote ?? '"';
  const p = options.prefix ? `${options.prefix}:` : "";
  const xmlnsMain = options.prefix
    ? `xmlns:${options.prefix}=${q}${ns.main}${q}`
    : `xmlns=${q}${ns.main}${q}`;
  const sheets = options.sheets ?? {
    Data: [
      ["Name", "Value"],
      ["a", 1],
    ],
  };
  const names = Object.keys(sheets);
  const decl = `<?xml version=${q}1.0${q} encoding=${q}UTF-8${q} standalone=${q}yes${q}?>\n`;
  const parts: Record<string, string> = {};

  const overrides = names
    .map(
      (_n, i) =>
        `<Override PartName=${q}/xl/worksheets/sheet${i + 1}.xml${q} ContentType=${q}application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml${q}/>`
    )
    .join("");
  parts["[Content_Types].xml"] =
    decl +
    `<Types xmlns=${q}http://schemas.openxmlformats.org/package/2006/content-types${q}>` +
    `<Default Extension=${q}rels${q} ContentType=${q}application/vnd.openxmlformats-package.relationships+xml${q}/>` +
    `<Default Extension=${q}xml${q} ContentType=${q}application/xml${q}/>` +
    `<Override PartName=${q}/xl/workbook.xml${q} ContentType=${q}application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml${q}/>` +
    (options.noStyles
      ? ""
      : `<Override PartName=${q}/xl/styles.xml${q} ContentType=${q}application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml${q}/>`) +
    overrides +
    "</Types>";
  parts["_rels/.rels"] =
    decl +
    `<Relationships xmlns=${q}http://schemas.openxmlformats.org/package/2006/relationships${q}>` +
    `<Relationship Id=${q}rId1${q} Type=${q}${ns.relType("officeDocument")}${q} Target=${q}xl/workbook.xml${q}/>` +
    "</Relationships>";

  const rDecl = `xmlns:r=${q}${ns.officeRel}${q}`;
  const sheetElements = names
    .map(
      (name, i) =>
        `<${p}sheet ${options.relNamespaceOnSheets ? `${rDecl} ` : ""}name=${q}${esc(name)}${q} sheetId=${q}${i + 1}${q} r:id=${q}rId${i + 1}${q}/>`
    )
    .join("");
  const defined = options.definedNames ?? [];
  const definedXml =
    defined.length > 0
      ? `<${p}definedNames>${defined
          .map(
            ([name, formula, local]) =>
              `<${p}definedName name=${q}${name}${q}${local === undefined ? "" : ` localSheetId=${q}${local}${q}`}>${esc(formula)}</${p}definedName>`
          )
          .join("")}</${p}definedNames>`
      : options.emptyDefinedNames
        ? `<${p}definedNames/>`
        : "";
  const workbook =
    decl +
    `<${p}workbook ${xmlnsMain}${options.relNamespaceOnSheets ? "" : ` ${rDecl}`}${options.strict ? ` conformance=${q}strict${q}` : ""}>` +
    `<${p}workbookPr/><${p}bookViews><${p}workbookView activeTab=${q}0${q}/></${p}bookViews>` +
    `<${p}sheets>${sheetElements}</${p}sheets>${definedXml}<${p}calcPr calcId=${q}191029${q}/></${p}workbook>`;
  parts["xl/workbook.xml"] = workbook;
  parts["xl/_rels/workbook.xml.rels"] =
    decl +
    `<Relationships xmlns=${q}http://schemas.openxmlformats.org/package/2006/relationships${q}>` +
    names
      .map(
        (_n, i) =>
          `<Relationship Id=${q}rId${i + 1}${q} Type=${q}${ns.relType("worksheet")}${q} Target=${q}worksheets/sheet${i + 1}.xml${q}/>`
      )
      .join("") +
    (options.noStyles
      ? ""
      : `<Relationship Id=${q}rId${names.length + 1}${q} Type=${q}${ns.relType("styles")}${q} Target=${q}styles.xml${q}/>`) +
    "</Relationships>";
  if (!options.noStyles) {
    parts["xl/styles.xml"] =
      decl +
      `<${p}styleSheet ${xmlnsMain}>` +
      `<${p}numFmts count=${q}1${q}><${p}numFmt numFmtId=${q}164${q} formatCode=${q}yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;${q}/></${p}numFmts>` +
      `<${p}fonts count=${q}2${q}><${p}font><${p}sz val=${q}11${q}/><${p}name val=${q}宋体${q}/></${p}font>` +
      `<${p}font><${p}b/><${p}sz val=${q}11${q}/><${p}name val=${q}宋体${q}/></${p}font></${p}fonts>` +
      `<${p}fills count=${q}2${q}><${p}fill><${p}patternFill patternType=${q}none${q}/></${p}fill>` +
      `<${p}fill><${p}patternFill patternType=${q}gray125${q}/></${p}fill></${p}fills>` +
      `<${p}borders count=${q}1${q}><${p}border/></${p}borders>` +
      `<${p}cellStyleXfs count=${q}1${q}><${p}xf numFmtId=${q}0${q} fontId=${q}0${q} fillId=${q}0${q} borderId=${q}0${q}/></${p}cellStyleXfs>` +
      `<${p}cellXfs count=${q}3${q}><${p}xf numFmtId=${q}0${q} fontId=${q}0${q} fillId=${q}0${q} borderId=${q}0${q} xfId=${q}0${q}/>` +
      `<${p}xf numFmtId=${q}164${q} fontId=${q}0${q} fillId=${q}0${q} borderId=${q}0${q} xfId=${q}0${q} applyNumberFormat=${q}1${q}/>` +
      `<${p}xf numFmtId=${q}0${q} fontId=${q}1${q} fillId=${q}0${q} borderId=${q}0${q} xfId=${q}0${q} applyFont=${q}1${q}/></${p}cellXfs>` +
      `<${p}extLst><${p}ext uri=${q}{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}${q} xmlns:x14=${q}http://schemas.microsoft.com/office/spreadsheetml/2009/9/main${q}><x14:slicerStyles defaultSlicerStyle=${q}SlicerStyleLight1${q}/></${p}ext></${p}extLst>` +
      `</${p}styleSheet>`;
  }
  names.forEach((name, i) => {
    const rows = sheets[name] ?? [];
    const rowsXml = rows
      .map(
        (row, r) =>
          `<${p}row r=${q}${r + 1}${q}>` +
          row
            .map((value, c) => {
              const ref = cellAddress(c + 1, r + 1);
              return typeof value === "number"
                ? `<${p}c r=${q}${ref}${q}><${p}v>${value}</${p}v></${p}c>`
                : `<${p}c r=${q}${ref}${q} t=${q}inlineStr${q}><${p}is><${p}t>${esc(value)}</${p}t></${p}is></${p}c>`;
            })
            .join("") +
          `</${p}row>`
      )
      .join("");
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      decl +
      `<${p}worksheet ${xmlnsMain}><${p}sheetData>${rowsXml}</${p}sheetData></${p}worksheet>`;
  });
  return parts;
}

/** The bytes of a small workbook. */
export async function smallPackage(options: SmallPackageOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(smallPackageParts(options))) {
    if (name === "xl/workbook.xml" && options.utf16Workbook) {
      const utf16 = text
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .replace("encoding='UTF-8'", "encoding='UTF-16'");
      zip.file(name, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")]));
    } else {
      zip.file(name, text);
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
