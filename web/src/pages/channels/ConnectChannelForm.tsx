import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, type Channel, type ConnectChannelRequest } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { formErrorsFrom, missingFields, noErrors, type FormErrors } from '../../components/formErrors';
import {
  connectProblem,
  connectRequest,
  connectableTypes,
  emptyValues,
  isConnectable,
  requiredMessages,
  typeForms,
  valuesFor,
  type ConnectField,
  type ConnectValues,
  type ConnectableType,
} from './channelTypes';
import { isEmailNotVerified, type ConnectBlock } from './EmailVerificationBanner';

const allFields: readonly ConnectField[] = ['accountId', 'pageId', 'phoneNumberId', 'wabaId', 'name', 'accessToken'];

type Props = {
  /** A channel to connect again (NEEDS_RECONNECT or DISCONNECTED): the form starts filled in for it, token empty. */
  reconnecting: Channel | null;
  /** `again`: it was a reconnection of `reconnecting`. */
  onConnected: (channel: Channel, again: boolean) => void;
  onCancel: () => void;
  /** Why connecting is refused for now (an unconfirmed email address): the button is disabled, the reason shown. */
  blocked?: ConnectBlock;
  /** The server refused with 403 EMAIL_NOT_VERIFIED. */
  onUnverified?: () => void;
};

/**
 * Connects an Instagram account, a Facebook Page (Messenger) or a WhatsApp number. Meta is asked first
 * whether the token controls that account, so its refusals are the usual errors and are said in words.
 */
export function ConnectChannelForm({ reconnecting, onConnected, onCancel, blocked = null, onUnverified }: Props) {
  const [type, setType] = useState<ConnectableType>(
    reconnecting && isConnectable(reconnecting.type) ? reconnecting.type : 'INSTAGRAM',
  );
  const [values, setValues] = useState<ConnectValues>(reconnecting ? valuesFor(reconnecting) : emptyValues);
  const [errors, setErrors] = useState<FormErrors<ConnectField>>(noErrors);
  const connect = useMutation({ mutationFn: (request: ConnectChannelRequest) => api.connectChannel(request) });
  const headingId = useId();
  const form = typeForms[type];

  const set = (field: ConnectField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const chooseType = (next: ConnectableType) => {
    setType(next);
    setErrors(noErrors);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked) {
      return;
    }
    const shown = [...form.ids.filter((id) => id.required).map((id) => id.field), 'accessToken' as const];
    const missing = missingFields(values, Object.fromEntries(shown.map((field) => [field, requiredMessages[field]!])));
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const channel = await connect.mutateAsync(connectRequest(type, values));
      // The token is forgotten once stored; the type stays for the next one.
      setValues(emptyValues);
      onConnected(channel, reconnecting !== null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return; // The session ended; the route guard is taking the user to log-in.
      }
      if (isEmailNotVerified(error) && onUnverified) {
        onUnverified();
        return;
      }
      const problem = connectProblem(error);
      setErrors(problem ? { fields: {}, general: problem } : formErrorsFrom(error, allFields, form.aliases));
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form card connect-channel" aria-labelledby={headingId}>
      <h2 id={headingId}>{reconnecting ? `Reconnect ${reconnecting.name}` : 'Connect a channel'}</h2>
      {reconnecting && (
        <p className="muted">
          Paste a new access token for this account; its conversations continue where they were.{' '}
          <button type="button" className="button-link" onClick={onCancel}>
            Connect another account instead
          </button>
        </p>
      )}
      {errors.general && <Alert>{errors.general}</Alert>}
      <fieldset className="channel-type-choice" disabled={reconnecting !== null}>
        <legend>Channel type</legend>
        {connectableTypes.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="channel-type"
              value={option}
              checked={type === option}
              onChange={() => chooseType(option)}
            />{' '}
            {typeForms[option].label}
          </label>
        ))}
      </fieldset>
      <p className="field-hint connect-where">{form.where}</p>
      {form.ids.map((id) => (
        <Field
          key={`${type}-${id.field}`}
          label={id.label}
          hint={id.hint}
          inputMode="numeric"
          autoComplete="off"
          value={values[id.field]}
          onChange={set(id.field)}
          error={errors.fields[id.field]}
        />
      ))}
      <Field
        label="Channel name"
        hint="Optional: left blank, the name on Meta is used."
        autoComplete="off"
        value={values.name}
        onChange={set('name')}
        error={errors.fields.name}
      />
      <Field
        label="Access token"
        type="password"
        autoComplete="off"
        autoFocus={reconnecting !== null}
        hint="Stored encrypted; never shown again in full."
        value={values.accessToken}
        onChange={set('accessToken')}
        error={errors.fields.accessToken}
      />
      {blocked && <p className="field-hint">{blocked.reason}</p>}
      <button
        type="submit"
        className="button-primary"
        disabled={connect.isPending || blocked !== null}
        aria-describedby={blocked?.describedBy}
      >
        Connect
      </button>
    </form>
  );
}
