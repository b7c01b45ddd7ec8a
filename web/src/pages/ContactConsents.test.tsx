import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ConsentRecord, Contact, ConversationSummary } from '../api';
import { ok, problem, stubApi, type StubbedRoutes } from '../test/fakeApi';
import { conversation, message, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

/*
 * A contact's consent records (issue 9, privacy) on the conversation page: current state per purpose,
 * the history, and recording a change (OWNER/ADMIN only).
 */
const base = '/api/conversations/c-1';
const contactPath = '/api/contacts/k-1';
const consentsPath = `${contactPath}/consents`;

const contact: Contact = {
  id: 'k-1',
  channel: { id: 'channel-1', type: 'INSTAGRAM', name: 'Linen shop IG' },
  externalId: '17841400000000001',
  name: 'Maya',
  nameEdited: false,
  username: 'maya.linen',
  pictureUrl: null,
  notes: null,
  profileFetchedAt: null,
};

function consent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: 'cs-1',
    purpose: 'MARKETING',
    status: 'GRANTED',
    source: 'website form',
    recordedBy: 'u-1',
    recordedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

function open(routes: StubbedRoutes) {
  const summary: ConversationSummary = conversation({
    id: 'c-1',
    contact: { id: 'k-1', externalId: contact.externalId, name: 'Maya', username: 'maya.linen', pictureUrl: null },
  });
  const fake = stubApi({
    [`GET ${base}`]: ok(summary),
    [`GET ${base}/messages`]: ok([message({ id: 'm-1' })]),
    [`POST ${base}/read`]: ok(summary),
    [`GET ${contactPath}`]: ok(contact),
    ...routes,
  });
  renderApp('/inbox/c-1');
  return fake;
}

describe('Conversation: the contact’s consent', () => {
  it('shows the current state per purpose and the history, newest first', async () => {
    signInAs('AGENT');
    open({
      [`GET ${consentsPath}`]: ok([
        consent({ id: 'cs-2', status: 'WITHDRAWN', source: 'in the chat', recordedAt: '2026-11-25T10:00:00Z' }),
        consent(),
      ]),
    });

    const section = await screen.findByRole('region', { name: 'Consent' });
    expect(await within(section).findByText(/Marketing: withdrawn on/)).toBeInTheDocument();
    expect(within(section).getByText('Messaging: not recorded')).toBeInTheDocument();
    const rows = within(within(section).getByRole('table', { name: 'Consent history' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Withdrawn');
    expect(rows[1]).toHaveTextContent('in the chat');
    expect(rows[2]).toHaveTextContent('Granted');
    expect(rows[2]).toHaveTextContent('website form');
    // Agents read, they do not record
    expect(within(section).queryByRole('button', { name: 'Record consent' })).toBeNull();
  });

  it('lets an admin record a consent and shows it from the server', async () => {
    signInAs('ADMIN');
    const recorded = consent({ id: 'cs-3', purpose: 'MESSAGING', source: 'in store' });
    const fake = open({
      [`GET ${consentsPath}`]: [ok([]), ok([recorded])],
      [`POST ${consentsPath}`]: ok(recorded),
    });

    const section = await screen.findByRole('region', { name: 'Consent' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Record consent' }));
    const form = within(section).getByRole('form', { name: 'Record consent' });
    fireEvent.change(within(form).getByLabelText('What'), { target: { value: 'MESSAGING' } });
    fireEvent.change(within(form).getByLabelText('Source'), { target: { value: '  in store ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save consent' }));

    expect(await within(section).findByText(/Messaging: granted on/)).toBeInTheDocument();
    expect(fake.requestsTo(`POST ${consentsPath}`).map((request) => request.body)).toEqual([
      { purpose: 'MESSAGING', status: 'GRANTED', source: 'in store' },
    ]);
    expect(within(section).queryByRole('form', { name: 'Record consent' })).toBeNull();
  });

  it('asks for the source before sending anything, and shows a refusal without recording', async () => {
    signInAs('OWNER');
    const fake = open({
      [`GET ${consentsPath}`]: ok([]),
      [`POST ${consentsPath}`]: problem(403, 'Forbidden'),
    });

    const section = await screen.findByRole('region', { name: 'Consent' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Record consent' }));
    const form = within(section).getByRole('form', { name: 'Record consent' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save consent' }));
    expect(await within(form).findByText('Say how you know, e.g. "in the chat".')).toBeInTheDocument();
    expect(fake.requestsTo(`POST ${consentsPath}`)).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Source'), { target: { value: 'chat' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save consent' }));

    await waitFor(() => expect(within(form).getByText('Only an owner or an admin can record consent.')).toBeInTheDocument());
    expect(within(section).getByText('Messaging: not recorded')).toBeInTheDocument();
  });
});
