import { useState } from 'react';

/** Copies `text` to the clipboard and says so; where the browser refuses, asks the user to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      // navigator.clipboard exists only in secure contexts (https, localhost).
      if (!navigator.clipboard) {
        throw new Error('no clipboard');
      }
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button-secondary" aria-label={label} onClick={copy}>
        Copy
      </button>
      <span aria-live="polite" className="copy-status">
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Could not copy: select the address and copy it.'}
      </span>
    </span>
  );
}
