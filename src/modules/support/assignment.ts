import { MAX_TIE_COST } from "./support.rules.js";
/**
 * Assigning system leaders to schools: a capacity-respecting assignment that covers as much need
 * as possible, solved exactly as a minimum-cost flow.
 *
 * ## The problem
 *
 * Leaders have capacities (free places); each school takes at most one leader; a leader may be
 * given a school only along an allowed edge (within reach, serving its phase, see reach.ts).
 * Among all such assignments, choose one that maximises the need covered, Σ need weight of the
 * schools given a leader (band 1 counts 2, band 2 counts 1: gap-index.ts). Among those, prefer
 * the smallest total edge cost: a leader whose specialism fits the school's weakest area, then a
 * shorter journey.
 *
 * Greedy choices (each school in turn takes its nearest free leader, or each leader its neediest
 * school) can strand a school whose only leader was taken by a school that had other options;
 * the flow never does.
 *
 * ## The network
 *
 *     source ─(capacity c_L, cost 0)→ leader L ─(1, −W·weight_s + tie_Ls)→ school s ─(1, 0)→ sink
 *
 * W is larger than any possible sum of tie costs, so covering more need always beats a better
 * tie-break. Successive shortest paths with Johnson potentials (Dijkstra on reduced costs, run
 * from the sink back to the source) add one unit of flow along the cheapest augmenting path at a
 * time; path costs never decrease, so
 * stopping at the first path that costs 0 or more gives the minimum-cost flow over every flow
 * size, i.e. the maximum need covered. Each school edge carries one unit, so each augmentation
 * assigns one school (possibly re-routing earlier assignments); at most min(Σ capacity, schools)
 * augmentations, each O(E log V).
 */

export interface AssignmentLeader {
  /** Whole places free, ≥ 0. */
  capacity: number;
}

export interface AssignmentSchool {
  /** Need weight, > 0 (schools of weight 0 need no one). */
  weight: number;
}

export interface AssignmentEdge {
  leader: number;
  school: number;
  /** Tie-break cost, a whole number from 0 to MAX_TIE_COST: lower is preferred. */
  tieCost: number;
}

export interface AssignmentProblem {
  leaders: readonly AssignmentLeader[];
  schools: readonly AssignmentSchool[];
  edges: readonly AssignmentEdge[];
}

export interface AssignmentSolution {
  /** Indices into the problem's edges, one per assigned school. */
  assigned: number[];
  coveredWeight: number;
  tieCost: number;
}

/** Binary heap of (key, node), smallest key first; stale entries are skipped by the caller. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      nodes[i] = nodes[parent] as number;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): { key: number; node: number } {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = { key: keys[0] as number, node: nodes[0] as number };
    const lastKey = keys.pop() as number;
    const lastNode = nodes.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && (keys[right] as number) < (keys[left] as number) ? right : left;
        if ((keys[child] as number) >= lastKey) break;
        keys[i] = keys[child] as number;
        nodes[i] = nodes[child] as number;
        i = child;
      }
      keys[i] = lastKey;
      nodes[i] = lastNode;
    }
    return top;
  }
}

/** A residual graph in arrays: edge e and its reverse e ^ 1. */
class FlowNetwork {
  readonly head: Int32Array;
  private readonly next: number[] = [];
  readonly to: number[] = [];
  readonly capacity: number[] = [];
  readonly cost: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  nextOf(edge: number): number {
    return this.next[edge] as number;
  }

  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const forward = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[from] as number, this.head[to] as number);
    this.head[from] = forward;
    this.head[to] = forward + 1;
    return forward;
  }
}

function checkProblem(problem: AssignmentProblem): void {
  problem.leaders.forEach((leader, i) => {
    if (!Number.isInteger(leader.capacity) || leader.capacity < 0) {
      throw new RangeError(`leader ${i}: capacity must be a whole number ≥ 0`);
    }
  });
  problem.schools.forEach((school, i) => {
    if (!Number.isInteger(school.weight) || school.weight <= 0) {
      throw new RangeError(`school ${i}: weight must be a whole number > 0`);
    }
  });
  problem.edges.forEach((edge, i) => {
    if (
      !Number.isInteger(edge.tieCost) ||
      edge.tieCost < 0 ||
      edge.tieCost > MAX_TIE_COST ||
      problem.leaders[edge.leader] === undefined ||
      problem.schools[edge.school] === undefined
    ) {
      throw new RangeError(
        `edge ${i}: unknown leader or school, or tie cost outside 0..${MAX_TIE_COST}`,
      );
    }
  });
}

