import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCEPT,
  checkFile,
  isProblem,
  type ChosenFile,
  type FileProblem,
} from '../api/attachments.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../api/exchange.js';
import { FieldError } from './field.js';
import { useFormat } from './format.js';

/** A size in KiB, as the limits are stated. */
export function useSize() {
  const format = useFormat();
  const { t } = useTranslation();
  return (bytes: number) =>
    t('exchange.attachments.kib', { size: format.number(Math.max(1, Math.round(bytes / 1024))) });
}

/**
 * Chooses files to attach to a message or an answer: PDF, PNG, JPEG or plain text, at most
 * 120 KiB together and five files. Each file is checked (type by its first bytes, size) and
 * encoded here, before anything is sent.
 */
export function AttachmentsInput({
  id,
  files,
  onChange,
  error,
}: {
  id: string;
  files: ChosenFile[];
  onChange: (files: ChosenFile[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const size = useSize();
  const helpId = useId();
  const problemId = `${id}-error`;
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const limit = size(MAX_ATTACHMENT_BYTES);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const picked = [...(input.files ?? [])];
    // The same file may be chosen again after it was removed.
    input.value = '';
    const chosen = [...files];
    const found: FileProblem[] = [];
    for (const file of picked) {
      // Too large files are not read at all.
      const bytes =
        file.size > MAX_ATTACHMENT_BYTES
          ? new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
          : new Uint8Array(await file.arrayBuffer());
      const result = checkFile(
        { name: file.name, type: file.type, bytes },
        chosen,
        MAX_ATTACHMENTS,
      );
      if (isProblem(result)) found.push(result);
      else chosen.push(result);
    }
    setProblems(found);
    onChange(chosen);
  };

  const messages = [
    ...(error ? [error] : []),
    ...problems.map((p) =>
      t(`exchange.attachments.problems.${p.kind}`, {
        name: p.name,
        limit,
        count: MAX_ATTACHMENTS,
      }),
    ),
  ];

  return (
    <div className={messages.length > 0 ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('exchange.attachments.label')}</label>
      <p className="help" id={helpId}>
        {t('exchange.attachments.help', { limit, count: MAX_ATTACHMENTS })}
      </p>
      {messages.map((message, i) => (
        <FieldError key={i} id={i === 0 ? problemId : `${problemId}-${i}`} message={message} />
      ))}
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-invalid={messages.length > 0 ? true : undefined}
        aria-describedby={[
          ...messages.map((_, i) => (i === 0 ? problemId : `${problemId}-${i}`)),
          helpId,
        ].join(' ')}
        disabled={files.length >= MAX_ATTACHMENTS}
        onChange={(e) => void choose(e)}
      />
      {files.length > 0 && (
        <ul className="files">
          {files.map((file, index) => (
            <li key={`${file.upload.name}-${index}`}>
              {file.upload.name} ({size(file.size)})
              <button
                type="button"
                className="secondary small-button"
                onClick={() => {
                  onChange(files.filter((_, i) => i !== index));
                  setProblems([]);
                  document.getElementById(id)?.focus();
                }}
              >
                {t('exchange.attachments.remove')}
                <span className="visually-hidden"> ({file.upload.name})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
