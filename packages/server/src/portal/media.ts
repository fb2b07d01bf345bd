/**
 * Images of the portal's texts. Editors upload them; the portal serves them from its
 * own address (the Content Security Policy allows images from the node only), under a
 * name made of their SHA-256, so that an address always means the same bytes.
 */
import { createHash } from 'node:crypto';

export const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

const EXTENSIONS: Record<MediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The address of an image, and what a Markdown image source must look like. */
export const MEDIA_PATH = /^\/media\/([0-9a-f]{64})\.(png|jpg|webp)$/;

export function mediaPath(sha256: string, mediaType: MediaType): string {
  return `/media/${sha256}.${EXTENSIONS[mediaType]}`;
}

export function mediaTypeOfExtension(extension: string): MediaType | undefined {
  return MEDIA_TYPES.find((type) => EXTENSIONS[type] === extension);
}

export function isMediaType(value: string): value is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(value);
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
