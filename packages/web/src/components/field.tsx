import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
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
  const generated = useId();
  // A given id lets an error summary link to the field.
  const id = input.id ?? generated;
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
  help?: string;
  error?: string | undefined;
  children: ReactNode;
}

export function SelectField({ label, help, error, children, ...select }: SelectFieldProps) {
  const generated = useId();
  const id = select.id ?? generated;
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
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, help && helpId)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  help?: string;
  error?: string | undefined;
}

/** A labelled text area, tied to its help text and error like Field. */
export function TextAreaField({ label, help, error, ...area }: TextAreaFieldProps) {
  const generated = useId();
  const id = area.id ?? generated;
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
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, help && helpId)}
        {...area}
      />
    </div>
  );
}

/** A checkbox with its label to the right. */
export function CheckboxField({
  label,
  help,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; help?: string }) {
  const generated = useId();
  const id = input.id ?? generated;
  const helpId = `${id}-help`;
  return (
    <div className="check">
      <input id={id} type="checkbox" aria-describedby={describedBy(help && helpId)} {...input} />
      <label htmlFor={id}>
        {label}
        {help && (
          <span className="help block" id={helpId}>
            {help}
          </span>
        )}
      </label>
    </div>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  help?: string;
}

/**
 * A group of radio buttons under a legend. The first button carries the given id, so that an
 * error summary can link to the group; the error is tied to every button.
 */
export function RadioGroup<V extends string>({
  id,
  legend,
  help,
  name,
  value,
  options,
  error,
  onChange,
}: {
  id?: string;
  legend: string;
  help?: string;
  name: string;
  value: V | '';
  options: readonly RadioOption<V>[];
  error?: string | undefined;
  onChange: (value: V) => void;
}) {
  const generated = useId();
  const base = id ?? generated;
  const helpId = `${base}-help`;
  const errorId = `${base}-error`;
  return (
    <fieldset
      className={error ? 'radios field-invalid' : 'radios'}
      aria-describedby={describedBy(error && errorId, help && helpId)}
    >
      <legend>{legend}</legend>
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {error && <FieldError id={errorId} message={error} />}
      {options.map((option, i) => {
        const optionId = i === 0 ? base : `${base}-${option.value}`;
        const optionHelp = `${optionId}-help`;
        return (
          <div className="check" key={option.value}>
            <input
              id={optionId}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(error && errorId, option.help && optionHelp)}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={optionId}>
              {option.label}
              {option.help && (
                <span className="help block" id={optionHelp}>
                  {option.help}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
