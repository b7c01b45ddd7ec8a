import { useState } from 'react';
import type { FacebookChoice } from '../../api';
import { typeLabel } from './channelTypes';

type Props = {
  choices: FacebookChoice[];
  pending: boolean;
  onConnect: (picked: FacebookChoice[]) => void;
};

const key = (choice: FacebookChoice) => `${choice.type}:${choice.externalId}`;

/**
 * The accounts a Facebook Login offers, as checkboxes. Those the business has connected already are
 * marked and cannot be picked; the others start picked.
 */
export function FacebookAccountPicker({ choices, pending, onConnect }: Props) {
  const [picked, setPicked] = useState<Set<string>>(
    () => new Set(choices.filter((choice) => !choice.alreadyConnected).map(key)),
  );

  const toggle = (choice: FacebookChoice) =>
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(key(choice))) {
        next.add(key(choice));
      }
      return next;
    });

  if (choices.length === 0) {
    return (
      <p className="muted">
        This Facebook account manages no Page, Instagram account or WhatsApp number this app was granted.
      </p>
    );
  }
  return (
    <form
      className="form card facebook-picker"
      onSubmit={(event) => {
        event.preventDefault();
        onConnect(choices.filter((choice) => picked.has(key(choice))));
      }}
    >
      <fieldset>
        <legend>Accounts to connect</legend>
        {choices.map((choice) => (
          <label key={key(choice)} className="facebook-choice">
            <input
              type="checkbox"
              checked={!choice.alreadyConnected && picked.has(key(choice))}
              disabled={choice.alreadyConnected}
              onChange={() => toggle(choice)}
            />{' '}
            {typeLabel(choice.type)}: {choice.name ?? choice.externalId}
            {choice.displayPhoneNumber ? ` (${choice.displayPhoneNumber})` : ''}
            {choice.alreadyConnected && <span className="muted"> — already connected</span>}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button-primary" disabled={pending || picked.size === 0}>
        Connect selected
      </button>
    </form>
  );
}
