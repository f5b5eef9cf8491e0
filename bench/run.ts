/** `npm run bench -- <name> [options]`: runs one module's benchmark. */
import { benchCounselling } from './counselling.ts';
import { benchCourses } from './courses.ts';
import { benchDirectory } from './directory.ts';
import { benchFunding } from './funding.ts';
import { benchMatching } from './matching.ts';
import { benchNetwork } from './network.ts';
import { benchPages } from './pages.ts';
import { benchPlacement } from './placement.ts';

const BENCHMARKS: Record<string, (args: string[]) => Promise<void>> = {
  counselling: benchCounselling,
  courses: benchCourses,
  directory: benchDirectory,
  funding: benchFunding,
  matching: benchMatching,
  network: benchNetwork,
  pages: benchPages,
  placement: benchPlacement,
};

const [name = '', ...args] = process.argv.slice(2);
const bench = BENCHMARKS[name];
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]`);
  process.exit(2);
}
await bench(args);
// Pools, timers and the embedded server's handles may linger; the measurement is done.
process.exit(0);
