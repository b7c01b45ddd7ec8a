import { formatPrice, fractionDigits, minorToMajorText, parsePrice } from './money';

describe('parsePrice', () => {
  it('converts a major-unit price to minor units exactly', () => {
    expect(parsePrice('25000.5', 'NGN')).toEqual({ ok: true, minor: 2500050 });
    expect(parsePrice('25000', 'NGN')).toEqual({ ok: true, minor: 2500000 });
    expect(parsePrice('25000.00', 'NGN')).toEqual({ ok: true, minor: 2500000 });
    expect(parsePrice(' 10.99 ', 'USD')).toEqual({ ok: true, minor: 1099 });
  });

  it('never goes through floating point', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point; 1.005 * 100 is 100.49999999999999.
    expect(parsePrice('0.29', 'USD')).toEqual({ ok: true, minor: 29 });
    expect(parsePrice('1.005', 'KWD')).toEqual({ ok: true, minor: 1005 });
    expect(parsePrice('9999999999.99', 'USD')).toEqual({ ok: true, minor: 999999999999 });
  });

  it('refuses more decimals than the currency has', () => {
    expect(parsePrice('10.999', 'USD')).toEqual({ ok: false, message: 'USD prices have at most 2 decimals.' });
    expect(parsePrice('1500.5', 'JPY')).toEqual({ ok: false, message: 'JPY prices have no decimals.' });
    expect(parsePrice('1.0001', 'KWD')).toEqual({ ok: false, message: 'KWD prices have at most 3 decimals.' });
  });

  it('takes whole yen as they are', () => {
    expect(parsePrice('1500', 'JPY')).toEqual({ ok: true, minor: 1500 });
  });

  it('ignores trailing zeros, as the server does', () => {
    expect(parsePrice('1500.00', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(parsePrice('10.990', 'USD')).toEqual({ ok: true, minor: 1099 });
    expect(parsePrice('5.', 'USD')).toEqual({ ok: true, minor: 500 });
  });

  it('refuses anything that is not a plain decimal number', () => {
    for (const input of ['', '  ', '-5', '+5', '1,500', '1 500', '₦500', '12abc', '1.2.3', '.5', '1e3']) {
      expect(parsePrice(input, 'NGN')).toMatchObject({ ok: false });
    }
  });

  it('refuses a price above the catalog limit', () => {
    expect(parsePrice('10000000000', 'USD')).toEqual({ ok: true, minor: 1_000_000_000_000 });
    expect(parsePrice('10000000000.01', 'USD')).toEqual({ ok: false, message: 'This price is too large.' });
  });
});

describe('minorToMajorText', () => {
  it('writes minor units back as the merchant would type them', () => {
    expect(minorToMajorText(2500050, 'NGN')).toBe('25000.50');
    expect(minorToMajorText(5, 'USD')).toBe('0.05');
    expect(minorToMajorText(0, 'USD')).toBe('0.00');
    expect(minorToMajorText(1500, 'JPY')).toBe('1500');
    expect(minorToMajorText(1005, 'KWD')).toBe('1.005');
  });

  it('round-trips with parsePrice', () => {
    for (const [minor, currency] of [[2500050, 'NGN'], [29, 'USD'], [1500, 'JPY'], [999999999999, 'USD']] as const) {
      expect(parsePrice(minorToMajorText(minor, currency), currency)).toEqual({ ok: true, minor });
    }
  });
});

describe('fractionDigits', () => {
  it('follows ISO 4217', () => {
    expect(fractionDigits('NGN')).toBe(2);
    expect(fractionDigits('USD')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('KWD')).toBe(3);
    expect(fractionDigits('ISK')).toBe(0);
  });
});

describe('formatPrice', () => {
  it('shows the currency with its own number of decimals', () => {
    expect(formatPrice(2500050, 'NGN')).toBe('₦25,000.50');
    expect(formatPrice(1099, 'USD')).toBe('$10.99');
    expect(formatPrice(1500, 'JPY')).toBe('¥1,500');
  });

  it('does not round a large amount through a float', () => {
    expect(formatPrice(999999999999, 'USD')).toBe('$9,999,999,999.99');
  });
});
