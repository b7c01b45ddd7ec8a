import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type Contact, type ContactChange, type ConversationSummary } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, TextAreaField } from '../../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../../components/formErrors';
import { queryProblem } from '../../query/problems';
import { queryKeys } from '../../query/queryKeys';
import { pollErrorMessage } from '../pollErrors';
import { ContactConsents } from './ContactConsents';

/** PATCH /api/contacts/{id}'s limits, checked before sending. */
const MAX_NAME = 100;
const MAX_NOTES = 2000;

const fields = ['name', 'notes'] as const;
type ContactField = (typeof fields)[number];

/**
 * The contact of a conversation as the team knows them (issue 8): the team's notes, and an editor for
 * the name and the notes. Any member may edit (OWNER, ADMIN, AGENT). The contact is read with the
 * conversation's detail and refreshed with it.
 */
export function ContactCard({ conversation }: { conversation: ConversationSummary }) {
  const contactId = conversation.contact.id;
  const contact = useQuery({
    queryKey: queryKeys.conversations.contact(conversation.id, contactId),
    queryFn: ({ signal }) => api.contact(contactId, { signal }),
  });
  const [editing, setEditing] = useState(false);
  const problem = pollErrorMessage(queryProblem(contact));
  const notes = contact.data?.notes?.trim();

  return (
    <section className="contact-card" aria-label="Contact">
      <h2>Contact</h2>
      {problem && !contact.data && <p className="muted">Could not load the contact: {problem}</p>}
      {contact.data && !editing && (
        <>
          <p className="contact-notes">{notes ? notes : <span className="muted">No notes about this customer yet.</span>}</p>
          {contact.data.nameEdited && <p className="muted">Name set by your team: Meta's profile no longer changes it.</p>}
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            Edit contact
          </button>
        </>
      )}
      {contact.data && editing && (
        <ContactForm conversationId={conversation.id} contact={contact.data} onDone={() => setEditing(false)} />
      )}
      {contact.data && <ContactConsents contactId={contactId} />}
    </section>
  );
}

/** Name and notes, checked together and sent together: a refused change (here or by the server) saves neither. */
function ContactForm({ conversationId, contact, onDone }: { conversationId: string; contact: Contact; onDone: () => void }) {
  const [name, setName] = useState(contact.name ?? '');
  const [notes, setNotes] = useState(contact.notes ?? '');
  const [errors, setErrors] = useState<FormErrors<ContactField>>(noErrors);
  const save = useContactChange(conversationId, contact.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = check(name, notes, contact);
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, general: null });
      return;
    }
    const change = changeOf(name, notes, contact);
    if (Object.keys(change).length === 0) {
      onDone();
      return;
    }
    setErrors(noErrors);
    save.mutate(change, {
      onSuccess: onDone,
      onError: (error) => {
        if (error instanceof ApiError && error.status === 404) {
          setErrors({ fields: {}, general: 'This contact no longer exists, or belongs to another business.' });
        } else if (!(error instanceof ApiError && error.status === 401)) {
          setErrors(formErrorsFrom(error, fields));
        }
      },
    });
  };

  return (
    <form className="contact-form" aria-label="Edit contact" onSubmit={submit} noValidate>
      {errors.general && <Alert>{errors.general}</Alert>}
      <Field
        label="Name"
        value={name}
        onChange={setName}
        error={errors.fields.name}
        hint="The name your team knows them by; Meta's profile name no longer replaces it."
      />
      <TextAreaField
        label="Notes"
        value={notes}
        onChange={setNotes}
        rows={3}
        error={errors.fields.notes}
        hint="Only your team sees these notes."
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save contact'}
        </button>
        <button type="button" className="button-secondary" disabled={save.isPending} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function check(name: string, notes: string, contact: Contact): Partial<Record<ContactField, string>> {
  const invalid: Partial<Record<ContactField, string>> = {};
  const trimmed = name.trim();
  // A contact Meta never named may stay nameless; a name, once there, can be changed but not blanked.
  if (!trimmed && contact.name) {
    invalid.name = 'Enter a name.';
  } else if (trimmed.length > MAX_NAME) {
    invalid.name = `At most ${MAX_NAME} characters.`;
  }
  if (notes.length > MAX_NOTES) {
    invalid.notes = `At most ${MAX_NOTES} characters.`;
  }
  return invalid;
}

/** Only what changed is sent, so a colleague's edit of the other field is not overwritten. */
function changeOf(name: string, notes: string, contact: Contact): ContactChange {
  const change: ContactChange = {};
  const trimmed = name.trim();
  if (trimmed && trimmed !== (contact.name ?? '')) {
    change.name = trimmed;
  }
  if (notes !== (contact.notes ?? '')) {
    change.notes = notes;
  }
  return change;
}

/**
 * The saved contact replaces the cached one and the name in the conversation's header at once; the
 * inbox lists and the names other pages show (orders) are read again.
 */
function useContactChange(conversationId: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ContactChange) => api.changeContact(contactId, change),
    onSuccess: (contact) => {
      queryClient.setQueryData(queryKeys.conversations.contact(conversationId, contactId), contact);
      queryClient.setQueryData<ConversationSummary>(queryKeys.conversations.detail(conversationId), (conversation) =>
        conversation
          ? {
              ...conversation,
              contact: { ...conversation.contact, name: contact.name, username: contact.username, pictureUrl: contact.pictureUrl },
            }
          : conversation,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.conversations.names() }),
      ]);
    },
  });
}
