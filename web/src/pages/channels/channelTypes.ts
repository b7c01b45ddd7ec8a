import { ApiError, describeError, type Channel, type ConnectChannelRequest } from '../../api';
import type { Role } from '../../session/role';

export type ConnectableType = 'INSTAGRAM' | 'MESSENGER' | 'WHATSAPP';

export const connectableTypes: readonly ConnectableType[] = ['INSTAGRAM', 'MESSENGER', 'WHATSAPP'];

/** The connect form's inputs; which ones show depends on the type. */
export type ConnectField = 'accountId' | 'pageId' | 'phoneNumberId' | 'wabaId' | 'name' | 'accessToken';

export type ConnectValues = Record<ConnectField, string>;

export const emptyValues: ConnectValues = { accountId: '', pageId: '', phoneNumberId: '', wabaId: '', name: '', accessToken: '' };

type IdField = { field: ConnectField; label: string; required: boolean; hint?: string };

type TypeForm = {
  label: string;
  /** One line: where the merchant finds the ids and which token to paste. */
  where: string;
  ids: IdField[];
  /** The server's field names shown under the form's own inputs (Messenger's Page id may come back as externalId). */
  aliases: Partial<Record<string, ConnectField>>;
};

export const typeForms: Record<ConnectableType, TypeForm> = {
  INSTAGRAM: {
    label: 'Instagram',
    where:
      "Your Meta app's Instagram → API setup shows the professional account's id and generates its token (instagram_business_manage_messages); with a Page token instead, add the linked Page's id.",
    ids: [
      { field: 'accountId', label: 'Instagram account id', required: true },
      {
        field: 'pageId',
        label: 'Facebook Page id (optional)',
        required: false,
        hint: 'Only with a Page token (Facebook Login): the Page the account is linked to.',
      },
    ],
    aliases: { externalId: 'accountId' },
  },
  MESSENGER: {
    label: 'Messenger',
    where: "Your Meta app's Messenger → Settings lists the Page with its id and generates its Page access token (pages_messaging).",
    ids: [{ field: 'pageId', label: 'Facebook Page id', required: true }],
    aliases: { externalId: 'pageId' },
  },
  WHATSAPP: {
    label: 'WhatsApp',
    where:
      "Your Meta app's WhatsApp → API Setup shows the phone number id and the WhatsApp Business Account id; use a system user token with whatsapp_business_messaging.",
    ids: [
      { field: 'phoneNumberId', label: 'Phone number id', required: true, hint: 'Not the phone number itself: Meta\'s id for it.' },
      { field: 'wabaId', label: 'WhatsApp Business Account id', required: true, hint: 'The account the number belongs to.' },
    ],
    aliases: { externalId: 'phoneNumberId' },
  },
};

export const requiredMessages: Partial<Record<ConnectField, string>> = {
  accountId: 'Enter the Instagram account id.',
  pageId: 'Enter the Facebook Page id.',
  phoneNumberId: 'Enter the phone number id.',
  wabaId: 'Enter the WhatsApp Business Account id.',
  accessToken: 'Paste the access token.',
};

/** The body for the type: only that type's ids, trimmed; a blank name or optional Page id is left out. */
export function connectRequest(type: ConnectableType, values: ConnectValues): ConnectChannelRequest {
  const name = values.name.trim() || undefined;
  const accessToken = values.accessToken.trim();
  switch (type) {
    case 'INSTAGRAM':
      return { type, externalId: values.accountId.trim(), pageId: values.pageId.trim() || undefined, name, accessToken };
    case 'MESSENGER':
      return { type, pageId: values.pageId.trim(), name, accessToken };
    case 'WHATSAPP':
      return { type, phoneNumberId: values.phoneNumberId.trim(), wabaId: values.wabaId.trim(), name, accessToken };
  }
}

export function isConnectable(type: string): type is ConnectableType {
  return (connectableTypes as readonly string[]).includes(type);
}

/** The form pre-filled for a channel to connect again: same type, ids and name; only the token is new. */
export function valuesFor(channel: Channel): ConnectValues {
  switch (channel.type) {
    case 'INSTAGRAM':
      return { ...emptyValues, accountId: channel.externalId, pageId: channel.pageId ?? '', name: channel.name };
    case 'MESSENGER':
      return { ...emptyValues, pageId: channel.pageId ?? channel.externalId, name: channel.name };
    default:
      return {
        ...emptyValues,
        phoneNumberId: channel.phoneNumberId ?? channel.externalId,
        wabaId: channel.wabaId ?? '',
        name: channel.name,
      };
  }
}

export function typeLabel(type: string): string {
  return isConnectable(type) ? typeForms[type].label : type === 'SANDBOX' ? 'Sandbox' : type;
}

/**
 * Connecting and disconnecting are for owners and admins; an agent sees the list only. As on the other
 * pages, a role that cannot be read shows the controls: the server decides, and its 403 is shown.
 */
export function canManageChannels(role: Role | null): boolean {
  return role !== 'AGENT';
}

/** Why a connect failed, in words; null for a 400 with field errors (shown under the inputs) or a 401 (log-in is on its way). */
export function connectProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) {
    return describeError(error);
  }
  switch (error.status) {
    case 401:
      return null;
    case 403:
      return 'Only owners and admins can connect channels.';
    case 409:
      return error.detail ?? 'This account is already connected, here or by another business. Nothing was changed.';
    case 503:
      return 'Meta could not be reached; nothing was saved, try again.';
    case 422:
      return proofRefusal(error);
    default:
      return null;
  }
}

function proofRefusal(error: ApiError): string {
  const detail = error.detail ? ` ${error.detail}` : '';
  switch (error.reason) {
    case 'ACCOUNT_MISMATCH':
      return `This token does not control that account.${detail}`;
    case 'TOKEN_INVALID':
      return 'Meta rejected this access token: it is invalid or has expired. Generate a new one and paste it again.';
    case 'NO_ACCESS':
      return `This token has no access to that account.${detail}`;
    default:
      return `Meta did not confirm this account.${detail}`;
  }
}
