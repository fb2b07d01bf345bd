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

interface Labelled {
  label: string;
  help?: string;
  error?: string | undefined;
}

/** What a labelled control needs to be tied to its label, help text and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The frame of a labelled control: label, help text and error, tied to the
 * control for assistive technology. A given id lets an error summary link to it.
 */
function LabelledControl({
  label,
  help,
  error,
  givenId,
  children,
}: Labelled & { givenId: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const generated = useId();
  const id = givenId ?? generated;
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
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(error && errorId, help && helpId),
      })}
    </div>
  );
}

/** A labelled input; its help text and error are tied to it for assistive technology. */
export function Field({
  label,
  help,
  error,
  ...input
}: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledControl label={label} help={help} error={error} givenId={input.id}>
      {(control) => <input {...control} {...input} />}
    </LabelledControl>
  );
}

export function SelectField({
  label,
  help,
  error,
  children,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <LabelledControl label={label} help={help} error={error} givenId={select.id}>
      {(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    </LabelledControl>
  );
}

/** A labelled text area, tied to its help text and error like Field. */
export function TextAreaField({
  label,
  help,
  error,
  ...area
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <LabelledControl label={label} help={help} error={error} givenId={area.id}>
      {(control) => <textarea rows={4} {...control} {...area} />}
    </LabelledControl>
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
      <input type="checkbox" aria-describedby={describedBy(help && helpId)} {...input} id={id} />
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
