/**
 * An offline check of an Office add-in XML manifest (Microsoft's `validate` calls an online
 * service): well-formed XML, the required elements in the schema's order, every resid defined in
 * the right resource kind, string length limits (125 short, 250 long), zh-CN overrides for every
 * string users see, icon files present at their declared sizes, and every URL https, on one
 * origin, and served by the build. Returns a list of problems; empty means it passed.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { URL } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface Element {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly Element[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown>;

function toElement(node: OrderedNode): Element | null {
  const name = Object.keys(node).find((k) => k !== ":@");
  if (!name || name === "#text" || name === "#comment" || name === "?xml") return null;
  const rawAttrs = (node[":@"] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) attrs[k.replace(/^@_/, "")] = String(v);
  const kids = (node[name] ?? []) as OrderedNode[];
  const children = kids.map(toElement).filter((e): e is Element => e !== null);
  const text = kids
    .filter((k) => "#text" in k)
    .map((k) => String(k["#text"]))
    .join("")
    .trim();
  return { name, attrs, children, text };
}

export function parseManifest(xml: string): Element | null {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    commentPropName: "#comment",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  return nodes.map(toElement).find((e): e is Element => e !== null) ?? null;
}

function child(el: Element | undefined, name: string): Element | undefined {
  return el?.children.find((c) => c.name === name);
}

function childrenNamed(el: Element | undefined, name: string): Element[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

function walk(
  el: Element,
  visit: (e: Element, parent: Element | null) => void,
  parent: Element | null = null
): void {
  visit(el, parent);
  for (const c of el.children) walk(c, visit, el);
}

/** One step of a schema sequence: an element name, how many times it may occur. */
interface Step {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

const one = (name: string): Step => ({ name, min: 1, max: 1 });
const opt = (name: string): Step => ({ name, min: 0, max: 1 });
const many = (name: string, min = 0): Step => ({ name, min, max: Infinity });

/** OfficeApp of xsi:type TaskPaneApp (appforoffice 1.1 schema). */
const TASKPANE_APP: readonly Step[] = [
  one("Id"),
  opt("AlternateId"),
  one("Version"),
  one("ProviderName"),
  one("DefaultLocale"),
  one("DisplayName"),
  one("Description"),
  opt("IconUrl"),
  opt("HighResolutionIconUrl"),
  opt("SupportUrl"),
  opt("AppDomains"),
  opt("Hosts"),
  opt("Requirements"),
  one("DefaultSettings"),
  one("Permissions"),
  opt("AllowSnapshot"),
  opt("VersionOverrides"),
  opt("ExtendedOverrides"),
];

const SEQUENCES: Readonly<Record<string, readonly Step[]>> = {
  VersionOverrides: [
    opt("Description"),
    opt("Requirements"),
    one("Hosts"),
    opt("Resources"),
    opt("EquivalentAddins"),
  ],
  DesktopFormFactor: [opt("GetStarted"), opt("FunctionFile"), many("ExtensionPoint", 1)],
  GetStarted: [one("Title"), one("Description"), opt("LearnMoreUrl")],
  Group: [one("Label"), one("Icon"), many("Control", 1)],
  Control: [one("Label"), one("Supertip"), one("Icon"), one("Action")],
  Supertip: [one("Title"), one("Description")],
  Resources: [opt("bt:Images"), opt("bt:Urls"), opt("bt:ShortStrings"), opt("bt:LongStrings")],
};

/** Problems with the order and count of an element's children against a sequence. */
export function checkSequence(el: Element, steps: readonly Step[], where: string): string[] {
  const problems: string[] = [];
  const names = el.children.map((c) => c.name);
  let i = 0;
  for (const step of steps) {
    let n = 0;
    while (i < names.length && names[i] === step.name && n < step.max) {
      i += 1;
      n += 1;
    }
    if (n < step.min) problems.push(`${where}: <${step.name}> is missing or out of order`);
  }
  if (i < names.length) {
    problems.push(
      `${where}: <${names[i]}> is not allowed here (expected order: ${steps.map((s) => s.name).join(", ")})`
    );
  }
  return problems;
}

/** The resource kind each resid-bearing element must point at. */
function expectedKind(el: Element, parent: Element | null): string | null {
  switch (el.name) {
    case "bt:Image":
      return "bt:Images";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "bt:Urls";
    case "Label":
    case "Title":
      return "bt:ShortStrings";
    case "Description":
      return parent?.name === "Supertip" || parent?.name === "GetStarted" ? "bt:LongStrings" : null;
    default:
      return null;
  }
}

const LIMITS: Readonly<Record<string, number>> = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };

