/**
 * Photos with a report: a JPEG carrying EXIF with a GPS position is stored and served without any metadata; the type
 * is judged by content (a PDF named .jpg is refused); size and count are limited; only the counsellor who took the
 * case sees the photos (reads audited), never the follow page; retention deletes them after the case closes.
 */
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInStaff } from '../../../test/staff.ts';
import { systemContext } from '../../core/context.ts';
import { auditLog } from '../../core/core.tables.ts';
import { photoTypeOf } from './photos.ts';
import { DEMO_ADVICE_CENTRE, DEMO_COUNSELLOR } from './reports.demo.ts';
import { buildReport } from './reports.factories.ts';
import { reportPhotos } from './reports.tables.ts';
import { reportsRetention } from './retention.ts';
import { prepareSealing } from './sealing.ts';
import { isSealedBytes, sealBytes, unsealBytes } from './seal.ts';
import { ConfigError } from '../../core/config.ts';

let t: TestApp;
let counsellor: Client;
let colleague: Client;
let counsellorId: string;
type ErrorBody = { error: { code: string; message: string; field?: string } };
type Case = { id: string; photos: { id: string; type: string; size: number }[] };

/** A TIFF block (big-endian) with IFD0 pointing to a GPS IFD: latitude N 51° 26' 12.34" (Duisburg). */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(80);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // IFD0: one entry
  tiff.writeUInt16BE(0x8825, 10); // GPSInfo
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18); // the GPS IFD's offset
  tiff.writeUInt32BE(0, 22); // no next IFD
  tiff.writeUInt16BE(2, 26); // GPS IFD: two entries
  tiff.writeUInt16BE(1, 28); // GPSLatitudeRef
  tiff.writeUInt16BE(2, 30); // ASCII
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16BE(2, 40); // GPSLatitude
  tiff.writeUInt16BE(5, 42); // RATIONAL
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  for (const [i, value] of [51, 1, 26, 1, 1234, 100].entries()) tiff.writeUInt32BE(value, 56 + i * 4);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/** A small JPEG with an APP1 Exif segment (GPS position) right after its start marker. */
async function jpegWithGps(): Promise<Buffer> {
  const plain = await sharp({
    create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 40, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const exif = exifWithGps();
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([plain.subarray(0, 2), header, exif, plain.subarray(2)]);
}

/** The markers of a JPEG's segments before the image data (0xe1: APP1, where EXIF and XMP live). */
function jpegMarkers(bytes: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] as number;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return markers;
}

let sender = 10;
const from = () => ({ headers: { 'x-forwarded-for': `198.51.100.${sender++}` } });
const visitor = (locale = 'de') => {
  const client = t.client(locale);
  const address = from();
  const request = client.request.bind(client);
  client.request = (method, url, options = {}) =>
    request(method, url, { ...options, headers: { ...address.headers, ...options.headers } });
  return client;
};
/** Reports an incident and returns its code and case id. */
async function report() {
  const reply = await visitor().post('/api/v1/reports', buildReport({ setting: 'housing' }));
  expect(reply.status, reply.body).toBe(201);
  const list = await counsellor.get('/api/v1/reports?per_page=1');
  return {
    code: reply.json<{ code: string }>().code,
    id: list.json<{ items: { id: string }[] }>().items[0]?.id as string,
  };
}
const upload = (code: string, bytes: Buffer, client = visitor()) =>
  client.post(`/api/v1/reports/follow/${code}/photos`, { photo: bytes.toString('base64') });
const take = (id: string) =>
  counsellor.request('PATCH', `/api/v1/reports/${id}`, {
    body: { status: 'counselling', assignedTo: counsellorId },
  });

beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  counsellor = await t.login(DEMO_COUNSELLOR);
  counsellorId = (await counsellor.get('/api/v1/auth/session')).json<{ user: { id: string } }>().user.id;
  colleague = await signInStaff(t, {
    role: 'caseworker',
    organisationId: DEMO_ADVICE_CENTRE,
    kind: 'advice',
  });
});
afterAll(() => t?.close());

