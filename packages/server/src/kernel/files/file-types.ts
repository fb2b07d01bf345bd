import { TextDecoder } from 'node:util';

/**
 * The file types Senningen accepts anywhere (attachments, meeting documents, portal
 * images), each recognised by how its bytes begin: a declared type is never taken on
 * trust.
 */
export const FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type FileType = (typeof FILE_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes really are of the declared type, judged by how they begin. */
export function looksLike(mediaType: FileType, bytes: Buffer): boolean {
  switch (mediaType) {
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return bytes.subarray(0, 8).equals(PNG_SIGNATURE);
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/webp':
      return (
        bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
        bytes.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'text/plain':
      // UTF-8 text without NUL characters.
      if (bytes.includes(0)) return false;
      try {
        strictUtf8.decode(bytes);
        return true;
      } catch {
        return false;
      }
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      // A ZIP archive that names the parts every Word document has (entry names are
      // stored as plain text in the archive's headers).
      return (
        bytes.subarray(0, 4).equals(ZIP_SIGNATURE) &&
        bytes.includes('[Content_Types].xml') &&
        bytes.includes('word/document.xml')
      );
  }
}
