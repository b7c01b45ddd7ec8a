/*
 * Prices: the API speaks integer minor units (kobo, cents; yen are already whole), merchants type
 * and read major units. Conversion is done on the decimal text, never through floating point, so
 * "25000.5" NGN is exactly 2500050 and "0.29" USD is 29, not 28.999….
 */

/**
 * ISO 4217 minor units of the currencies that do not have two, as java.util.Currency (the server)
 * knows them. Taken from the standard rather than from Intl: browsers' CLDR data differs for a few
 * currencies (e.g. it gives ISK, IDR or HUF other digits), and a price must mean the same number
 * of minor units on both sides.
 */
const fractionDigitsByCurrency: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** The largest price the catalog accepts, in minor units (the server's limit). */
export const MAX_PRICE_MINOR = 1_000_000_000_000;

export function isCurrencyCode(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency);
}

/** How many digits the currency has after the decimal point (2 unless ISO 4217 says otherwise). */
export function fractionDigits(currency: string): number {
  return fractionDigitsByCurrency[currency.toUpperCase()] ?? 2;
}

export type ParsedPrice = { ok: true; minor: number } | { ok: false; message: string };

/**
 * A price typed in major units ("25000", "25000.50") as minor units of `currency`; more significant
 * decimals than the currency has are refused ("10.999" USD, "1500.5" JPY). Digits and one
 * optional decimal point only: no signs, spaces or thousands separators (a comma is a decimal
 * point in much of the world, so "1,500" is refused rather than guessed).
 */
export function parsePrice(input: string, currency: string): ParsedPrice {
  const decimal = parseDecimal(input);
  if (typeof decimal === 'string') {
    return { ok: false, message: decimal };
  }
  const { whole } = decimal;
  // Trailing zeros add no value ("1500.00" yen is 1500 yen), as on the server (BigDecimal.stripTrailingZeros).
  const fraction = decimal.fraction.replace(/0+$/, '');
  const digits = fractionDigits(currency);
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} prices have no decimals.`
          : `${currency} prices have at most ${digits} decimal${digits === 1 ? '' : 's'}.`,
    };
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(MAX_PRICE_MINOR)) {
    return { ok: false, message: 'This price is too large.' };
  }
  return { ok: true, minor: Number(minor) };
}

/** What is wrong with the shape of a typed price, whatever its currency; null when it is a plain decimal number. */
export function priceShapeError(input: string): string | null {
  const decimal = parseDecimal(input);
  return typeof decimal === 'string' ? decimal : null;
}

function parseDecimal(input: string): { whole: string; fraction: string } | string {
  const text = input.trim();
  if (!text) {
    return 'Enter a price.';
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    return 'Enter the price as a number, e.g. 25000 or 25000.50 (no commas or currency signs).';
  }
  return { whole: match[1] ?? '0', fraction: match[2] ?? '' };
}

/** Minor units back to the text a merchant would type: 2500050 NGN -> "25000.50", 1500 JPY -> "1500". */
export function minorToMajorText(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const negative = minor < 0;
  const text = BigInt(Math.trunc(Math.abs(minor))).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
}

/** A price for reading, e.g. "₦25,000.50", "$10.99", "¥1,500". */
export function formatPrice(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      // Intl parses a decimal string exactly, so the amount is never rounded through a float.
    }).format(minorToMajorText(minor, currency) as unknown as number);
  } catch {
    // A code Intl does not accept (the server validates currencies; this only guards the display).
    return `${minorToMajorText(minor, currency)} ${currency}`;
  }
}
