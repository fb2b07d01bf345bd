import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  imageMarkdown,
  imageTypeOf,
  portalApi,
} from '../api/portal.js';
import { Field } from './field.js';
import { StatusMessage } from './feedback.js';
import { usePortalErrorMessage } from './portal-text-editor.js';

/**
 * Uploads an image to the node and hands its Markdown (with the description as the
 * alternative text) to the text being edited. The portal shows only images uploaded
 * this way.
 */
export function ImageInsert({
  disabled,
  onInsert,
}: {
  disabled: boolean;
  onInsert: (markdown: string) => void;
}) {
  const { t } = useTranslation();
  const message = usePortalErrorMessage();
  const base = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  const insert = async () => {
    setStatus(undefined);
    const file = fileInput.current?.files?.[0];
    const type = file && imageTypeOf(file);
    const found: { file?: string; alt?: string } = {};
    if (!file) found.file = t('portal.image.noFile');
    else if (!type) found.file = t('portal.image.badType');
    else if (file.size > IMAGE_MAX_BYTES) found.file = t('portal.image.tooLarge');
    if (alt.trim() === '') found.alt = t('portal.image.noAlt');
    setErrors(found);
    if (found.file) return fileInput.current?.focus();
    if (found.alt) return document.getElementById(`${base}-alt`)?.focus();
    if (!file || !type) return;
    setBusy(true);
    try {
      const image = await portalApi.uploadImage(file, type);
      onInsert(imageMarkdown(alt, image.url));
      setAlt('');
      if (fileInput.current) fileInput.current.value = '';
      setStatus(t('portal.image.inserted'));
    } catch (error) {
      setErrors({ file: message(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="image-insert">
      <legend>{t('portal.image.legend')}</legend>
      <div className={errors.file ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${base}-file`}>{t('portal.image.file')}</label>
        <p className="help" id={`${base}-file-help`}>
          {t('portal.image.fileHelp')}
        </p>
        {errors.file && (
          <p className="field-error" id={`${base}-file-error`}>
            {errors.file}
          </p>
        )}
        <input
          ref={fileInput}
          id={`${base}-file`}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={`${base}-file-help${errors.file ? ` ${base}-file-error` : ''}`}
        />
      </div>
      <Field
        id={`${base}-alt`}
        label={t('portal.image.alt')}
        help={t('portal.image.altHelp')}
        maxLength={300}
        value={alt}
        error={errors.alt}
        onChange={(e) => setAlt(e.target.value)}
      />
      <button
        type="button"
        className="secondary"
        disabled={disabled || busy}
        onClick={() => void insert()}
      >
        {t('portal.image.insert')}
      </button>
      <StatusMessage>{status}</StatusMessage>
    </fieldset>
  );
}
