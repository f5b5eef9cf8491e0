// `npm start`: builds the web app when web/dist is missing or one of its inputs changed (scripts/web-build.ts),
// then runs the server (server/main.ts start) in this process.
import { ensureWebBuild } from './web-build.ts';

const started = Date.now();
try {
  const outcome = ensureWebBuild();
  console.log(
    outcome === 'built'
      ? `Web app built into web/dist (${((Date.now() - started) / 1000).toFixed(1)} s).`
      : 'Web app unchanged since its last build: web/dist kept, build skipped.',
  );
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exit(1);
}
await import('../server/main.ts');
