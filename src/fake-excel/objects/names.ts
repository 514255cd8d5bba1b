/** Defined names (the ownership markers live here): read, add, hide, delete. */
import { parseRect, quoteSheetName, rectName, splitSheetReference } from "../address";
import type { FakeName, FakeWorkbook } from "../model";
import { ClientObject, FakeOfficeError, unknownProperty, type Session } from "../runtime";
import { LoadedItems } from "./items";
import { FakeRange } from "./range";
import type { RangeRef } from "./refs";

function nameValue(book: FakeWorkbook, n: FakeName): { type: string; value: string } {
  if (n.sheet && n.address)
    return { type: "Range", value: `${quoteSheetName(n.sheet.name)}!${n.address}` };
  if (n.constant !== null && !n.constant.includes("#REF!")) {
    const body = n.constant.replace(/^=/, "");
    const num = Number(body);
    if (body !== "" && Number.isFinite(num)) return { type: "Double", value: body };
    return { type: "String", value: body.replace(/^"|"$/g, "") };
  }
  void book;
  return { type: "Error", value: "#REF!" };
}

export class FakeNamedItem extends ClientObject<FakeName> {
  constructor(session: Session, path: string, resolver: () => FakeName | null, orNull = false) {
    super(session, path, resolver, orNull);
  }

  protected scalarProperties(): readonly string[] {
    return ["name", "type", "value", "visible", "comment"];
  }

  protected readProperties(n: FakeName, props: readonly string[]): Record<string, unknown> {
    const book = this.session.book;
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = n.name;
      else if (prop === "type") out[prop] = nameValue(book, n).type;
      else if (prop === "value") out[prop] = nameValue(book, n).value;
      else if (prop === "formula") {
        this.session.requireSet("1.7", "NamedItem.formula");
        out[prop] = book.nameFormula(n);
      } else if (prop === "visible") out[prop] = n.visible;
      else if (prop === "comment") out[prop] = n.comment;
      else throw unknownProperty("NamedItem", prop);
    }
    return out;
  }

  get name(): string {
    return this.loadedValue("name");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  get comment(): string {
    return this.loadedValue("comment");
  }
  get visible(): boolean {
    return this.loadedValue("visible");
  }
  set visible(v: boolean) {
    this.act("visible", [v], (n) => {
      this.session.requireWritable();
      n.visible = v;
    });
  }

  private rangeOf(n: FakeName): RangeRef | null {
    if (!n.sheet || !n.address) return null;
    const rect = parseRect(n.address.replace(/\$/g, ""));
    return rect ? { sheet: n.sheet, rect } : null;
  }

  getRange(): FakeRange {
    return new FakeRange(this.session, `${this._path}.range`, () => {
      const ref = this.rangeOf(this._target());
      if (!ref) throw new FakeOfficeError("InvalidReference", "The name doesn't refer to a range.");
      return ref;
    });
  }

  getRangeOrNullObject(): FakeRange {
    this.session.requireSet("1.4", "NamedItem.getRangeOrNullObject");
    return new FakeRange(
      this.session,
      `${this._path}.rangeOrNull`,
      () => {
        const n = this._resolve();
        return n ? this.rangeOf(n) : null;
      },
      true
    );
  }

  delete(): void {
    this.session.requireSet("1.4", "NamedItem.delete");
    this.act("delete", [], (n) => {
      this.session.requireWritable();
      const names = this.session.book.names;
      names.splice(names.indexOf(n), 1);
    });
  }
}

const NAME_RULE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

export class FakeNamedItemCollection extends LoadedItems<FakeWorkbook, FakeName, FakeNamedItem> {
  protected scalarProperties(): readonly string[] {
    return ["name", "type", "value", "visible", "comment"];
  }

  protected entriesOf(book: FakeWorkbook): readonly FakeName[] {
    return book.names;
  }

  protected itemProxy(n: FakeName): FakeNamedItem {
    return new FakeNamedItem(this.session, `names[${n.name}]`, () => n);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.session, `names(${name})`, () => {
      const n = this._target().name(name);
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name "${name}" doesn't exist.`);
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.session.requireSet("1.4", "NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(
      this.session,
      `names?(${name})`,
      () => this._target().name(name) ?? null,
      true
    );
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.session.requireSet("1.4", "NamedItemCollection.add");
    let created: FakeName | null = null;
    const proxy = new FakeNamedItem(this.session, `names.add(${name})`, () => created);
    const refText = typeof reference === "string" ? reference : reference._path;
    this.act("add", [name, refText, comment ?? ""], (book) => {
      this.session.requireWritable();
      if (!NAME_RULE.test(name) || parseRect(name) !== null) {
        throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
      }
      if (book.name(name))
        throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (typeof reference === "string") {
        const { sheet, local } = splitSheetReference(reference);
        const target = sheet === null ? undefined : book.sheet(sheet);
        created = target
          ? {
              name,
              sheet: target,
              address: absolute(local),
              constant: null,
              comment: comment ?? "",
              visible: true,
            }
          : {
              name,
              sheet: null,
              address: null,
              constant: reference.startsWith("=") ? reference : `=${reference}`,
              comment: comment ?? "",
              visible: true,
            };
      } else {
        const ref = reference._target();
        created = {
          name,
          sheet: ref.sheet,
          address: absolute(rectName(ref.rect)),
          constant: null,
          comment: comment ?? "",
          visible: true,
        };
      }
      book.names.push(created);
    });
    return proxy;
  }
}

function absolute(local: string): string {
  return local
    .replace(/\$/g, "")
    .split(":")
    .map((part) => part.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}