export interface ManifestContext {
  /** Root of the project: asset URLs map to files under it. */
  readonly root: string;
  /** Paths the build serves (e.g. "taskpane.html", "assets/icon-16.png"). */
  readonly served: ReadonlySet<string>;
  /** The origin the manifest's URLs must use, e.g. "https://localhost:3000". */
  readonly origin: string;
  /** The locale every user-visible string must be overridden for. */
  readonly locale: string;
}

export interface ManifestReport {
  readonly problems: string[];
  readonly excelApiMinVersion: string | null;
  readonly functionNames: string[];
}

/** Width and height of a PNG file, from its IHDR chunk; null when it is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  if (
    bytes.length < 24 ||
    bytes.readUInt32BE(0) !== 0x89504e47 ||
    bytes.toString("ascii", 12, 16) !== "IHDR"
  ) {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function checkUrl(
  url: string,
  what: string,
  ctx: ManifestContext,
  problems: string[]
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`${what}: "${url}" is not a URL`);
    return null;
  }
  if (parsed.protocol !== "https:") problems.push(`${what}: "${url}" is not https`);
  if (parsed.origin !== ctx.origin) problems.push(`${what}: "${url}" is not on ${ctx.origin}`);
  if (url.length > 2048) problems.push(`${what}: URL longer than 2048 characters`);
  const file = parsed.pathname.replace(/^\//, "");
  if (parsed.origin === ctx.origin && !ctx.served.has(file)) {
    problems.push(`${what}: "${file}" is not served by the build`);
  }
  return file;
}

function checkIcon(
  url: string,
  size: number,
  what: string,
  ctx: ManifestContext,
  problems: string[]
): void {
  const file = checkUrl(url, what, ctx, problems);
  if (file === null) return;
  const local = path.join(ctx.root, file);
  if (!existsSync(local)) {
    problems.push(`${what}: ${file} does not exist`);
    return;
  }
  const dims = pngSize(local);
  if (!dims) problems.push(`${what}: ${file} is not a PNG`);
  else if (dims.width !== size || dims.height !== size) {
    problems.push(`${what}: ${file} is ${dims.width}×${dims.height}, declared ${size}×${size}`);
  }
}

function overrides(el: Element, tag: string): Map<string, string> {
  return new Map(
    childrenNamed(el, tag).map((o) => [o.attrs["Locale"] ?? "", o.attrs["Value"] ?? ""])
  );
}

function checkLocalised(
  el: Element,
  tag: string,
  limit: number,
  what: string,
  ctx: ManifestContext,
  problems: string[]
): void {
  const values = [el.attrs["DefaultValue"] ?? "", ...overrides(el, tag).values()];
  if ((el.attrs["DefaultValue"] ?? "") === "") problems.push(`${what}: no DefaultValue`);
  for (const v of values) {
    if (v.length > limit)
      problems.push(`${what}: "${v.slice(0, 40)}…" is ${v.length} characters (limit ${limit})`);
  }
  const local = overrides(el, tag).get(ctx.locale);
  if (!local) problems.push(`${what}: no ${ctx.locale} override`);
}

/** Checks a manifest's text. */
export function checkManifest(xml: string, ctx: ManifestContext): ManifestReport {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      problems: [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`],
      excelApiMinVersion: null,
      functionNames: [],
    };
  }
  const root = parseManifest(xml);
  if (!root || root.name !== "OfficeApp") {
    return {
      problems: ["the root element is not <OfficeApp>"],
      excelApiMinVersion: null,
      functionNames: [],
    };
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push("OfficeApp: xsi:type is not TaskPaneApp");
  if (root.attrs["xmlns"] !== "http://schemas.microsoft.com/office/appforoffice/1.1") {
    problems.push("OfficeApp: wrong default namespace");
  }
  problems.push(...checkSequence(root, TASKPANE_APP, "OfficeApp"));

  const id = child(root, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`Id: "${id}" is not a GUID`);
  const version = child(root, "Version")?.text ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    problems.push(`Version: "${version}" is not n.n.n.n`);
  const displayName = child(root, "DisplayName");
  if (displayName) checkLocalised(displayName, "Override", 125, "DisplayName", ctx, problems);
  const description = child(root, "Description");
  if (description) checkLocalised(description, "Override", 250, "Description", ctx, problems);

  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs["Name"]);
  if (!hosts.includes("Workbook")) problems.push('Hosts: no <Host Name="Workbook"/>');
  const permissions = child(root, "Permissions")?.text ?? "";
  if (!["Restricted", "ReadDocument", "ReadWriteDocument", "WriteDocument"].includes(permissions)) {
    problems.push(`Permissions: "${permissions}" is not a task-pane permission`);
  }
  const excelSet = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set").find(
    (s) => s.attrs["Name"] === "ExcelApi"
  );
  const excelApiMinVersion = excelSet?.attrs["MinVersion"] ?? null;
  if (!excelApiMinVersion) problems.push("Requirements: no ExcelApi set");

  const iconUrl = child(root, "IconUrl")?.attrs["DefaultValue"];
  if (iconUrl) checkIcon(iconUrl, 32, "IconUrl", ctx, problems);
  const hiRes = child(root, "HighResolutionIconUrl")?.attrs["DefaultValue"];
  if (hiRes) checkIcon(hiRes, 64, "HighResolutionIconUrl", ctx, problems);
  const support = child(root, "SupportUrl")?.attrs["DefaultValue"];
  if (support) checkUrl(support, "SupportUrl", ctx, problems);
  const source = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs["DefaultValue"];
  if (source) checkUrl(source, "DefaultSettings/SourceLocation", ctx, problems);
  else problems.push("DefaultSettings: no SourceLocation");

  const overridesEl = child(root, "VersionOverrides");
  const functionNames: string[] = [];
  if (overridesEl) checkVersionOverrides(overridesEl, ctx, problems, functionNames);
  return { problems, excelApiMinVersion, functionNames };
}

function checkVersionOverrides(
  vo: Element,
  ctx: ManifestContext,
  problems: string[],
  functionNames: string[]
): void {
  problems.push(...checkSequence(vo, SEQUENCES["VersionOverrides"] ?? [], "VersionOverrides"));
  const resources = child(vo, "Resources");
  const defined = new Map<string, { kind: string; el: Element }>();
  for (const kind of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
    for (const el of child(resources, kind)?.children ?? []) {
      const id = el.attrs["id"] ?? "";
      if (defined.has(id)) problems.push(`Resources: id "${id}" defined twice`);
      if (id.length > 32) problems.push(`Resources: id "${id}" is longer than 32 characters`);
      defined.set(id, { kind, el });
      if (kind === "bt:Urls")
        checkUrl(el.attrs["DefaultValue"] ?? "", `bt:Url ${id}`, ctx, problems);
      const limit = LIMITS[kind];
      if (limit) checkLocalised(el, "bt:Override", limit, `bt:String ${id}`, ctx, problems);
    }
  }
  const controlIds = new Set<string>();
  const hostTypes: string[] = [];
  walk(vo, (el, parent) => {
    const sequence = SEQUENCES[el.name];
    if (sequence && el.name !== "VersionOverrides") {
      problems.push(
        ...checkSequence(el, sequence, el.name + (el.attrs["id"] ? ` ${el.attrs["id"]}` : ""))
      );
    }
    if (el.name === "Host" && parent?.name === "Hosts") hostTypes.push(el.attrs["xsi:type"] ?? "");
    if ((el.name === "Control" || el.name === "Group") && el.attrs["id"]) {
      const id = el.attrs["id"];
      if (controlIds.has(id)) problems.push(`${el.name}: id "${id}" used twice`);
      if (id.length > 125) problems.push(`${el.name}: id "${id}" is longer than 125 characters`);
      controlIds.add(id);
    }
    if (el.name === "FunctionName") functionNames.push(el.text);
    const resid = el.attrs["resid"];
    if (resid === undefined) return;
    const entry = defined.get(resid);
    if (!entry) {
      problems.push(`${el.name}: resid "${resid}" is not defined in Resources`);
      return;
    }
    const kind = expectedKind(el, parent);
    if (kind && entry.kind !== kind)
      problems.push(`${el.name}: resid "${resid}" is a ${entry.kind} entry, expected ${kind}`);
    if (el.name === "bt:Image") {
      const size = Number(el.attrs["size"]);
      checkIcon(
        entry.el.attrs["DefaultValue"] ?? "",
        size,
        `bt:Image ${resid} (size ${size})`,
        ctx,
        problems
      );
    }
  });
  if (!hostTypes.includes("Workbook"))
    problems.push('VersionOverrides: no <Host xsi:type="Workbook">');
}
