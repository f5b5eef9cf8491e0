import path from 'node:path';
import { type Config, ConfigError, loadConfig } from './core/config.ts';
import type { Database } from './core/db.ts';

// The server, database and backup code load only for the commands that need them, so `match`, `place` and `allocate` start
// in about a second instead of loading the whole server.

/** Stops with one line and exit code 2 for a wrong setting (a data directory in use is one), 1 for anything else. */
function fail(error: unknown): never {
  const setting = error instanceof ConfigError;
  console.error(
    setting ? `Configuration error: ${(error as Error).message}` : `Error: ${(error as Error).message}`,
  );
  process.exit(setting ? 2 : 1);
}

async function open(config: Config): Promise<Database> {
  const { openDatabase } = await import('./core/db.ts');
  if (!config.databaseUrl) return openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
  try {
    await database.pool?.query('select 1');
  } catch (error) {
    await database.close();
    throw new ConfigError(
      `DATABASE_URL: cannot connect (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  }
  return database;
}

async function start(config: Config): Promise<void> {
  const { buildApp, createLogger, prepareDatabase } = await import('./app.ts');
  const { loadCity } = await import('./core/city.ts');
  const city = loadCity(config.cityDir);
  const logger = createLogger(config);
  const database = await open(config);
  const { app, services, modules } = await buildApp({ config, database, city, logger });
  const { demoLoaded } = await prepareDatabase(services, modules);
  await app.listen({ port: config.port, host: config.host });
  if (config.jobs) services.jobRunner.start();

  const lines = [
    '',
    `Lotse (${city.profile.branding.title}) is running at ${config.publicUrl}`,
    `Database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (config.demo) {
    lines.push(
      demoLoaded ? 'Demo data loaded (first start).' : 'Demo mode (demo data was loaded on the first start).',
    );
    lines.push(`Demo accounts, password "${city.demo.password}":`);
    for (const account of city.demo.accounts) lines.push(`  ${account.role.padEnd(12)} ${account.email}`);
    lines.push(
      `  … and one per school: ${path.join(path.relative(process.cwd(), config.cityDir), 'README.md')} lists them all.`,
    );
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await services.jobRunner.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  const [command = 'start', ...args] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const { migrateDatabase } = await import('./core/db.ts');
      const database = await open(config);
      await migrateDatabase(database, config.migrationDatabaseUrl);
      await database.close();
      console.log('Migrations applied.');
      return;
    }
    case 'backup':
    case 'restore': {
      const file = args[0];
      if (!file) throw new ConfigError(`usage: npm run ${command} -- FILE`);
      const { backup, restore } = await import('./core/backup.ts');
      await (command === 'backup' ? backup(config, file) : restore(config, file));
      console.log(command === 'backup' ? `Backup written to ${file}.` : `Restored from ${file}.`);
      return;
    }
    case 'place': {
      const { runPlaceCommand } = await import('./modules/schooling/placement/cli.ts');
      process.exitCode = runPlaceCommand(args);
      return;
    }
    case 'plan-courses': {
      const { runPlanCoursesCommand } = await import('./modules/courses/planner/cli.ts');
      process.exitCode = await runPlanCoursesCommand(args);
      return;
    }
    case 'allocate': {
      const { runAllocateCommand } = await import('./modules/funding/allocation/cli.ts');
      process.exitCode = await runAllocateCommand(args);
      return;
    }
    case 'match': {
      const { runMatchCommand } = await import('./modules/guides/matching/cli.ts');
      process.exitCode = await runMatchCommand(args);
      return;
    }
    default:
      throw new ConfigError(
        `unknown command "${command}"; use start, migrate, backup FILE, restore FILE, match, place, plan-courses or allocate`,
      );
  }
}

main().catch(fail);
