import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './config.ts';
import { freePort } from './postgres.ts';

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
};

/** The server from its sources, as `npm start` runs it (without the web build). */
const SOURCE_MAIN = ['--import', 'tsx', 'server/main.ts'];

/** Runs `server/main.ts` (or another Node entry, `main`: a compiled build's main.js) as its own process. */
export function runMain(
  args: string[],
  env: Record<string, string>,
  main: string[] = SOURCE_MAIN,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...main, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Starts a server process (from the sources unless `main` says otherwise) and waits until /ready answers 200. */
export async function startServer(
  env: Record<string, string>,
  { timeoutMs = 90_000, main = SOURCE_MAIN }: { timeoutMs?: number; main?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const run = runMain(['start'], { PORT: String(port), HOST: '127.0.0.1', ...env }, main);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void run.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}: ${run.output()}`);
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, ...run };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  run.child.kill('SIGKILL');
  throw new Error(`server not ready within ${timeoutMs} ms: ${run.output()}`);
}

/** A fetch-based client for a server process: cookies and CSRF like a browser. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') {
      this.csrf ??= (
        (await (await this.request('GET', '/api/v1/auth/csrf')).json()) as { token: string }
      ).token;
      headers['x-csrf-token'] = this.csrf;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }
}