/** The optimal assignment; see the file comment. */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  checkProblem(problem);
  const leaderCount = problem.leaders.length;
  const schoolCount = problem.schools.length;
  const source = 0;
  const leaderNode = (l: number) => 1 + l;
  const schoolNode = (s: number) => 1 + leaderCount + s;
  const sink = 1 + leaderCount + schoolCount;
  const network = new FlowNetwork(sink + 1);

  // W exceeds any achievable total of tie costs, so need always dominates the tie-break.
  const maxFlow = Math.min(
    schoolCount,
    problem.leaders.reduce((sum, leader) => sum + leader.capacity, 0),
  );
  const needUnit = MAX_TIE_COST * (maxFlow + 1) + 1;

  problem.leaders.forEach((leader, l) => {
    if (leader.capacity > 0) network.addEdge(source, leaderNode(l), leader.capacity, 0);
  });
  const edgeIds = problem.edges.map((edge) =>
    network.addEdge(
      leaderNode(edge.leader),
      schoolNode(edge.school),
      1,
      -needUnit * (problem.schools[edge.school] as AssignmentSchool).weight + edge.tieCost,
    ),
  );
  problem.schools.forEach((_, s) => network.addEdge(schoolNode(s), sink, 1, 0));

  // Initial potentials: the shortest distance from the source in this layered (acyclic) graph,
  // so every reduced cost starts non-negative despite the negative school edges.
  const potential = new Float64Array(network.nodes).fill(0);
  for (const id of edgeIds) {
    const school = network.to[id] as number;
    potential[school] = Math.min(potential[school] as number, network.cost[id] as number);
  }
  for (let s = 0; s < schoolCount; s++) {
    potential[sink] = Math.min(potential[sink] as number, potential[schoolNode(s)] as number);
  }

  // Each search runs backwards from the sink and stops at the source: with leaders to spare the
  // cheapest free leader of the nearest school in need is found after a few hundred arcs, where a
  // forward search would first relax every arc of every leader.
  const distance = new Float64Array(network.nodes);
  const nextArc = new Int32Array(network.nodes);
  const settled = new Uint8Array(network.nodes);
  for (;;) {
    distance.fill(Infinity);
    nextArc.fill(-1);
    settled.fill(0);
    distance[sink] = 0;
    const heap = new MinHeap();
    heap.push(0, sink);
    let reached = false;
    while (heap.size > 0) {
      const { key, node } = heap.pop();
      if (key > (distance[node] as number)) continue;
      settled[node] = 1;
      if (node === source) {
        reached = true;
        break;
      }
      // The arcs into `node` are the partners of the arcs out of it.
      for (let out = network.head[node] as number; out !== -1; out = network.nextOf(out)) {
        const arc = out ^ 1;
        if ((network.capacity[arc] as number) <= 0) continue;
        const from = network.to[out] as number;
        const reduced =
          (network.cost[arc] as number) + (potential[from] as number) - (potential[node] as number);
        // Rounding can leave a reduced cost a hair below zero; it is zero.
        const candidate = key + Math.max(0, reduced);
        if (candidate < (distance[from] as number)) {
          distance[from] = candidate;
          nextArc[from] = arc;
          heap.push(candidate, from);
        }
      }
    }
    if (!reached) break;
    const pathDistance = distance[source] as number;
    const pathCost = pathDistance - (potential[source] as number) + (potential[sink] as number);
    if (pathCost >= 0) break;
    // Nodes the search did not settle are at least as far as the source; capping there keeps
    // every residual reduced cost non-negative.
    for (let v = 0; v < network.nodes; v++) {
      const d = settled[v] === 1 ? (distance[v] as number) : pathDistance;
      potential[v] = (potential[v] as number) - d;
    }
    let bottleneck = Infinity;
    for (let v = source; v !== sink; v = network.to[nextArc[v] as number] as number) {
      bottleneck = Math.min(bottleneck, network.capacity[nextArc[v] as number] as number);
    }
    for (let v = source; v !== sink; v = network.to[nextArc[v] as number] as number) {
      const arc = nextArc[v] as number;
      network.capacity[arc] = (network.capacity[arc] as number) - bottleneck;
      network.capacity[arc ^ 1] = (network.capacity[arc ^ 1] as number) + bottleneck;
    }
  }

  const assigned: number[] = [];
  let coveredWeight = 0;
  let tieCost = 0;
  edgeIds.forEach((id, index) => {
    if ((network.capacity[id] as number) === 0) {
      const edge = problem.edges[index] as AssignmentEdge;
      assigned.push(index);
      coveredWeight += (problem.schools[edge.school] as AssignmentSchool).weight;
      tieCost += edge.tieCost;
    }
  });
  return { assigned, coveredWeight, tieCost };
}
