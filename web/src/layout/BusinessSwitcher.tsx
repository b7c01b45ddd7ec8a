import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, describeError } from '../api';
import { queryKeys } from '../query/queryKeys';
import type { Session } from '../session/session';
import { startSession } from '../session/session';

/**
 * The business the console acts for: its name, or, for a member of several businesses, a picker.
 * Switching starts a session in the chosen business (the server ends this one), then drops every
 * cached answer of the previous business and opens its inbox.
 */
export function BusinessSwitcher({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const businesses = useQuery({
    queryKey: [...queryKeys.businesses, session.user.id, session.business.id],
    queryFn: ({ signal }) => api.businesses({ signal }),
    staleTime: 60_000,
  });
  const list = businesses.data?.businesses ?? [];

  if (list.length < 2) {
    return (
      <span className="account-name" title={session.user.email}>
        {session.business.name}
      </span>
    );
  }

  const choose = async (businessId: string) => {
    if (businessId === session.business.id) {
      return;
    }
    setSwitching(true);
    setError(null);
    try {
      const grant = await api.switchBusiness(businessId);
      queryClient.clear();
      startSession(grant);
      navigate('/inbox', { replace: true });
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <span className="business-switcher" title={session.user.email}>
      <select
        aria-label="Business"
        value={session.business.id}
        disabled={switching}
        onChange={(event) => void choose(event.target.value)}
      >
        {list.map((business) => (
          <option key={business.id} value={business.id}>
            {business.name}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" role="alert">
          Could not switch: {error}
        </span>
      )}
    </span>
  );
}
