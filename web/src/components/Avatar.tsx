import { useState } from 'react';

/** The first letter (or digit) of the name, as a person's initial. */
export function initialOf(name: string): string {
  const first = Array.from(name.trim()).find((character) => /[\p{L}\p{N}]/u.test(character));
  return first ? first.toLocaleUpperCase() : '?';
}

/**
 * A contact's profile picture, or their initial in a circle when there is none. Meta's picture links
 * are short-lived CDN URLs: one that no longer loads falls back to the initial too. Decorative: the
 * name is always written next to it.
 */
export function Avatar({ name, pictureUrl, size = 'small' }: { name: string; pictureUrl?: string | null; size?: 'small' | 'large' }) {
  const [failed, setFailed] = useState<string | null>(null);
  const className = `avatar avatar-${size}`;
  if (pictureUrl && failed !== pictureUrl) {
    return (
      <img
        className={className}
        src={pictureUrl}
        alt=""
        referrerPolicy="no-referrer"
        loading="lazy"
        onError={() => setFailed(pictureUrl)}
      />
    );
  }
  return (
    <span className={`${className} avatar-initial`} aria-hidden="true">
      {initialOf(name)}
    </span>
  );
}
