// What the two solver benchmarks share for `--family`: the family names an option names, a table row printer,
// and a solve timed in CPU seconds beside the solver's own wall seconds.

/** `--family [a,b]` at args[i]: the named families, or all; `skip` says whether the names took the next arg. */
export function familyOption(args: string[], i: number, all: string[]): { names: string[]; skip: number } {
  const next = args[i + 1];
  const named = next !== undefined && !next.startsWith('--');
  return { names: named ? next.split(',') : all, skip: named ? 1 : 0 };
}

/** Prints a row of cells: the first left-aligned, the others right-aligned, in the given widths. */
export function tablePrinter(widths: number[]): (cells: string[]) => void {
  return (cells) =>
    console.log(
      cells.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join(' '),
    );
}

/** Runs a solve and returns its result with the CPU seconds it took (user + system). */
export function withCpuSeconds<T>(solve: () => T): { result: T; cpuSeconds: number } {
  const before = process.cpuUsage();
  const result = solve();
  const cpu = process.cpuUsage(before);
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
