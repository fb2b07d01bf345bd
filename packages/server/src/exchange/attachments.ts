import { createHash } from 'node:crypto';
import { looksLike } from '../kernel/files/file-types.js';
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
