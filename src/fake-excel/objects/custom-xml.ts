/**
 * Custom XML parts (ExcelApi 1.5): XML an add-in keeps in the workbook, found by the namespace of
 * its root element. `customXmlParts.add(xml)`, `getByNamespace(uri)` (a scoped collection whose
 * items can be loaded), and on a part `getXml()`, `setXml(xml)`, `delete()`, `id`,
 * `namespaceUri`. https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks
 * https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection
 */
import type { FakeWorkbook } from "../model";
import {
  ACTION_OVERHEAD,
  ClientObject,
  FakeOfficeError,
  jsonBytes,
  propertyNotLoaded,
  unknownProperty,
  type Session,
} from "../runtime";
import { LoadedItems } from "./items";

export interface FakeXmlPart {
  readonly id: string;
  xml: string;
}

const stores = new WeakMap<FakeWorkbook, FakeXmlPart[]>();
let nextId = 1;

/** The custom XML parts of a workbook, in the order they were added. */
export function customXmlPartsOf(book: FakeWorkbook): FakeXmlPart[] {
  let parts = stores.get(book);
  if (!parts) {
    parts = [];
    stores.set(book, parts);
  }
  return parts;
}

/** The default namespace of the root element, "" when it has none; throws on text that is not XML. */
export function rootNamespace(xml: string): string {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(
    xml
  );
  if (!root) throw new FakeOfficeError("InvalidArgument", "The XML is not well formed.");
  const [, name = "", attributes = ""] = root;
  const prefix = name.includes(":") ? name.split(":")[0] : null;
  const attribute = prefix === null ? "xmlns" : `xmlns:${prefix}`;
  const match = new RegExp(`\\s${attribute}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return match?.[1] ?? "";
}

/** A value the fake computes at sync time, readable afterwards (OfficeExtension.ClientResult). */
export class FakeClientResult<T> {
  private loaded: { readonly value: T } | null = null;
  constructor(session: Session, compute: () => T) {
    session.enqueue({
      bytes: ACTION_OVERHEAD,
      run: () => {
        const value = compute();
        return {
          bytes: jsonBytes(value),
          commit: () => {
            this.loaded = { value };
          },
        };
      },
    });
  }
  get value(): T {
    if (!this.loaded) throw propertyNotLoaded("value");
    return this.loaded.value;
  }
}

export class FakeCustomXmlPart extends ClientObject<FakeXmlPart> {
  constructor(
    session: Session,
    path: string,
    resolver: () => FakeXmlPart | null,
    private readonly book: () => FakeWorkbook,
    orNullObject = false
  ) {
    super(session, path, resolver, orNullObject);
  }
  protected scalarProperties(): readonly string[] {
    return ["id", "namespaceUri"];
  }
  protected readProperties(part: FakeXmlPart, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "id") out[prop] = part.id;
      else if (prop === "namespaceUri") out[prop] = rootNamespace(part.xml);
      else throw unknownProperty("CustomXmlPart", prop);
    }
    return out;
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get namespaceUri(): string {
    return this.loadedValue("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.session, () => this._target().xml);
  }
  setXml(xml: string): void {
    this.act("setXml", [xml], (part) => {
      this.session.requireWritable();
      rootNamespace(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this.act("delete", [], (part) => {
      this.session.requireWritable();
      const parts = customXmlPartsOf(this.book());
      const i = parts.indexOf(part);
      if (i >= 0) parts.splice(i, 1);
    });
  }
}

export class FakeCustomXmlPartScopedCollection extends LoadedItems<
  FakeWorkbook,
  FakeXmlPart,
  FakeCustomXmlPart
> {
  constructor(
    session: Session,
    path: string,
    resolver: () => FakeWorkbook,
    private readonly namespaceUri: string
  ) {
    super(session, path, resolver);
  }
  protected scalarProperties(): readonly string[] {
    return ["id", "namespaceUri"];
  }
  protected entriesOf(book: FakeWorkbook): readonly FakeXmlPart[] {
    return customXmlPartsOf(book).filter((p) => rootNamespace(p.xml) === this.namespaceUri);
  }
  protected itemProxy(part: FakeXmlPart): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.session,
      `${this._path}[${part.id}]`,
      () => part,
      () => this._target()
    );
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.session, () => this.entriesOf(this._target()).length);
  }
  /** The only part with this namespace; a null object when there are none or several. */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.session,
      `${this._path}.only?`,
      () => {
        const parts = this.entriesOf(this._target());
        return parts.length === 1 ? (parts[0] ?? null) : null;
      },
      () => this._target(),
      true
    );
  }
}

export class FakeCustomXmlPartCollection extends ClientObject<FakeWorkbook> {
  constructor(session: Session, path: string, resolver: () => FakeWorkbook) {
    session.requireSet("1.5", "Workbook.customXmlParts");
    super(session, path, resolver);
  }
  protected scalarProperties(): readonly string[] {
    return [];
  }
  protected readProperties(_book: FakeWorkbook, props: readonly string[]): Record<string, unknown> {
    const [prop] = props;
    if (prop !== undefined) throw unknownProperty("CustomXmlPartCollection", prop);
    return {};
  }
  add(xml: string): FakeCustomXmlPart {
    let created: FakeXmlPart | null = null;
    const proxy = new FakeCustomXmlPart(
      this.session,
      `${this._path}.add`,
      () => created,
      () => this._target()
    );
    this.act("add", [xml], (book) => {
      this.session.requireWritable();
      rootNamespace(xml);
      created = { id: `{FAKE-XML-${nextId++}}`, xml };
      customXmlPartsOf(book).push(created);
    });
    return proxy;
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(
      this.session,
      `${this._path}.ns(${namespaceUri})`,
      () => this._target(),
      namespaceUri
    );
  }
}
