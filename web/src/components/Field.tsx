import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Common = {
  label: string;
  /** The server's (or the form's) message for this field; shown under it and tied to it for screen readers. */
  error?: string | undefined;
  /** A short help text under the label (e.g. what an empty value means). */
  hint?: ReactNode;
};

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> &
  Common & {
    value: string;
    onChange: (value: string) => void;
  };

/** A labelled input with its inline error. */
export function Field({ label, value, onChange, error, hint, ...input }: FieldProps) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame label={label} error={error} hint={hint} ids={ids}>
      <input
        {...input}
        id={ids.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> &
  Common & {
    value: string;
    onChange: (value: string) => void;
  };

/** A labelled multi-line input with its inline error. */
export function TextAreaField({ label, value, onChange, error, hint, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame label={label} error={error} hint={hint} ids={ids}>
      <textarea
        {...textarea}
        id={ids.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}

type SelectFieldProps<V extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> &
  Common & {
    value: V;
    onChange: (value: V) => void;
    options: ReadonlyArray<{ value: V; label: string }>;
  };

/** A labelled select with its inline error. */
export function SelectField<V extends string>({ label, value, onChange, options, error, hint, ...select }: SelectFieldProps<V>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame label={label} error={error} hint={hint} ids={ids}>
      <select
        {...select}
        id={ids.id}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type FieldIds = { id: string; hintId: string; errorId: string; describedBy: string | undefined };

function useFieldIds(error: string | undefined, hint: ReactNode): FieldIds {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldFrame({ label, error, hint, ids, children }: Common & { ids: FieldIds; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={ids.id}>{label}</label>
      {hint && (
        <p id={ids.hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={ids.errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
