import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentType,
  type AttachmentUpload,
} from './exchange.js';

/** Media types by file extension, for browsers that give a file no type. */
const BY_EXTENSION: Record<string, AttachmentType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
};

/** What the file input offers to choose. */
export const ACCEPT = [...ATTACHMENT_TYPES, ...Object.keys(BY_EXTENSION).map((e) => `.${e}`)].join(
  ',',
);

/** The accepted media type of a file, by its declared type or else its extension. */
export function mediaTypeOf(name: string, declared: string): AttachmentType | undefined {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = ATTACHMENT_TYPES.find((t) => t === type);
  if (known) return known;
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return BY_EXTENSION[extension];
}

/** Whether the bytes really are of the type, judged by how they begin (as the node checks). */
export function looksLike(mediaType: AttachmentType, bytes: Uint8Array): boolean {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  switch (mediaType) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'text/plain':
      if (bytes.includes(0)) return false;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
  }
}

/** Standard base64 with padding, as the node expects. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A file chosen to attach, checked and encoded. */
export interface ChosenFile {
  upload: AttachmentUpload;
  size: number;
}

export type FileProblem =
  | { kind: 'type'; name: string }
  | { kind: 'mismatch'; name: string }
  | { kind: 'empty'; name: string }
  | { kind: 'name'; name: string }
  | { kind: 'size'; name: string }
  | { kind: 'count'; name: string };

/**
 * Checks a file before it is attached: an accepted type whose content matches it, a usable
 * name, and room left among the attachments already chosen (count and total size).
 */
export function checkFile(
  file: { name: string; type: string; bytes: Uint8Array },
  chosen: readonly ChosenFile[],
  maxCount: number,
): ChosenFile | FileProblem {
  const { name, bytes } = file;
  if (chosen.length >= maxCount) return { kind: 'count', name };
  // The node refuses names with slashes or control characters.
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > 200 || /[/\\\u0000-\u001f]/.test(name)) {
    return { kind: 'name', name };
  }
  const mediaType = mediaTypeOf(name, file.type);
  if (!mediaType) return { kind: 'type', name };
  if (bytes.length === 0) return { kind: 'empty', name };
  const used = chosen.reduce((sum, c) => sum + c.size, 0);
  if (used + bytes.length > MAX_ATTACHMENT_BYTES) return { kind: 'size', name };
  if (!looksLike(mediaType, bytes)) return { kind: 'mismatch', name };
  return { upload: { name, mediaType, content: toBase64(bytes) }, size: bytes.length };
}

export function isProblem(result: ChosenFile | FileProblem): result is FileProblem {
  return 'kind' in result;
}
