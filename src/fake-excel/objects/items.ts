/** The base of the collections whose `items` come back loaded, one proxy an entry. */
import { ClientObject, propertyNotLoaded } from "../runtime";

/**
 * A collection whose `items` Excel fills in when a `load` is answered by a sync: each item comes
 * back as a proxy of its own, already loaded, and `items` is unavailable before that sync.
 */
export abstract class LoadedItems<T, E, P extends ClientObject<E>> extends ClientObject<T> {
  private itemList: P[] | undefined;
  private pendingItems: P[] = [];

  /** The target's entries, in Excel's order. */
  protected abstract entriesOf(target: T): readonly E[];

  /** The proxy for one entry. */
  protected abstract itemProxy(entry: E): P;

  protected readProperties(target: T, props: readonly string[]): Record<string, unknown> {
    const items = this.entriesOf(target).map((entry) => {
      const proxy = this.itemProxy(entry);
      return { proxy, data: proxyRead(proxy, entry, props) };
    });
    this.pendingItems = items.map((i) => i.proxy);
    return { items: items.map((i) => i.data) };
  }

  override load(spec?: unknown): this {
    super.load(spec);
    this.session.onSynced(() => {
      this.itemList = this.pendingItems;
    });
    return this;
  }

  get items(): P[] {
    if (!this.itemList) throw propertyNotLoaded("items");
    return this.itemList;
  }
}

/** Reads properties through a proxy's own reader (used by collections for their items). */
function proxyRead<T>(
  proxy: ClientObject<T>,
  target: T,
  props: readonly string[]
): Record<string, unknown> {
  const reader = (
    proxy as unknown as { readProperties(t: T, p: readonly string[]): Record<string, unknown> }
  ).readProperties;
  const data = reader.call(proxy, target, props);
  (proxy as unknown as { preload(d: Record<string, unknown>): void }).preload(data);
  return data;
}
