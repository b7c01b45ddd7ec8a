import { ApiError, describeError } from '../api';

export type FormErrors<F extends string> = {
  fields: Partial<Record<F, string>>;
  general: string | null;
};

export const noErrors = { fields: {}, general: null } as const;

/**
 * Splits a failed submit into messages under the form's own fields and one general message. Field
 * errors for fields the form does not show (the server knows more fields than the form) join the
 * general message, so nothing the server said is lost.
 */
export function formErrorsFrom<F extends string>(
  error: unknown,
  fields: readonly F[],
  /** Server field name to the form field showing it, where they differ (e.g. `priceMinor` under the price typed in major units). */
  aliases: Partial<Record<string, F>> = {},
): FormErrors<F> {
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: describeError(error) };
  }
  const known: Partial<Record<F, string>> = {};
  const unknown: string[] = [];
  for (const [serverField, message] of Object.entries(error.fieldErrors)) {
    const field = aliases[serverField] ?? serverField;
    if ((fields as readonly string[]).includes(field)) {
      known[field as F] = message;
    } else {
      unknown.push(`${serverField}: ${message}`);
    }
  }
  const hasFieldErrors = Object.keys(error.fieldErrors).length > 0;
  const lead = error.detail ?? (hasFieldErrors ? 'Please correct the highlighted fields.' : error.title);
  return { fields: known, general: [lead, ...unknown].join(' ') };
}

/** Client-side check before calling the server: every listed field filled in. */
export function missingFields<F extends string>(values: Record<F, string>, messages: Record<F, string>): Partial<Record<F, string>> {
  const missing: Partial<Record<F, string>> = {};
  for (const field of Object.keys(messages) as F[]) {
    if (!values[field].trim()) {
      missing[field] = messages[field];
    }
  }
  return missing;
}
