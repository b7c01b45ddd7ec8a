import { refusalText, windowState } from './windowState';

const now = Date.parse('2026-11-30T12:00:00Z');
const at = (hoursFromNow: number) => new Date(now + hoursFromNow * 60 * 60 * 1000).toISOString();

describe('windowState', () => {
  it('is open until the 24 h window closes, counting down in hours then minutes', () => {
    expect(windowState('INSTAGRAM', at(23.99), now)).toEqual({ open: true, text: 'Window closes in 23 h' });
    expect(windowState('MESSENGER', at(1), now)).toEqual({ open: true, text: 'Window closes in 1 h' });
    expect(windowState('WHATSAPP', at(1 / 60), now)).toEqual({ open: true, text: 'Window closes in 1 min' });
  });

  it('is closed the moment windowClosesAt passes', () => {
    expect(windowState('WHATSAPP', at(0), now)?.open).toBe(false);
    expect(windowState('WHATSAPP', at(-0.01), now)?.text).toBe('Outside the 24 h window: only a template can be sent (WhatsApp).');
  });

  it('leaves Instagram and Messenger a human reply until 7 days after the customer\'s last message', () => {
    // windowClosesAt = last message + 24 h, so 7 days after the message is windowClosesAt + 6 days.
    expect(windowState('INSTAGRAM', at(-6 * 24 + 0.5), now)).toEqual({
      open: false,
      text: "Outside the 24 h window: only a human reply, within 7 days of the customer's last message (30 min left).",
    });
    expect(windowState('MESSENGER', at(-6 * 24 - 0.01), now)?.text).toBe(
      'Outside the 7-day window: nothing can be sent until the customer writes again.',
    );
  });

  it('says when the customer never wrote, and shows no window for the sandbox', () => {
    expect(windowState('WHATSAPP', null, now)?.text).toBe('The customer has not written yet: only a template can be sent (WhatsApp).');
    expect(windowState('INSTAGRAM', undefined, now)?.open).toBe(false);
    expect(windowState('SANDBOX', at(-100), now)).toBeNull();
  });
});

describe('refusalText', () => {
  it('puts the reason and the alternative in words', () => {
    expect(refusalText('OUTSIDE_MESSAGING_WINDOW', 'TEMPLATE', 'ignored')).toBe(
      "The customer's messaging window is closed. Send an approved template instead.",
    );
  });

  it('falls back to the detail, then to the code in words, for reasons it does not know', () => {
    expect(refusalText('CHANNEL_NEEDS_RECONNECT', undefined, 'Reconnect the channel first.')).toBe('Reconnect the channel first.');
    expect(refusalText('CHANNEL_NEEDS_RECONNECT', 'RECONNECT', undefined)).toBe('Channel needs reconnect. Alternative: Reconnect.');
  });
});
