/**
 * An index of distinct texts (member IDs, credit codes) by the order they were first seen, for
 * "is this value new?" on every row of a million-row sheet.
 *
 * A JavaScript Map would do, but at a million keys each insert costs several cache misses (bucket,
 * entry, key) and a Map.get + Map.set pair two lookups. Here a claim is one probe of a flat typed
 * array holding each slot's hash beside it, so a new key (the common case) touches one cache line
 * and no other object; the texts themselves are compared only when the hashes are equal. Arrays are
 * allocated for the expected count once: growing them by copying touches several times the
 * memory, and fresh memory is what a large sheet pays most for (bench/README.md).
 */

/** Called as charCodeAt.call(s, i): see cells.ts (keys are strings of every kind). */
const charCodeAt = String.prototype.charCodeAt;

/** FNV-1a's 32-bit offset basis and prime (uscc.ts's one-pass hash of a credit code uses them). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * A text's hash: FNV-1a over its UTF-16 code units but the last, mixed, plus twice the last unit
 * (hashEnd); never 0 (0 marks an empty slot). Texts that differ only in their last character
 * (sequential IDs: M0000120, M0000121, ...) get neighbouring home slots, so that a sheet's IDs,
 * claimed in order, touch a few cache lines of the table instead of one each.
 */
export function hashText(text: string): number {
  const n = text.length;
  if (n === 0) return hashEnd(FNV_OFFSET, 0);
  let h = FNV_OFFSET;
  for (let i = 0; i < n - 1; i++) h = Math.imul(h ^ charCodeAt.call(text, i), FNV_PRIME);
  return hashEnd(h, charCodeAt.call(text, n - 1));
}

/** hashText's end: from the FNV-1a hash of all but the last code unit, and that unit. */
export function hashEnd(prefix: number, last: number): number {
  let h = Math.imul(prefix ^ (prefix >>> 16), 0x85ebca6b);
  h ^= h >>> 13;
  // the home slot is (hash >>> 1) & mask: the last unit moves it by its value
  return (h + last * 2) | 1;
}

/**
 * Where a key index keeps its keys: `array[base + position]` for positions below `capacity`, in
 * an array the caller shares out (a sheet reader's texts and its indexes' keys take one
 * allocation: at a million rows each large array allocated costs the collector a pass).
 */
export interface KeyStorage {
  readonly array: (string | number | null)[];
  readonly base: number;
  readonly capacity: number;
}

export class KeyIndex {
  /** Pairs [hash, position + 1] by slot; 0 is an empty slot. */
  private table: Int32Array;
  private mask: number;
  /** The keys by position, at keys[base + position]. */
  private readonly keys: (string | number | null)[];
  private readonly base: number;
  /** Positions the keys array holds; -1 when it is the index's own and grows as needed. */
  private readonly capacity: number;
  private count = 0;

  /**
   * `expected`: roughly how many keys will be added (the table is sized for it at the start).
   * `storage`: where to keep the keys (else an array of the index's own, for `expected` keys).
   */
  constructor(expected = 0, storage?: KeyStorage) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
    this.keys = storage?.array ?? new Array<string>(expected);
    this.base = storage?.base ?? 0;
    this.capacity = storage?.capacity ?? -1;
  }

  /** How many distinct keys have been added. */
  get size(): number {
    return this.count;
  }

  /** The position of a key, or -1. */
  find(key: string): number {
    const found = this.probe(key, hashText(key));
    return found >= 0 ? found : -1;
  }

  /**
   * Adds a key if it is new. Returns -1 when it was new (its position is then `size - 1`), else the
   * position it was first added at. `hash` must be hashText(key) (a caller may have it already).
   */
  claim(key: string, hash: number = hashText(key)): number {
    const found = this.probe(key, hash);
    if (found >= 0) return found;
    const slot = -1 - found;
    if (this.count === this.capacity) throw new RangeError("KeyIndex: more keys than its storage");
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = this.count + 1;
    this.keys[this.base + this.count++] = key;
    if (this.count * 2 > this.mask) this.grow();
    return -1;
  }

  /** The key's position when present (≥ 0), else -1 - the empty slot where it would go. */
  private probe(key: string, hash: number): number {
    const table = this.table;
    // Bit 0 of every hash is 1 (hashText's `| 1`): the home slot comes from the bits above it,
    // or only the odd slots would ever be home slots and the chains would be twice as long.
    let slot = (hash >>> 1) & this.mask;
    for (;;) {
      const entry = table[2 * slot + 1] ?? 0;
      if (entry === 0) return -1 - slot;
      if (table[2 * slot] === hash && this.keys[this.base + entry - 1] === key) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1] ?? 0;
      if (entry === 0) continue;
      const hash = old[i] ?? 0;
      let slot = (hash >>> 1) & mask;
      while ((table[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** The first row each distinct value was seen on, for "repeats row N" problems. */
export class FirstRows {
  private readonly index: KeyIndex;
  /** The first row of each value by its position in the index (grown only beyond `expected`). */
  private rows: Int32Array;

  /** `expected` and `storage` as for KeyIndex. */
  constructor(expected = 0, storage?: KeyStorage) {
    this.index = new KeyIndex(expected, storage);
    this.rows = new Int32Array(Math.max(16, expected));
  }

  /**
   * Records `value` on `row` if it is new and returns null; else returns the row it was first on.
   * `hash` must be hashText(value).
   */
  claim(value: string, row: number, hash: number = hashText(value)): number | null {
    const first = this.index.claim(value, hash);
    if (first < 0) {
      const at = this.index.size - 1;
      if (at >= this.rows.length) {
        const grown = new Int32Array(this.rows.length * 2);
        grown.set(this.rows);
        this.rows = grown;
      }
      this.rows[at] = row;
      return null;
    }
    return this.rows[first] ?? null;
  }
}
