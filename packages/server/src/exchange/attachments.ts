import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { badRequest } from '../kernel/http/errors.js';
import { MAX_ATTACHMENT_BYTES, type AttachmentType } from './exchange.model.js';

/** An attachment checked and ready to store: its bytes and their SHA-256. */
export interface CheckedAttachment {
  id: string;
  name: string;
  mediaType: AttachmentType;
  content: Buffer;
  sha256: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes really are of the declared type, judged by how they begin. */
function looksLike(mediaType: AttachmentType, bytes: Buffer): boolean {
  switch (mediaType) {
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return bytes
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'text/plain':
      if (bytes.includes(0)) return false;
      try {
        strictUtf8.decode(bytes);
        return true;
      } catch {
        return false;
      }
  }
}

/**
 * Decodes and checks attachments: base64 that decodes cleanly, contents that
 * match the declared type, and at most MAX_ATTACHMENT_BYTES together.
 */
export function checkAttachments(
  uploads: readonly { id: string; name: string; mediaType: AttachmentType; content: string }[],
  at = '/attachments',
): CheckedAttachment[] {
  let total = 0;
  return uploads.map((upload, i) => {
    const content = Buffer.from(upload.content, 'base64');
    if (content.length === 0 || content.toString('base64') !== upload.content) {
      throw badRequest('invalid_attachment', `${at}/${i} is not valid base64.`);
    }
    total += content.length;
    if (total > MAX_ATTACHMENT_BYTES) {
      throw badRequest(
        'attachment_too_large',
        `Attachments may hold at most ${MAX_ATTACHMENT_BYTES / 1024} KiB together.`,
      );
    }
    if (!looksLike(upload.mediaType, content)) {
      throw badRequest(
        'attachment_type_mismatch',
        `${at}/${i} (${upload.name}) is not a ${upload.mediaType} file.`,
      );
    }
    return {
      id: upload.id,
      name: upload.name,
      mediaType: upload.mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
  });
}
