/**
 * Comparison schools matched on context alone: each member's k nearest schools of its own phase
 * in the similarity index on intake and size, never on an outcome, leaving out the group studied.
 *
 * Families are formed partly on outcomes (the latest KS2 figure, 2018/19 progress and Attainment
 * 8), so a member and its family are alike in those outcomes by construction: gaps in those years
 * are pulled towards zero, and matching on a figure from after joining biases before/after. These
 * neighbours are the comparison that avoids it.
 *
 * The search is exact and gives the same schools, in the same order, as `similarSchools` with the
 * same weights once the group's schools are dropped: distances are summed in the same order, ties
 * go to the lower URN, and excluded schools are skipped rather than asked for and thrown away, so
 * a member of a large group (multi-academy trusts hold some 8,700 schools) still gets its k.
 */
import { nearestOffer, type FeatureIndex, type PhaseTable } from "../similarity/feature-index.js";
import { activeColumns, FEATURE_COUNT, type FeatureWeights } from "../similarity/features.js";
import { TopK } from "../similarity/top-k.js";
import { CONTEXT_NEIGHBOUR_WEIGHTS, CONTEXT_NEIGHBOURS } from "./evaluation.rules.js";

/**
 * A k-d tree over one phase's rows on the weighted columns, used only to skip rows that cannot be
 * near: every distance is still computed as `similar` computes it. Nodes are ranges of `rows`
 * with the bounding box of their rows; a leaf holds at most LEAF_SIZE rows, unless they all sit
 * at one point.
 */
interface KdTree {
  width: number;
  rows: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Child node indexes; -1 for a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** Per node, `width` lower then `width` upper bounds. */
  boxes: Float64Array;
}

const LEAF_SIZE = 16;

/** Shared by every finder over the same index; dropped with the index. */
const trees = new WeakMap<PhaseTable, Map<string, KdTree>>();

function buildTree(
  table: PhaseTable,
  columns: Int32Array,
  weights: Float64Array,
  candidates: Int32Array,
): KdTree {
  const width = columns.length;
  const value = (row: number, a: number) =>
    table.scaled[row * FEATURE_COUNT + (columns[a] as number)] as number;
  const rows = candidates.slice();
  const size = rows.length;
  // A range is split only above LEAF_SIZE rows, so every leaf but a lone root holds at least
  // half that many: at most size / (LEAF_SIZE / 2) + 1 leaves, and fewer than twice that nodes.
  const capacity = 2 * (Math.ceil(size / (LEAF_SIZE / 2)) + 1);
  const start = new Int32Array(capacity);
  const end = new Int32Array(capacity);
  const left = new Int32Array(capacity).fill(-1);
  const right = new Int32Array(capacity).fill(-1);
  const boxes = new Float64Array(capacity * width * 2);
  let count = 0;
  const build = (from: number, to: number): number => {
    const node = count++;
    start[node] = from;
    end[node] = to;
    const box = node * width * 2;
    let widest = 0;
    let widestSpan = -1;
    for (let a = 0; a < width; a++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = from; i < to; i++) {
        const v = value(rows[i] as number, a);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      boxes[box + a] = lo;
      boxes[box + width + a] = hi;
      const span = (weights[a] as number) * (hi - lo) ** 2;
      if (span > widestSpan) {
        widestSpan = span;
        widest = a;
      }
    }
    if (to - from <= LEAF_SIZE || widestSpan <= 0) return node;
    const sorted = Array.from(rows.subarray(from, to)).sort(
      (x, y) => value(x, widest) - value(y, widest) || x - y,
    );
    rows.set(sorted, from);
    const middle = from + ((to - from) >> 1);
    left[node] = build(from, middle);
    right[node] = build(middle, to);
    return node;
  };
  if (size > 0) build(0, size);
  return { width, rows, start, end, left, right, boxes };
}

function treeKey(columns: Int32Array, weights: Float64Array): string {
  return `${Array.from(columns).join(",")}|${Array.from(weights).join(",")}`;
}

