/**
 * The virus-scan hook against a fake clamd on a local TCP port that speaks the real INSTREAM protocol: it reads
 * "zINSTREAM\0" and the length-led chunks up to the empty one, and finds the EICAR test string the way clamd does.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanWithClamd } from './scan.ts';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
let server: Server;
let port = 0;
/** What the fake daemon received, per connection: the command and the bytes streamed. */
const received: { command: string; bytes: Buffer; chunks: number }[] = [];

/** Parses one INSTREAM conversation; answers once the zero-length chunk arrives. */
function fakeClamd(): Server {
  return createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let command: string | null = null;
    const parts: Buffer[] = [];
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, Buffer.from(data)]);
      if (command === null) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
        if (command !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (buffer.length < 4 + length) return;
        if (length === 0) {
          const bytes = Buffer.concat(parts);
          received.push({ command, bytes, chunks: parts.length });
          socket.end(bytes.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        parts.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
}

beforeAll(async () => {
  server = fakeClamd();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the clamd scan hook', () => {
  it('streams a file in chunks and reads clamd’s verdict: clean, or the signature it found', async () => {
    const address = { host: '127.0.0.1', port, timeoutMs: 5_000 };
    const large = Buffer.alloc(200 * 1024, 7);
    expect(await scanWithClamd(address, large)).toEqual({ clean: true });
    expect(received.at(-1)).toMatchObject({ command: 'zINSTREAM', chunks: 4 });
    expect(received.at(-1)?.bytes.equals(large)).toBe(true);

    const infected = Buffer.from(`%PDF-1.4\n${EICAR}\n%%EOF\n`);
    expect(await scanWithClamd(address, infected)).toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
  });

  it('fails when no clamd listens, so that the upload is not taken unscanned', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      scanWithClamd({ host: '127.0.0.1', port: freePort, timeoutMs: 2_000 }, Buffer.from('x')),
    ).rejects.toThrow();
  });
});
