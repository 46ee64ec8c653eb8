import { describe, expect, it } from "vitest";
import { seededRandom } from "../similarity/stats.js";
import { solveAssignment, type AssignmentProblem } from "./assignment.js";

/** Pairs (leader, school) of a solution, sorted, for comparing with a hand-solved answer. */
function pairs(problem: AssignmentProblem): [number, number][] {
  return solveAssignment(problem)
    .assigned.map((e): [number, number] => [problem.edges[e]!.leader, problem.edges[e]!.school])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Every assignment, by brute force: the best covered weight, then the lowest tie cost. */
function bruteForce(problem: AssignmentProblem): { weight: number; tie: number } {
  const used = problem.leaders.map(() => 0);
  let best = { weight: 0, tie: 0 };
  const visit = (school: number, weight: number, tie: number) => {
    if (school === problem.schools.length) {
      if (weight > best.weight || (weight === best.weight && tie < best.tie)) {
        best = { weight, tie };
      }
      return;
    }
    visit(school + 1, weight, tie);
    for (const edge of problem.edges) {
      if (edge.school !== school || used[edge.leader]! >= problem.leaders[edge.leader]!.capacity) {
        continue;
      }
      used[edge.leader]! += 1;
      visit(school + 1, weight + problem.schools[school]!.weight, tie + edge.tieCost);
      used[edge.leader]! -= 1;
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomProblem(random: () => number): AssignmentProblem {
  const leaders = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    capacity: Math.floor(random() * 3),
  }));
  const schools = Array.from({ length: 1 + Math.floor(random() * 5) }, () => ({
    weight: 1 + Math.floor(random() * 2),
  }));
  const edges = leaders.flatMap((_, leader) =>
    schools.flatMap((_, school) =>
      random() < 0.6 ? [{ leader, school, tieCost: Math.floor(random() * 50) }] : [],
    ),
  );
  return { leaders, schools, edges };
}

describe("solveAssignment", () => {
  it("when the greedy choice would strand a school, then the flow re-routes and covers both", () => {
    // Leader 0 reaches both schools and is nearer school 0; leader 1 reaches only school 0.
    // Greedy (nearest first) gives school 0 to leader 0 and leaves school 1 with no one.
    const problem: AssignmentProblem = {
      leaders: [{ capacity: 1 }, { capacity: 1 }],
      schools: [{ weight: 1 }, { weight: 1 }],
      edges: [
        { leader: 0, school: 0, tieCost: 1 },
        { leader: 0, school: 1, tieCost: 5 },
        { leader: 1, school: 0, tieCost: 9 },
      ],
    };

    expect(pairs(problem)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(solveAssignment(problem).coveredWeight).toBe(2);
  });

  it("when one place could go to a band-1 or a band-2 school, then the band-1 school gets it", () => {
    // One place; a band-1 school (weight 2) and a band-2 school (weight 1) both in reach.
    const problem: AssignmentProblem = {
      leaders: [{ capacity: 1 }],
      schools: [{ weight: 1 }, { weight: 2 }],
      edges: [
        { leader: 0, school: 0, tieCost: 0 },
        { leader: 0, school: 1, tieCost: 900 },
      ],
    };

    expect(pairs(problem)).toEqual([[0, 1]]);
  });

  it("when covering two band-2 schools beats one band-1 school, then the two are covered", () => {
    // Leader 0 (one place) reaches the band-1 school only; leader 1 (two places) reaches all.
    // Best: leader 0 → band-1 school, leader 1 → both band-2 schools: weight 4.
    const problem: AssignmentProblem = {
      leaders: [{ capacity: 1 }, { capacity: 2 }],
      schools: [{ weight: 2 }, { weight: 1 }, { weight: 1 }],
      edges: [
        { leader: 0, school: 0, tieCost: 50 },
        { leader: 1, school: 0, tieCost: 0 },
        { leader: 1, school: 1, tieCost: 10 },
        { leader: 1, school: 2, tieCost: 10 },
      ],
    };

    const solution = solveAssignment(problem);

    expect(solution.coveredWeight).toBe(4);
    expect(pairs(problem)).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
  });

  it("when two assignments cover the same need, then the lower tie cost (fit, distance) wins", () => {
    const problem: AssignmentProblem = {
      leaders: [{ capacity: 1 }, { capacity: 1 }],
      schools: [{ weight: 1 }],
      edges: [
        { leader: 0, school: 0, tieCost: 1_020 },
        { leader: 1, school: 0, tieCost: 35 },
      ],
    };

    expect(pairs(problem)).toEqual([[1, 0]]);
  });

  it("when a leader has no free place or a school no edge, then neither is assigned", () => {
    const problem: AssignmentProblem = {
      leaders: [{ capacity: 0 }, { capacity: 3 }],
      schools: [{ weight: 1 }, { weight: 2 }],
      edges: [{ leader: 0, school: 0, tieCost: 0 }],
    };

    expect(solveAssignment(problem)).toEqual({ assigned: [], coveredWeight: 0, tieCost: 0 });
  });

  it("when 300 random small problems are solved, then capacity is never exceeded and the result equals brute force", () => {
    const random = seededRandom(20240501);
    for (let run = 0; run < 300; run++) {
      const problem = randomProblem(random);

      const solution = solveAssignment(problem);

      const load = problem.leaders.map(() => 0);
      const schoolsCovered = new Set<number>();
      for (const e of solution.assigned) {
        const edge = problem.edges[e]!;
        load[edge.leader]! += 1;
        expect(schoolsCovered.has(edge.school)).toBe(false);
        schoolsCovered.add(edge.school);
      }
      load.forEach((n, l) => expect(n).toBeLessThanOrEqual(problem.leaders[l]!.capacity));
      expect({ weight: solution.coveredWeight, tie: solution.tieCost }).toEqual(
        bruteForce(problem),
      );
    }
  });

  it("when the input breaks the problem's rules, then a RangeError says which part", () => {
    expect(() => solveAssignment({ leaders: [{ capacity: 1.5 }], schools: [], edges: [] })).toThrow(
      /leader 0/,
    );
    expect(() =>
      solveAssignment({
        leaders: [{ capacity: 1 }],
        schools: [{ weight: 1 }],
        edges: [{ leader: 0, school: 3, tieCost: 0 }],
      }),
    ).toThrow(/edge 0/);
  });
});
