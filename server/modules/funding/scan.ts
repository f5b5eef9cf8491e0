/**
 * The virus-scan hook for uploaded documents and receipts: ClamAV's daemon (clamd) over TCP with its INSTREAM
 * command — "zINSTREAM\0", then the bytes in chunks each led by its length (4 bytes, big-endian), then a chunk of
 * length 0; clamd answers "stream: OK\0" or "stream: <signature> FOUND\0". Off unless the city profile's
 * `funding.virusScan` names the daemon's host and port.
 */
import { connect } from 'node:net';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { fundingSettings } from './settings.ts';

export type ClamdAddress = { host: string; port: number; timeoutMs: number };
export type ScanResult = { clean: true } | { clean: false; signature: string };

/** Chunks of at most this many bytes (clamd's StreamMaxLength bounds the whole, not a chunk). */
const CHUNK = 64 * 1024;

/** Sends the bytes to clamd with INSTREAM and reads its verdict; throws when clamd cannot be reached or errs. */
export function scanWithClamd(address: ClamdAddress, bytes: Uint8Array): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    const answer: Buffer[] = [];
    socket.setTimeout(address.timeoutMs, () => socket.destroy(new Error('clamd: timed out')));
    socket.on('error', reject);
    socket.on('data', (data) => answer.push(Buffer.from(data)));
    socket.on('end', () => {
      const text = Buffer.concat(answer).toString('utf8').replace(/\0+$/, '').trim();
      const found = /^stream: (.+) FOUND$/.exec(text);
      if (text === 'stream: OK') resolve({ clean: true });
      else if (found?.[1]) resolve({ clean: false, signature: found[1] });
      else reject(new Error(`clamd: unexpected answer ${JSON.stringify(text.slice(0, 200))}`));
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let start = 0; start < bytes.length; start += CHUNK) {
        const chunk = bytes.subarray(start, start + CHUNK);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        socket.write(length);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}

/**
 * Refuses an upload that clamd finds infected (400 `funding.document_infected` naming `body.content`); 503 when the
 * scan is on but clamd cannot answer (the file is not taken unscanned). Nothing happens when the scan is off.
 */
export async function scanUpload(ctx: Pick<Ctx, 'city' | 'logger'>, bytes: Uint8Array): Promise<void> {
  const address = fundingSettings(ctx).virusScan;
  if (!address) return;
  let result: ScanResult;
  try {
    result = await scanWithClamd(address, bytes);
  } catch (cause) {
    ctx.logger.warn({ err: cause }, 'funding: the virus scan failed');
    throw new AppError('unavailable', { cause });
  }
  if (!result.clean)
    throw new AppError('funding.document_infected', {
      field: 'body.content',
      params: { signature: result.signature },
    });
}
