/**
 * Photos from reporters: the type is read from the first bytes (never from a name or a declared type), and every
 * photo is decoded and encoded again with sharp, which writes no metadata: EXIF (with GPS position, camera, time),
 * XMP, IPTC and PNG text chunks are gone from what is stored. The EXIF orientation is applied to the pixels first.
 */
import sharp from 'sharp';
import { AppError } from '../../core/errors.ts';
import { MAX_PHOTO_BYTES, type PhotoType } from './reports.terms.ts';

/** A photo's type from its magic bytes; null for anything else (a PDF renamed .jpg, an SVG, a GIF …). */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((value, i) => b[i] === value))
    return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Pixels a photo may have (a phone camera has about 50 million at most); a larger one is refused undecoded. */
const MAX_PIXELS = 60_000_000;

/** Checks a photo and returns it cleaned of all metadata, in its own format; 4xx naming the field otherwise. */
export async function cleanPhoto(bytes: Buffer, field: string): Promise<{ type: PhotoType; bytes: Buffer }> {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError('reports.photo_too_large', {
      field,
      params: { max: MAX_PHOTO_BYTES / 1024 / 1024 },
    });
  const type = photoTypeOf(bytes);
  if (!type) throw new AppError('reports.photo_type', { field });
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const cleaned =
      type === 'image/jpeg'
        ? image.jpeg({ quality: 85, mozjpeg: true })
        : type === 'image/png'
          ? image.png()
          : image.webp({ quality: 85 });
    return { type, bytes: await cleaned.toBuffer() };
  } catch (cause) {
    // Starts like a photo but does not decode (cut off, damaged, or too many pixels).
    throw new AppError('reports.photo_type', { field, cause });
  }
}
