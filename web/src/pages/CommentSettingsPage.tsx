import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type CommentSettings } from '../api';
import { Alert } from '../components/Alert';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

/**
 * Settings → Comments: whether the assistant answers a customer's comment on an Instagram or Facebook
 * post with one private message (Meta's Private Replies: one per comment, within 7 days). Off until the
 * business turns it on. Every member sees it; owners and admins change it.
 */
export function CommentSettingsPage() {
  const canManage = canManageCommerce(useRole());
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.commentSettings, queryFn: ({ signal }) => api.commentSettings({ signal }) });
  const settings = query.data;
  // The member's unsaved choice; until they touch it the form shows what is stored, from its first render.
  const [edited, setPrivateReplies] = useState<boolean | null>(null);
  const privateReplies = edited ?? settings?.privateReplies ?? false;
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({ mutationFn: (update: CommentSettings) => api.saveCommentSettings(update) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    try {
      const stored = await save.mutateAsync({ privateReplies });
      queryClient.setQueryData(queryKeys.commentSettings, stored);
      setPrivateReplies(null);
      setSaved(true);
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  const loadError = queryProblem(query);
  const problem = pollErrorMessage(loadError);
  return (
    <section className="comment-settings">
      <p className="eyebrow">Settings</p>
      <h1>Comments</h1>
      <SettingsTabs />
      <p className="lead">
        Customers' comments on your Instagram and Facebook posts appear in their conversation. The assistant can also
        answer each comment with one private message in the customer's inbox — Meta allows one per comment, within 7
        days of it.
      </p>
      {problem && <Alert>Could not load the comment settings: {problem}</Alert>}
      {settings === undefined && !loadError && <p className="muted">Loading comment settings…</p>}
      {settings && (
        <form method="post" onSubmit={submit} noValidate className="form" aria-label="Comment settings">
          {failure && <Alert>{failure}</Alert>}
          {saved && <Alert tone="success">Saved.</Alert>}
          {!canManage && <p className="muted">Only owners and admins can change these settings.</p>}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={privateReplies}
              disabled={!canManage}
              onChange={(event) => setPrivateReplies(event.target.checked)}
            />
            Answer comments with a private message
          </label>
          <p className="field-hint">
            Only while the assistant handles the conversation. A comment does not let you message the customer later:
            that needs them to write to you.
          </p>
          {canManage && (
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          )}
        </form>
      )}
      {loadError instanceof ApiError && loadError.status === 403 && (
        <Alert tone="warning">You cannot see the comment settings of this business.</Alert>
      )}
    </section>
  );
}
