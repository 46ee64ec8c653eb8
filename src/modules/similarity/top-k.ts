/**
 * The `capacity` smallest entries of a stream, ordered by (key, tie) ascending: a bounded max-heap
 * whose root is the worst entry kept, so a query over n rows costs O(n log k) time and O(k)
 * memory instead of sorting all n. Ties are broken by `tie` (a URN) so results never depend on
 * the order rows were stored in.
 */
export class TopK {
  private readonly keys: Float64Array;
  private readonly ties: Float64Array;
  private readonly items: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.ties = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /**
   * The key an entry must not exceed to get in: Infinity while there is room. Lets a caller stop
   * summing a distance as soon as it passes this bound.
   */
  get bound(): number {
    return this.count < this.capacity ? Infinity : (this.keys[0] as number);
  }

  /** Keeps `item` if it is among the smallest so far; returns whether it was kept. */
  offer(key: number, tie: number, item: number): boolean {
    if (this.capacity === 0) return false;
    if (this.count < this.capacity) {
      this.siftUp(this.count++, key, tie, item);
      return true;
    }
    if (!this.before(key, tie, this.keys[0] as number, this.ties[0] as number)) return false;
    this.siftDown(key, tie, item);
    return true;
  }

  /** The kept entries, best first. */
  sorted(): { key: number; tie: number; item: number }[] {
    const entries = [];
    for (let i = 0; i < this.count; i++) {
      entries.push({
        key: this.keys[i] as number,
        tie: this.ties[i] as number,
        item: this.items[i] as number,
      });
    }
    return entries.sort((a, b) => a.key - b.key || a.tie - b.tie);
  }

  private before(key: number, tie: number, otherKey: number, otherTie: number): boolean {
    return key < otherKey || (key === otherKey && tie < otherTie);
  }

  private siftUp(start: number, key: number, tie: number, item: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = this.keys[parent] as number;
      const parentTie = this.ties[parent] as number;
      if (!this.before(parentKey, parentTie, key, tie)) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, key, tie, item);
  }

  /** Replaces the root (the worst entry) and restores the heap below it. */
  private siftDown(key: number, tie: number, item: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      let worst = left;
      if (
        right < this.count &&
        this.before(
          this.keys[left] as number,
          this.ties[left] as number,
          this.keys[right] as number,
          this.ties[right] as number,
        )
      ) {
        worst = right;
      }
      if (!this.before(key, tie, this.keys[worst] as number, this.ties[worst] as number)) break;
      this.move(worst, i);
      i = worst;
    }
    this.put(i, key, tie, item);
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from] as number;
    this.ties[to] = this.ties[from] as number;
    this.items[to] = this.items[from] as number;
  }

  private put(at: number, key: number, tie: number, item: number): void {
    this.keys[at] = key;
    this.ties[at] = tie;
    this.items[at] = item;
  }
}