describe('photos with a report', () => {
  it('keeps photos sealed at rest; a start with another SEAL_KEY stops with a configuration error naming it', async () => {
    const { code } = await report();
    expect((await upload(code, await jpegWithGps())).status).toBe(201);
    const ctx = systemContext(t.services);
    await expect(prepareSealing(ctx)).resolves.toBeUndefined();
    const otherKey = { ...ctx, config: { ...ctx.config, sealKey: Buffer.alloc(32, 7) } };
    const stopped = await prepareSealing(otherKey).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(ConfigError);
    expect((stopped as Error).message).toMatch(/^SEAL_KEY does not open/);
  });

  it('seals a photo stored before photos were sealed at the next start, and serves it the same', async () => {
    const { code, id } = await report();
    expect((await upload(code, await jpegWithGps())).status).toBe(201);
    expect((await take(id)).status).toBe(200);
    const photoId = (await counsellor.get(`/api/v1/reports/${id}`)).json<Case>().photos[0]?.id as string;
    const db = t.services.database.db;
    const ctx = systemContext(t.services);
    // As an older version stored it: the cleaned image itself.
    const [row] = await db.select().from(reportPhotos).where(eq(reportPhotos.id, photoId));
    const plain = unsealBytes(ctx.config, row?.bytes as Buffer);
    await db.update(reportPhotos).set({ bytes: plain }).where(eq(reportPhotos.id, photoId));
    expect((await counsellor.get(`/api/v1/reports/${id}/photos/${photoId}`)).raw.equals(plain)).toBe(true);
    await prepareSealing(ctx);
    const [after] = await db.select().from(reportPhotos).where(eq(reportPhotos.id, photoId));
    const resealed = after?.bytes ?? Buffer.alloc(0);
    expect(isSealedBytes(resealed)).toBe(true);
    expect(resealed.equals(plain)).toBe(false);
    expect(resealed.length).toBe(sealBytes(ctx.config, plain).length);
    expect((await counsellor.get(`/api/v1/reports/${id}/photos/${photoId}`)).raw.equals(plain)).toBe(true);
  });

  it('stores and serves an uploaded JPEG without its EXIF and GPS position', async () => {
    const original = await jpegWithGps();
    // The fixture really carries EXIF: its APP1 segment is read as such.
    expect(jpegMarkers(original)).toContain(0xe1);
    expect((await sharp(original).metadata()).exif?.subarray(0, 6).toString('latin1')).toBe('Exif\0\0');

    const { code, id } = await report();
    const added = await upload(code, original);
    expect(added.status, added.body).toBe(201);
    expect(added.json()).toEqual({ photos: 1 });

    expect((await take(id)).status).toBe(200);
    const seen = (await counsellor.get(`/api/v1/reports/${id}`)).json<Case>();
    expect(seen.photos).toHaveLength(1);
    const served = await counsellor.get(`/api/v1/reports/${id}/photos/${seen.photos[0]?.id}`);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const [stored] = await t.services.database.db
      .select()
      .from(reportPhotos)
      .where(eq(reportPhotos.id, seen.photos[0]?.id as string));
    // Sealed at rest: the stored bytes are no image; opened with the seal key, they are the cleaned JPEG.
    const sealed = stored?.bytes as Buffer;
    expect(photoTypeOf(sealed)).toBeNull();
    expect(isSealedBytes(sealed)).toBe(true);
    for (const bytes of [served.raw, unsealBytes(t.services.config, sealed)]) {
      expect(photoTypeOf(bytes)).toBe('image/jpeg');
      expect(jpegMarkers(bytes)).not.toContain(0xe1);
      expect(bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
      const metadata = await sharp(bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata).toMatchObject({ width: 32, height: 24, format: 'jpeg' });
    }
  });

  it('refuses a PDF named .jpg and a damaged image, naming the field in the reporter’s language', async () => {
    const { code } = await report();
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
      'latin1',
    );
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    for (const bytes of [pdf, damaged]) {
      const reply = await upload(code, bytes, visitor('fa'));
      expect(reply.status, reply.body).toBe(400);
      expect(reply.json<ErrorBody>().error).toMatchObject({
        code: 'reports.photo_type',
        field: 'body.photo',
      });
      expect(reply.json<ErrorBody>().error.message).toMatch(/[\u0600-\u06FF]/);
    }
    const notBase64 = await visitor().post(`/api/v1/reports/follow/${code}/photos`, { photo: 'a photo.jpg' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.json<ErrorBody>().error.field).toBe('body.photo');
  });

  it('refuses a photo over 5 MB with 413 and a fourth photo with 409, naming the field', async () => {
    const { code } = await report();
    const large = Buffer.concat([(await jpegWithGps()).subarray(0, 4), Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await upload(code, large);
    expect(tooLarge.status, tooLarge.body.slice(0, 300)).toBe(413);
    expect(tooLarge.json<ErrorBody>().error).toMatchObject({
      code: 'reports.photo_too_large',
      field: 'body.photo',
    });
    const photo = await jpegWithGps();
    for (const n of [1, 2, 3]) expect((await upload(code, photo)).json()).toEqual({ photos: n });
    const fourth = await upload(code, photo);
    expect(fourth.status).toBe(409);
    expect(fourth.json<ErrorBody>().error).toMatchObject({
      code: 'reports.photo_count',
      field: 'body.photo',
    });
  });

  it('shows the photos only to the counsellor who took the case, audits each read, and never on the follow page', async () => {
    const { code, id } = await report();
    await upload(code, await jpegWithGps());
    const untaken = (await counsellor.get(`/api/v1/reports/${id}`)).json<Case>();
    expect(untaken.photos).toEqual([]);
    await take(id);
    const photoId = (await counsellor.get(`/api/v1/reports/${id}`)).json<Case>().photos[0]?.id as string;
    const url = `/api/v1/reports/${id}/photos/${photoId}`;
    expect((await colleague.get(`/api/v1/reports/${id}`)).json<Case>().photos).toEqual([]);
    expect((await colleague.get(url)).status).toBe(403);
    expect((await visitor().get(url)).status).toBe(401);
    expect((await counsellor.get(url)).status).toBe(200);
    const follow = await visitor().get(`/api/v1/reports/follow/${code}`);
    expect(follow.status).toBe(200);
    expect(follow.body).not.toContain(photoId);
    expect(follow.body).not.toContain('photo');
    const reads = await t.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(reads.filter((r) => r.action === 'reports.photo.read')).toHaveLength(1);
  });

  it('deletes the photos 90 days after the case closed', async () => {
    const { code, id } = await report();
    await upload(code, await jpegWithGps());
    await counsellor.request('PATCH', `/api/v1/reports/${id}`, { body: { status: 'closed' } });
    const photosOf = () =>
      t.services.database.db.select().from(reportPhotos).where(eq(reportPhotos.reportId, id));
    const rule = { days: 90, action: 'delete' as const, description: 'test' };
    const ctx = systemContext(t.services);
    const later = (days: number) => ({ ...ctx, now: new Date(ctx.now.getTime() + days * 86_400_000) });
    await reportsRetention['reports.photos']?.(later(89), rule);
    expect(await photosOf()).toHaveLength(1);
    await reportsRetention['reports.photos']?.(later(91), rule);
    expect(await photosOf()).toHaveLength(0);
    expect((await counsellor.get(`/api/v1/reports/${id}`)).json()).toMatchObject({ status: 'closed' });
  });
});