/** The tree over every row of the phase, shared by every small group. */
function sharedTree(table: PhaseTable, columns: Int32Array, weights: Float64Array): KdTree {
  let byKey = trees.get(table);
  if (!byKey) {
    byKey = new Map();
    trees.set(table, byKey);
  }
  const key = treeKey(columns, weights);
  let tree = byKey.get(key);
  if (!tree) {
    const all = Int32Array.from({ length: table.size }, (_, row) => row);
    tree = buildTree(table, columns, weights, all);
    byKey.set(key, tree);
  }
  return tree;
}

/**
 * From this many excluded schools (a partnership type: thousands) the finder builds its own tree
 * per phase over the schools left, in a few tens of milliseconds, rather than walk past the
 * excluded ones in every search; below it the shared tree and a look-up in the set, so the
 * finders kept for many small partnerships hold no tree each.
 */
const OWN_TREE_FROM = 256;

/** The k nearest schools outside one group, found once per member and kept. */
export class ContextNeighbourFinder {
  private readonly ownTrees = new Map<PhaseTable, KdTree>();
  private readonly found = new Map<number, readonly number[]>();

  constructor(
    private readonly index: Pick<FeatureIndex, "locate">,
    /** URNs that may not be anyone's comparison: the group's schools. */
    private readonly excluded: ReadonlySet<number>,
    readonly k: number = CONTEXT_NEIGHBOURS,
    private readonly weights: FeatureWeights = CONTEXT_NEIGHBOUR_WEIGHTS,
  ) {}

  /** URNs of the school's k nearest schools outside the group, nearest first; none if unindexed. */
  neighbours(urn: number): readonly number[] {
    let urns = this.found.get(urn);
    if (!urns) {
      urns = this.search(urn);
      this.found.set(urn, urns);
    }
    return urns;
  }

  private ownTree(table: PhaseTable, columns: Int32Array, weights: Float64Array): KdTree {
    let tree = this.ownTrees.get(table);
    if (!tree) {
      const left: number[] = [];
      for (let row = 0; row < table.size; row++) {
        if (!this.excluded.has(table.urns[row] as number)) left.push(row);
      }
      tree = buildTree(table, columns, weights, Int32Array.from(left));
      this.ownTrees.set(table, tree);
    }
    return tree;
  }

  private search(urn: number): number[] {
    const ref = this.index.locate(urn);
    if (!ref || this.k < 1) return [];
    const { table, row: self } = ref;
    const { columns, weights: w } = activeColumns(table.phase, this.weights);
    const width = columns.length;
    if (width === 0) return [];
    const { urns } = table;
    const excluded = this.excluded;
    const own = excluded.size >= OWN_TREE_FROM;
    const best = new TopK(this.k);
    const { query, offer } = nearestOffer(table, self, columns, w, best);
    const consider = (row: number) => {
      if (own || !excluded.has(urns[row] as number)) offer(row);
    };

    const tree = own ? this.ownTree(table, columns, w) : sharedTree(table, columns, w);
    const { rows, boxes } = tree;
    // Floating-point subtraction, products and sums are monotone, so a box's bound never
    // exceeds the computed distance of a row inside it: pruning on `>` loses no school, ties
    // included.
    const lowerBound = (node: number) => {
      const box = node * width * 2;
      let sum = 0;
      for (let a = 0; a < width; a++) {
        const q = query[a] as number;
        const lo = boxes[box + a] as number;
        const hi = boxes[box + width + a] as number;
        const difference = q < lo ? lo - q : q > hi ? q - hi : 0;
        sum += (w[a] as number) * difference * difference;
      }
      return sum;
    };
    const visit = (node: number) => {
      if (lowerBound(node) > best.bound) return;
      const first = tree.left[node] as number;
      if (first < 0) {
        for (let i = tree.start[node] as number; i < (tree.end[node] as number); i++) {
          const row = rows[i] as number;
          if (row !== self) consider(row);
        }
        return;
      }
      const second = tree.right[node] as number;
      // The nearer child first, so the bound tightens before the other is judged.
      if (lowerBound(first) <= lowerBound(second)) {
        visit(first);
        visit(second);
      } else {
        visit(second);
        visit(first);
      }
    };
    if (rows.length > 0) visit(0);
    return best.sorted().map(({ tie }) => tie);
  }
}
