/** The command-line options the benchmarks share the handling of. */
import { parseArgs } from "node:util";
import { commandLineArguments } from "../src/config.js";

/**
 * A benchmark's numeric options, `--name N` for each name in `options`, which gives the default
 * and the least value used (a smaller N is raised to it).
 */
export function numberOptions<Name extends string>(
  options: Record<Name, { default: number; min: number }>,
): Record<Name, number> {
  const names = Object.keys(options) as Name[];
  const { values } = parseArgs({
    args: commandLineArguments(),
    options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
  });
  const numbers = {} as Record<Name, number>;
  for (const name of names) {
    const given = values[name] as string | undefined;
    numbers[name] = Math.max(options[name].min, Number(given ?? options[name].default));
  }
  return numbers;
}
