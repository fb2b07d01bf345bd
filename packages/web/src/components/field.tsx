import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** The ids an input is described by: its error first, then its help text. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** An error message of one field; the hidden prefix tells screen-reader users what it is. */
export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {message}
    </p>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  help?: string;
  error?: string | undefined;
}

/** A labelled input; its help text and error are tied to it for assistive technology. */
export function Field({ label, help, error, ...input }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {error && <FieldError id={errorId} message={error} />}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, help && helpId)}
        {...input}
      />
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | undefined;
  children: ReactNode;
}

export function SelectField({ label, error, children, ...select }: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error && <FieldError id={errorId} message={error} />}
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** A checkbox with its label to the right. */
export function CheckboxField({
  label,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
