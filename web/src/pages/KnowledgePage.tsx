import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type Knowledge, type KnowledgeProfile } from '../api';
import { Alert } from '../components/Alert';
import { Field, TextAreaField } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

/** ai-service's limits (KnowledgeDocumentValidator), checked before sending so most mistakes need no round trip. */
const MAX_TOPIC = 100;
const MAX_QUESTION = 500;
const MAX_ANSWER = 2000;
const MAX_ENTRIES = 500;

type ProfileField = keyof KnowledgeProfile;
const profileFields: ReadonlyArray<{ field: ProfileField; label: string; max: number; hint: string }> = [
  { field: 'about', label: 'About the business', max: 1000, hint: 'What you sell and what makes you different.' },
  { field: 'openingHours', label: 'Opening hours', max: 300, hint: 'e.g. Mon–Sat 9:00–18:00.' },
  { field: 'delivery', label: 'Delivery', max: 1000, hint: 'Where you deliver, how long it takes and what it costs.' },
  { field: 'returns', label: 'Returns', max: 1000, hint: 'Your return and exchange policy.' },
  { field: 'paymentMethods', label: 'Payment methods', max: 300, hint: 'e.g. card, bank transfer.' },
];

type FaqRow = { topic: string; question: string; answer: string };
type Draft = { faqs: FaqRow[]; profile: Record<ProfileField, string> };

function draftOf(knowledge: Knowledge): Draft {
  return {
    faqs: knowledge.faqs.map((faq) => ({ topic: faq.topic, question: faq.question ?? '', answer: faq.answer })),
    profile: {
      about: knowledge.profile.about ?? '',
      openingHours: knowledge.profile.openingHours ?? '',
      delivery: knowledge.profile.delivery ?? '',
      returns: knowledge.profile.returns ?? '',
      paymentMethods: knowledge.profile.paymentMethods ?? '',
    },
  };
}

/** Blank optional texts are sent as null (absent), as the server stores them. */
function updateOf(draft: Draft): Knowledge {
  const orNull = (text: string) => (text.trim() ? text.trim() : null);
  return {
    faqs: draft.faqs.map((row) => ({ topic: row.topic.trim(), question: orNull(row.question), answer: row.answer.trim() })),
    profile: {
      about: orNull(draft.profile.about),
      openingHours: orNull(draft.profile.openingHours),
      delivery: orNull(draft.profile.delivery),
      returns: orNull(draft.profile.returns),
      paymentMethods: orNull(draft.profile.paymentMethods),
    },
  };
}

/** Field errors keyed as the server names them (`faqs[0].topic`, `profile.delivery`), so both land in the same place. */
function check(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  const tooLong = (text: string, max: number) => text.trim().length > max;
  if (draft.faqs.length > MAX_ENTRIES) {
    errors.faqs = `At most ${MAX_ENTRIES} questions.`;
  }
  const topics = new Set<string>();
  draft.faqs.forEach((row, i) => {
    const topic = row.topic.trim().toLowerCase();
    if (!topic) {
      errors[`faqs[${i}].topic`] = 'Give a topic (a keyword such as “shipping”).';
    } else if (tooLong(row.topic, MAX_TOPIC)) {
      errors[`faqs[${i}].topic`] = `At most ${MAX_TOPIC} characters.`;
    } else if (topics.has(topic)) {
      errors[`faqs[${i}].topic`] = 'Another question already uses this topic.';
    }
    topics.add(topic);
    if (tooLong(row.question, MAX_QUESTION)) {
      errors[`faqs[${i}].question`] = `At most ${MAX_QUESTION} characters.`;
    }
    if (!row.answer.trim()) {
      errors[`faqs[${i}].answer`] = 'Give the answer the customer is told.';
    } else if (tooLong(row.answer, MAX_ANSWER)) {
      errors[`faqs[${i}].answer`] = `At most ${MAX_ANSWER} characters.`;
    }
  });
  for (const { field, max } of profileFields) {
    if (tooLong(draft.profile[field], max)) {
      errors[`profile.${field}`] = `At most ${max} characters.`;
    }
  }
  return errors;
}

function fieldNames(draft: Draft): string[] {
  return [
    'faqs',
    ...draft.faqs.flatMap((_, i) => [`faqs[${i}]`, `faqs[${i}].topic`, `faqs[${i}].question`, `faqs[${i}].answer`]),
    ...profileFields.map(({ field }) => `profile.${field}`),
  ];
}

/**
 * Settings → Knowledge: the FAQ and the short texts about the business the assistant answers from (products
 * come from the catalog). Every member reads it; owners and admins change it. The whole document is saved at
 * once, as the API replaces it.
 */
