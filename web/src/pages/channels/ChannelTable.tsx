import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, describeError, type Channel } from '../../api';
import { formatDate } from '../../format/time';
import { isConnectable, typeLabel } from './channelTypes';

type Props = {
  channels: Channel[];
  /** Owners and admins: Disconnect, Reconnect and Connect again. */
  canManage: boolean;
  onReconnect: (channel: Channel) => void;
  onDisconnected: (channel: Channel) => void;
  onError: (message: string | null) => void;
};

/**
 * The business's channels, disconnected ones too (greyed). The token column stays the fourth cell: the
 * browser journey reads the masked token there.
 */
export function ChannelTable({ channels, canManage, onReconnect, onDisconnected, onError }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const disconnect = useMutation({ mutationFn: (channel: Channel) => api.disconnectChannel(channel.id) });

  const remove = async (channel: Channel) => {
    onError(null);
    try {
      await disconnect.mutateAsync(channel);
      onDisconnected(channel);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        // Already gone (another tab, another member): the list is read again either way.
        onDisconnected(channel);
      } else if (error instanceof ApiError && error.status === 403) {
        onError('Only owners and admins can disconnect channels.');
      } else if (!(error instanceof ApiError && error.status === 401)) {
        onError(`Could not disconnect ${channel.name}: ${describeError(error)}`);
      }
    } finally {
      setConfirming(null);
    }
  };

  return (
    <table className="channel-table">
      <caption className="visually-hidden">Channels</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Ids</th>
          <th scope="col">Access token</th>
          <th scope="col">Status</th>
          <th scope="col">Connected</th>
          {canManage && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {channels.map((channel) => (
          <tr key={channel.id} className={channel.status === 'DISCONNECTED' ? 'channel-disconnected' : undefined}>
            <td>{channel.name}</td>
            <td>{typeLabel(channel.type)}</td>
            <td>
              <ChannelIds channel={channel} />
            </td>
            <td>
              <code>{channel.accessToken}</code>
            </td>
            <td>
              <ChannelStatus channel={channel} canManage={canManage} />
            </td>
            <td>{formatDate(channel.createdAt)}</td>
            {canManage && (
              <td className="row-actions">
                {confirming === channel.id ? (
                  <span role="group" aria-label={`Disconnect ${channel.name}?`} className="confirm">
                    <span>Disconnect {channel.name}? Its messages stop arriving; its conversations are kept.</span>
                    <button
                      type="button"
                      className="button-danger"
                      disabled={disconnect.isPending}
                      onClick={() => remove(channel)}
                    >
                      Yes, disconnect
                    </button>
                    <button
                      type="button"
                      className="button-link"
                      disabled={disconnect.isPending}
                      onClick={() => setConfirming(null)}
                    >
                      Keep it
                    </button>
                  </span>
                ) : (
                  <RowActions channel={channel} onReconnect={onReconnect} onDisconnect={() => setConfirming(channel.id)} />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowActions({
  channel,
  onReconnect,
  onDisconnect,
}: {
  channel: Channel;
  onReconnect: (channel: Channel) => void;
  onDisconnect: () => void;
}) {
  const reconnectable = isConnectable(channel.type);
  return (
    <>
      {channel.status === 'NEEDS_RECONNECT' && reconnectable && (
        <button type="button" className="button-link" onClick={() => onReconnect(channel)}>
          Reconnect
        </button>
      )}
      {channel.status === 'DISCONNECTED' && reconnectable && (
        <button type="button" className="button-link" onClick={() => onReconnect(channel)}>
          Connect again
        </button>
      )}
      {channel.status !== 'DISCONNECTED' && (
        <button type="button" className="button-link" onClick={onDisconnect}>
          Disconnect
        </button>
      )}
    </>
  );
}

/** Each type's own ids: Instagram's account (and Page), Messenger's Page, WhatsApp's number and WABA. */
function ChannelIds({ channel }: { channel: Channel }) {
  const ids: Array<[string, string]> = [];
  switch (channel.type) {
    case 'INSTAGRAM':
      ids.push(['Account', channel.externalId]);
      if (channel.pageId) ids.push(['Page', channel.pageId]);
      break;
    case 'MESSENGER':
      ids.push(['Page', channel.pageId ?? channel.externalId]);
      break;
    case 'WHATSAPP':
      if (channel.displayPhoneNumber) ids.push(['Number', channel.displayPhoneNumber]);
      ids.push(['Phone number id', channel.phoneNumberId ?? channel.externalId]);
      if (channel.wabaId) ids.push(['WABA', channel.wabaId]);
      break;
    default:
      ids.push(['Account', channel.externalId]);
  }
  return (
    <dl className="channel-ids">
      {ids.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ChannelStatus({ channel, canManage }: { channel: Channel; canManage: boolean }) {
  switch (channel.status) {
    case 'CONNECTED':
      return <span className="badge badge-on">Connected</span>;
    case 'NEEDS_RECONNECT':
      return (
        <>
          <span className="badge badge-warning">Needs reconnect</span>
          <span className="cell-note channel-warning">
            Meta rejected its token — reconnect{canManage ? '' : ' (an owner or admin can)'}. Messages still arrive; replies
            cannot be sent.
          </span>
        </>
      );
    case 'DISCONNECTED':
      return <span className="badge">Disconnected</span>;
    default:
      return <span className="badge">{channel.status}</span>;
  }
}
