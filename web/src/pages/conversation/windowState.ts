import type { ChannelType } from '../../api';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Messenger and Instagram take a human reply (the HUMAN_AGENT tag) up to 7 days after the customer's last message. */
const HUMAN_AGENT_DAYS = 7;

export type WindowState = { open: boolean; text: string };

/**
 * What Meta lets the team send now, from `windowClosesAt` (the customer's last message + 24 h). The
 * server enforces it (a 422 otherwise); this only tells the member before they type. The sandbox has no window.
 */
export function windowState(channelType: ChannelType, windowClosesAt: string | null | undefined, now: number = Date.now()): WindowState | null {
  if (channelType === 'SANDBOX') {
    return null;
  }
  const whatsApp = channelType === 'WHATSAPP';
  if (!windowClosesAt) {
    return {
      open: false,
      text: whatsApp
        ? 'The customer has not written yet: only a template can be sent (WhatsApp).'
        : 'The customer has not written yet: nothing can be sent until they do.',
    };
  }
  const closesAt = Date.parse(windowClosesAt);
  if (closesAt > now) {
    return { open: true, text: `Window closes in ${duration(closesAt - now)}` };
  }
  if (whatsApp) {
    return { open: false, text: 'Outside the 24 h window: only a template can be sent (WhatsApp).' };
  }
  const humanDeadline = closesAt - DAY_MS + HUMAN_AGENT_DAYS * DAY_MS;
  if (humanDeadline > now) {
    return {
      open: false,
      text: `Outside the 24 h window: only a human reply, within 7 days of the customer's last message (${duration(humanDeadline - now)} left).`,
    };
  }
  return { open: false, text: 'Outside the 7-day window: nothing can be sent until the customer writes again.' };
}

/** "3 h", "45 min", "2 days". */
function duration(ms: number): string {
  if (ms >= 2 * DAY_MS) {
    return `${Math.floor(ms / DAY_MS)} days`;
  }
  if (ms >= HOUR_MS) {
    return `${Math.floor(ms / HOUR_MS)} h`;
  }
  return `${Math.max(1, Math.floor(ms / 60_000))} min`;
}

const reasons: Record<string, string> = {
  OUTSIDE_MESSAGING_WINDOW: "The customer's messaging window is closed.",
  HANDED_OFF: 'A team member took this conversation over.',
};

const alternatives: Record<string, string> = {
  TEMPLATE: 'Send an approved template instead.',
  HUMAN_AGENT: 'A human reply is still possible.',
};

/** A refused reply's `reason` and `alternative` (problem+json) in words. */
export function refusalText(reason: string | undefined, alternative: string | undefined, detail: string | undefined): string {
  const why = (reason && reasons[reason]) ?? detail ?? (reason ? `${words(reason)}.` : 'The reply could not be sent.');
  const instead = alternative
    ? (alternatives[alternative] ?? `Alternative: ${words(alternative)}.`)
    : reason === 'OUTSIDE_MESSAGING_WINDOW'
      ? 'Nothing can be sent until the customer writes again.'
      : '';
  return `${why} ${instead}`.trim();
}

function words(code: string): string {
  const text = code.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
