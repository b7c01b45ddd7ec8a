import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, describeError, type FacebookChoice, type FacebookSession } from '../api';
import { Alert } from '../components/Alert';
import { queryKeys } from '../query/queryKeys';
import { FacebookAccountPicker } from './channels/FacebookAccountPicker';

/** What the channels page shows after a Facebook connect (passed as router state). */
export type FacebookConnectResult = { connected: string[]; failed: string[] };

/**
 * Where Meta's login dialog sends the merchant back (`?code&state`, or `?error&error_description` when
 * they cancelled). The code is exchanged once; the accounts it offers are picked here, connected, and
 * the merchant is back on the channels list with what happened.
 */
export function FacebookCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const code = params.get('code');
  const state = params.get('state');
  const cancelled = params.get('error');
  const finish = useMutation({ mutationFn: api.finishFacebookLogin });
  const connect = useMutation({ mutationFn: api.connectFacebookChoices });
  const [session, setSession] = useState<FacebookSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A state is single use: a second exchange (React's development double effect) would be refused.
  const exchanged = useRef(false);

  useEffect(() => {
    if (exchanged.current || cancelled || !code || !state) {
      return;
    }
    exchanged.current = true;
    finish.mutateAsync({ code, state }).then(setSession, (failure: unknown) => setError(problemText(failure)));
  }, [cancelled, code, state, finish]);

  const connectPicked = async (picked: FacebookChoice[]) => {
    if (!session) {
      return;
    }
    setError(null);
    try {
      const outcome = await connect.mutateAsync({
        sessionId: session.sessionId,
        choices: picked.map(({ type, externalId }) => ({ type, externalId })),
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels });
      const name = (type: string, externalId: string) =>
        session.choices.find((c) => c.type === type && c.externalId === externalId)?.name ?? externalId;
      const result: FacebookConnectResult = {
        connected: outcome.connected.map((channel) => channel.name),
        failed: outcome.failed.map((f) => `${name(f.type, f.externalId)}: ${f.detail ?? f.title}`),
      };
      navigate('/channels', { state: { facebook: result } });
    } catch (failure) {
      setError(problemText(failure));
    }
  };

  return (
    <section className="channels facebook-callback">
      <h1>Connect with Facebook</h1>
      {cancelled && (
        <Alert tone="warning">
          Facebook Login was cancelled{params.get('error_description') ? `: ${params.get('error_description')}` : '.'}{' '}
          Nothing was connected.
        </Alert>
      )}
      {!cancelled && (!code || !state) && <Alert>Meta's answer is missing its code or state. Start again.</Alert>}
      {error && <Alert>{error}</Alert>}
      {finish.isPending && <p className="muted">Reading your Facebook accounts…</p>}
      {session && <FacebookAccountPicker choices={session.choices} pending={connect.isPending} onConnect={connectPicked} />}
      <p>
        <Link to="/channels">Back to channels</Link>
      </p>
    </section>
  );
}

function problemText(failure: unknown): string {
  if (failure instanceof ApiError) {
    if (failure.status === 403) {
      return 'Only owners and admins can connect channels.';
    }
    return failure.detail ?? failure.title;
  }
  return describeError(failure);
}