export function KnowledgePage() {
  const canManage = canManageCommerce(useRole());
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.knowledge, queryFn: ({ signal }) => api.knowledge({ signal }) });
  // The member's unsaved edits; until the first one the form shows what is stored.
  const [draft, setDraft] = useState<Draft | null>(null);
  const form = draft ?? (query.data ? draftOf(query.data) : null);
  const [errors, setErrors] = useState<FormErrors<string>>(noErrors);
  const [saved, setSaved] = useState(false);
  const save = useMutation({ mutationFn: (knowledge: Knowledge) => api.saveKnowledge(knowledge) });

  const edit = (change: (current: Draft) => Draft) => {
    if (form) {
      setSaved(false);
      setDraft(change(form));
    }
  };
  const editFaq = (index: number, change: Partial<FaqRow>) =>
    edit((current) => ({ ...current, faqs: current.faqs.map((row, i) => (i === index ? { ...row, ...change } : row)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) {
      return;
    }
    setSaved(false);
    const invalid = check(form);
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, general: 'Please correct the highlighted fields.' });
      return;
    }
    setErrors(noErrors);
    try {
      const stored = await save.mutateAsync(updateOf(form));
      queryClient.setQueryData(queryKeys.knowledge, stored);
      // Back to what is stored: the server sorts the FAQ and fills a missing question with its topic.
      setDraft(null);
      setSaved(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, fieldNames(form)));
    }
  };

  const loadError = queryProblem(query);
  const problem = pollErrorMessage(loadError);
  return (
    <section className="knowledge-settings">
      <p className="eyebrow">Settings</p>
      <h1>Knowledge</h1>
      <SettingsTabs />
      <p className="lead">
        What your assistant knows about your business besides the catalog: answers to the questions customers ask,
        and a few words about delivery, returns and payment. It answers from these texts and never makes them up.
      </p>
      {loadError instanceof ApiError && loadError.status === 403 ? (
        <Alert tone="warning">You cannot see the knowledge of this business.</Alert>
      ) : (
        problem && <Alert>Could not load the knowledge: {problem}</Alert>
      )}
      {!form && !loadError && <p className="muted">Loading knowledge…</p>}
      {form && (
        <form method="post" onSubmit={submit} noValidate className="form" aria-label="Assistant knowledge">
          {errors.general && <Alert>{errors.general}</Alert>}
          {saved && <Alert tone="success">Saved. The assistant answers from it from the next message.</Alert>}
          {!canManage && <p className="muted">Only owners and admins can change the knowledge.</p>}
          <fieldset>
            <legend>Questions and answers</legend>
            {errors.fields.faqs && <p className="field-error" role="alert">{errors.fields.faqs}</p>}
            {form.faqs.length === 0 && <p className="muted">No questions yet.</p>}
            <ol className="knowledge-faqs">
              {form.faqs.map((row, i) => (
                <li key={i} role="group" aria-label={`Question ${i + 1}`} className="knowledge-faq">
                  <Field
                    label="Topic"
                    hint="A keyword customers use, e.g. shipping."
                    value={row.topic}
                    onChange={(topic) => editFaq(i, { topic })}
                    error={errors.fields[`faqs[${i}].topic`] ?? errors.fields[`faqs[${i}]`]}
                    disabled={!canManage}
                  />
                  <Field
                    label="Question (optional)"
                    value={row.question}
                    onChange={(question) => editFaq(i, { question })}
                    error={errors.fields[`faqs[${i}].question`]}
                    disabled={!canManage}
                  />
                  <TextAreaField
                    label="Answer"
                    rows={3}
                    value={row.answer}
                    onChange={(answer) => editFaq(i, { answer })}
                    error={errors.fields[`faqs[${i}].answer`]}
                    disabled={!canManage}
                  />
                  {canManage && (
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => edit((current) => ({ ...current, faqs: current.faqs.filter((_, j) => j !== i) }))}
                    >
                      Remove question {i + 1}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {canManage && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => edit((current) => ({ ...current, faqs: [...current.faqs, { topic: '', question: '', answer: '' }] }))}
              >
                Add a question
              </button>
            )}
          </fieldset>
          <fieldset>
            <legend>About your business</legend>
            {profileFields.map(({ field, label, hint }) => (
              <TextAreaField
                key={field}
                label={label}
                hint={hint}
                rows={2}
                value={form.profile[field]}
                onChange={(text) => edit((current) => ({ ...current, profile: { ...current.profile, [field]: text } }))}
                error={errors.fields[`profile.${field}`]}
                disabled={!canManage}
              />
            ))}
          </fieldset>
          {canManage && (
            <button type="submit" className="button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
