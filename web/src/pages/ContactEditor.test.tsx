import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Contact, ConversationSummary } from '../api';
import { cursorPage, ok, problem, stubApi, type StubbedRoutes } from '../test/fakeApi';
import { conversation, message, signIn, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

/*
 * The contact of a conversation as a person (issue 8): picture or initial, name, username, channel, the
 * team's notes, and the editor for the name and the notes.
 */
const base = '/api/conversations/c-1';
const contactPath = '/api/contacts/k-1';
const picture = 'https://scontent.cdninstagram.com/v/t51.2885-19/maya.jpg';

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'k-1',
    channel: { id: 'channel-1', type: 'INSTAGRAM', name: 'Linen shop IG' },
    externalId: '17841400000000001',
    name: 'Maya',
    nameEdited: false,
    username: 'maya.linen',
    pictureUrl: picture,
    notes: null,
    profileFetchedAt: '2026-11-30T09:00:00Z',
    ...overrides,
  };
}

function open(current: Contact = contact(), routes: StubbedRoutes = {}) {
  const summary: ConversationSummary = conversation({
    id: 'c-1',
    contact: { id: current.id, externalId: current.externalId, name: current.name, username: current.username, pictureUrl: current.pictureUrl },
  });
  const fake = stubApi({
    [`GET ${base}`]: ok(summary),
    [`GET ${base}/messages`]: ok([message({ id: 'm-1' })]),
    [`POST ${base}/read`]: ok(summary),
    [`GET ${contactPath}`]: ok(current),
    [`GET ${contactPath}/consents`]: ok([]),
    ...routes,
  });
  const view = renderApp('/inbox/c-1');
  return { fake, summary, view };
}

async function editForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Edit contact' }));
  return screen.getByRole('form', { name: 'Edit contact' });
}

describe('Conversation: the contact', () => {
  beforeEach(() => {
    signIn();
  });

  it("shows the customer as a person: Meta's picture, name, username and channel, and the team's notes", async () => {
    const { view } = open(contact({ notes: 'Prefers delivery on Saturdays.' }));

    const heading = await screen.findByRole('heading', { name: 'Maya', level: 1 });
    const header = heading.parentElement!;
    expect(header.querySelector('img.avatar')).toHaveAttribute('src', picture);
    expect(header).toHaveTextContent('@maya.linen');
    expect(header).toHaveTextContent('Instagram · Linen shop IG');
    const card = screen.getByRole('region', { name: 'Contact' });
    expect(await within(card).findByText('Prefers delivery on Saturdays.')).toBeInTheDocument();
    expect(view.container.querySelector('.avatar-initial')).toBeNull();
  });

  it('shows the initial when Meta gave no picture', async () => {
    open(contact({ pictureUrl: null, username: null }));
    const header = (await screen.findByRole('heading', { name: 'Maya', level: 1 })).parentElement!;
    expect(header.querySelector('img')).toBeNull();
    expect(header.querySelector('.avatar-initial')).toHaveTextContent('M');
  });

  it("falls back to the initial when Meta's picture link has expired", async () => {
    open(contact({ name: 'émile' }));
    const header = (await screen.findByRole('heading', { name: 'émile', level: 1 })).parentElement!;

    fireEvent.error(header.querySelector('img.avatar')!);

    expect(header.querySelector('img')).toBeNull();
    expect(header.querySelector('.avatar-initial')).toHaveTextContent('É');
  });

  it('lets an agent rename the contact and write notes: only those fields are sent, the new name shows at once', async () => {
    signInAs('AGENT');
    const { fake, summary } = open();
    fake.answer(`PATCH ${contactPath}`, ok(contact({ name: 'Maya Okafor', nameEdited: true, notes: 'VIP, size M.' })));
    fake.answer(`GET ${base}`, ok({ ...summary, contact: { ...summary.contact, name: 'Maya Okafor' } }));

    const form = await editForm();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: '  Maya Okafor ' } });
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: 'VIP, size M.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    expect(await screen.findByRole('heading', { name: 'Maya Okafor', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit contact' })).not.toBeInTheDocument());
    const card = screen.getByRole('region', { name: 'Contact' });
    expect(card).toHaveTextContent('VIP, size M.');
    expect(card).toHaveTextContent("Name set by your team: Meta's profile no longer changes it.");
    expect(fake.requestsTo(`PATCH ${contactPath}`).map((request) => request.body)).toEqual([
      { name: 'Maya Okafor', notes: 'VIP, size M.' },
    ]);
  });

  it('sends only the notes when only they changed, and "" to clear them', async () => {
    const { fake } = open(contact({ notes: 'Old note' }));
    fake.answer(`PATCH ${contactPath}`, ok(contact({ notes: '' })));

    const form = await editForm();
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    expect(await screen.findByText('No notes about this customer yet.')).toBeInTheDocument();
    expect(fake.requestsTo(`PATCH ${contactPath}`).map((request) => request.body)).toEqual([{ notes: '' }]);
  });

  it('refuses a blank name and notes over 2000 characters before sending anything', async () => {
    const { fake } = open();

    const form = await editForm();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: '   ' } });
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription(/Enter a name\./);
    expect(within(form).getByLabelText('Notes')).toHaveAccessibleDescription(/At most 2000 characters\./);
    expect(fake.requestsTo(`PATCH ${contactPath}`)).toHaveLength(0);
  });

  it("shows the server's refusal under its field and saves neither field", async () => {
    const { fake } = open(contact({ notes: 'Prefers Saturdays.' }));
    fake.answer(
      `PATCH ${contactPath}`,
      problem(400, 'Bad Request', { detail: 'Invalid contact', errors: { name: 'must be 1 to 100 characters' } }),
    );

    const form = await editForm();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Maya 🌿' } });
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: 'Changed notes' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    await waitFor(() => expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription(/must be 1 to 100 characters/));
    expect(within(form).getByRole('alert')).toHaveTextContent('Invalid contact');
    expect(within(form).getByLabelText('Notes')).toHaveValue('Changed notes');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('region', { name: 'Contact' })).toHaveTextContent('Prefers Saturdays.');
    expect(screen.getByRole('heading', { name: 'Maya', level: 1 })).toBeInTheDocument();
  });

  it('says so when the contact belongs to another business (404)', async () => {
    open(contact(), { [`PATCH ${contactPath}`]: problem(404, 'Not Found', { detail: 'No such contact' }) });

    const form = await editForm();
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Someone else' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save contact' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'This contact no longer exists, or belongs to another business.',
    );
  });
});

describe('Inbox: contacts as people', () => {
  beforeEach(() => {
    signIn();
  });

  it("shows each contact's picture (or initial) and username in the row", async () => {
    stubApi({
      'GET /api/conversations': cursorPage(
        [
          conversation({ id: 'c-1', contact: { id: 'k-1', externalId: '1784', name: 'Maya', username: 'maya.linen', pictureUrl: picture } }),
          conversation({ id: 'c-2', contact: { id: 'k-2', externalId: '2348012345678', name: 'Tunde', pictureUrl: null } }),
        ],
        null,
      ),
    });
    renderApp('/inbox');

    const [maya, tunde] = within(await screen.findByRole('list', { name: 'Conversations' })).getAllByRole('link');
    expect(maya!.querySelector('img.avatar')).toHaveAttribute('src', picture);
    expect(maya).toHaveTextContent('@maya.linen · Instagram · Linen shop IG');
    expect(tunde!.querySelector('img')).toBeNull();
    expect(tunde!.querySelector('.avatar-initial')).toHaveTextContent('T');
    expect(tunde).toHaveAccessibleName(/^Tunde/);
  });
});
