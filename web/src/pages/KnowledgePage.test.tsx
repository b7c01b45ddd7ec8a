import { fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const stored = {
  faqs: [
    { topic: 'returns', question: 'Can I return an item?', answer: 'Within 14 days, unworn.' },
    { topic: 'shipping', question: 'shipping', answer: 'We ship across Nigeria in 3 days.' },
  ],
  profile: { about: 'Handmade linen.', openingHours: null, delivery: 'Lagos next day.', returns: null, paymentMethods: null },
};

const emptyProfile = { about: null, openingHours: null, delivery: null, returns: null, paymentMethods: null };

describe('KnowledgePage (Settings → Knowledge)', () => {
  it('shows the stored FAQ and profile, and an owner edits an answer, adds a question and saves the whole document', async () => {
    signInAs('OWNER');
    const saved = {
      faqs: [...stored.faqs, { topic: 'sizes', question: 'sizes', answer: 'S to XL.' }].map((faq) =>
        faq.topic === 'shipping' ? { ...faq, answer: 'We ship worldwide in 5 days.' } : faq,
      ),
      profile: stored.profile,
    };
    const fake = stubApi({ 'GET /api/ai/knowledge': ok(stored), 'PUT /api/ai/knowledge': ok(saved) });
    renderApp('/settings/knowledge');

    const shipping = within(await screen.findByRole('group', { name: 'Question 2' }));
    expect(shipping.getByLabelText('Topic')).toHaveValue('shipping');
    expect(screen.getByLabelText('About the business')).toHaveValue('Handmade linen.');
    expect(screen.getByLabelText('Opening hours')).toHaveValue('');

    fireEvent.change(shipping.getByLabelText('Answer'), { target: { value: ' We ship worldwide in 5 days. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    const added = within(screen.getByRole('group', { name: 'Question 3' }));
    fireEvent.change(added.getByLabelText('Topic'), { target: { value: 'sizes' } });
    fireEvent.change(added.getByLabelText('Answer'), { target: { value: 'S to XL.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/knowledge')[0]?.body).toEqual({
      faqs: [
        { topic: 'returns', question: 'Can I return an item?', answer: 'Within 14 days, unworn.' },
        { topic: 'shipping', question: 'shipping', answer: 'We ship worldwide in 5 days.' },
        { topic: 'sizes', question: null, answer: 'S to XL.' },
      ],
      profile: { ...emptyProfile, about: 'Handmade linen.', delivery: 'Lagos next day.' },
    });
    expect(within(screen.getByRole('group', { name: 'Question 3' })).getByLabelText('Question (optional)')).toHaveValue('sizes');
  });

  it('removes a question', async () => {
    signInAs('ADMIN');
    const fake = stubApi({ 'GET /api/ai/knowledge': ok(stored), 'PUT /api/ai/knowledge': ok({ ...stored, faqs: [stored.faqs[1]] }) });
    renderApp('/settings/knowledge');

    fireEvent.click(await screen.findByRole('button', { name: 'Remove question 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect((fake.requestsTo('PUT /api/ai/knowledge')[0]?.body as { faqs: unknown[] }).faqs).toEqual([
      { topic: 'shipping', question: 'shipping', answer: 'We ship across Nigeria in 3 days.' },
    ]);
  });

  it('refuses a blank answer or a repeated topic before calling the server', async () => {
    signInAs('OWNER');
    const fake = stubApi({ 'GET /api/ai/knowledge': ok(stored) });
    renderApp('/settings/knowledge');

    const second = within(await screen.findByRole('group', { name: 'Question 2' }));
    fireEvent.change(second.getByLabelText('Topic'), { target: { value: 'Returns' } });
    fireEvent.change(second.getByLabelText('Answer'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await second.findByText('Another question already uses this topic.')).toBeInTheDocument();
    expect(second.getByText('Give the answer the customer is told.')).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/knowledge')).toHaveLength(0);
  });

  it("shows the server's problem+json field errors under their fields, and unknown ones in the message", async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/ai/knowledge': ok(stored),
      'PUT /api/ai/knowledge': problem(400, 'Invalid input', {
        detail: 'Some fields are invalid; nothing was changed.',
        errors: { 'faqs[1].answer': 'must not contain control characters', products: 'products are no longer part of the knowledge' },
      }),
    });
    renderApp('/settings/knowledge');

    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));

    const second = within(screen.getByRole('group', { name: 'Question 2' }));
    expect(await second.findByText('must not contain control characters')).toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: 'Assistant knowledge' }));
    expect(form.getByText(/Some fields are invalid; nothing was changed\..*products are no longer/)).toBeInTheDocument();
  });

  it('lets an agent read the knowledge but not change it', async () => {
    signInAs('AGENT');
    const fake = stubApi({ 'GET /api/ai/knowledge': ok(stored) });
    renderApp('/settings/knowledge');

    const first = within(await screen.findByRole('group', { name: 'Question 1' }));
    expect(first.getByLabelText('Answer')).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change the knowledge.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a question' })).not.toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/knowledge')).toHaveLength(0);
  });

  it('is a Settings tab', async () => {
    signInAs('AGENT');
    stubApi({ 'GET /api/ai/knowledge': ok({ faqs: [], profile: emptyProfile }) });
    renderApp('/settings/knowledge');

    const tabs = within(await screen.findByRole('navigation', { name: 'Settings' }));
    expect(tabs.getByRole('link', { name: 'Knowledge' })).toHaveAttribute('href', '/settings/knowledge');
    expect(await screen.findByText('No questions yet.')).toBeInTheDocument();
  });
});
