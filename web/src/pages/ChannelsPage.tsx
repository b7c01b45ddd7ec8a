import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { api, type Channel } from '../api';
import { Alert } from '../components/Alert';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { emailUnverified, useRole } from '../session/role';
import { useActiveSession } from '../session/useActiveSession';
import { ChannelTable } from './channels/ChannelTable';
import { ConnectChannelForm } from './channels/ConnectChannelForm';
import { EmailVerificationBanner, unverifiedReason } from './channels/EmailVerificationBanner';
import { FacebookConnectButton } from './channels/FacebookConnectButton';
import { canManageChannels } from './channels/channelTypes';
import type { FacebookConnectResult } from './FacebookCallbackPage';
import { pollErrorMessage } from './pollErrors';

/**
 * The business's channels (Instagram, Messenger, WhatsApp), their state, and for owners and admins the
 * form to connect one, reconnect one whose token Meta rejected, or disconnect one. Agents see the list.
 * Until the member confirms their email address (the token's `email_verified`, or the server's 403
 * EMAIL_NOT_VERIFIED) the connect controls are disabled and a banner says why.
 */
export function ChannelsPage() {
  const session = useActiveSession();
  const canManage = canManageChannels(useRole());
  const [serverSaysUnverified, setServerSaysUnverified] = useState(false);
  const unverified = canManage && (emailUnverified(session) || serverSaysUnverified);
  const bannerId = useId();
  const blocked = unverified ? { reason: unverifiedReason, describedBy: bannerId } : null;
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.channels, queryFn: ({ signal }) => api.channels({ signal }) });
  const channels = query.data;
  const loadError = queryProblem(query);
  const facebook = (useLocation().state as { facebook?: FacebookConnectResult } | null)?.facebook;
  const [reconnecting, setReconnecting] = useState<Channel | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  // The answer is the channel as stored (a reconnect brings back the same row): it replaces or joins the
  // list shown, no need to read it all again. A reconnected WhatsApp number's templates are read anew.
  const connected = (channel: Channel, again: boolean) => {
    setReconnecting(null);
    setActionError(null);
    setNotice(
      <>
        {again ? 'Reconnected' : 'Connected'} {channel.name}. Access token stored as <code>{channel.accessToken}</code>.
      </>,
    );
    queryClient.setQueryData<Channel[]>(queryKeys.channels, (current) => [
      ...(current ?? []).filter((existing) => existing.id !== channel.id),
      channel,
    ]);
    void queryClient.invalidateQueries({ queryKey: queryKeys.templates(channel.id) });
  };

  const disconnected = (channel: Channel) => {
    setNotice(`Disconnected ${channel.name}. Its conversations are kept.`);
    if (reconnecting?.id === channel.id) {
      setReconnecting(null);
    }
    // The server's row (status, wiped token) is the truth: read the list again.
    void queryClient.invalidateQueries({ queryKey: queryKeys.channels });
  };

  const reconnect = (channel: Channel) => {
    setNotice(null);
    setActionError(null);
    setReconnecting(channel);
  };

  const problem = pollErrorMessage(loadError);
  return (
    <section className="channels">
      <h1>Channels</h1>
      {!canManage && <p className="muted">Only owners and admins can connect or disconnect channels.</p>}
      {unverified && session && <EmailVerificationBanner email={session.user.email} id={bannerId} />}
      {problem && <Alert>Could not load channels: {problem}</Alert>}
      {facebook && !notice && <FacebookResult result={facebook} />}
      {notice && <Alert tone="success">{notice}</Alert>}
      {actionError && <Alert>{actionError}</Alert>}
      {channels === undefined && !problem && <p className="muted">Loading channels…</p>}
      {channels && channels.length === 0 && <p className="muted">No channel connected yet.</p>}
      {channels && channels.length > 0 && (
        <ChannelTable
          channels={channels}
          canManage={canManage}
          onReconnect={reconnect}
          onDisconnected={disconnected}
          onError={setActionError}
        />
      )}
      {canManage && <FacebookConnectButton blocked={blocked} onUnverified={() => setServerSaysUnverified(true)} />}
      {canManage && (
        <ConnectChannelForm
          key={reconnecting?.id ?? 'new'}
          reconnecting={reconnecting}
          onConnected={connected}
          onCancel={() => setReconnecting(null)}
          blocked={blocked}
          onUnverified={() => setServerSaysUnverified(true)}
        />
      )}
    </section>
  );
}

/** What the last "Connect with Facebook" did: the accounts connected, and each one that was not, with why. */
function FacebookResult({ result }: { result: FacebookConnectResult }) {
  return (
    <>
      {result.connected.length > 0 && (
        <Alert tone="success">Connected with Facebook: {result.connected.join(', ')}.</Alert>
      )}
      {result.failed.length > 0 && (
        <Alert tone="warning">
          Not connected:
          <ul>
            {result.failed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
