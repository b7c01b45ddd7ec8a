// What the browser journeys share (console-journey.mjs, accounts-journey.mjs): chromium's flags, a bounded
// wait for something on screen, the stack's mail catcher read as a member reads their inbox, and an
// authenticator app's codes (RFC 6238).
import { createHmac } from 'node:crypto';

// Flags for a headless chromium on a closed network: no GPU, no QUIC, nothing phoning home.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a journey waits for the UI itself, unless a step says otherwise. */
export const UI_TIMEOUT_MS = 15_000;

export async function expectVisible(locator, what, timeout = UI_TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(`${what} did not show within ${timeout / 1000} s`, { cause: error });
  }
}

/**
 * The newest mail to `address` whose subject contains `subjectPart`, from the mail catcher's JSON API
 * (`GET <catcherUrl>/api/mailboxes/<address>`, newest first), polled every 500 ms up to `timeoutMs`.
 */
export async function awaitMail(catcherUrl, address, subjectPart, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const wanted = subjectPart.toLowerCase();
  let seen = [];
  while (Date.now() < deadline) {
    const response = await fetch(`${catcherUrl.replace(/\/+$/, '')}/api/mailboxes/${encodeURIComponent(address)}`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) {
      throw new Error(`the mail catcher answered ${response.status}: ${await response.text()}`);
    }
    const { mailboxes } = await response.json();
    seen = mailboxes.flatMap((mailbox) => mailbox.messages);
    const mail = seen.find((message) => (message.subject ?? '').toLowerCase().includes(wanted));
    if (mail) {
      return mail;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
  throw new Error(`no mail to ${address} about "${subjectPart}" within ${timeoutMs / 1000} s ` +
    `(subjects seen: ${JSON.stringify(seen.map((message) => message.subject))})`);
}

/** The first link in the mail's text whose path contains `pathPart` (e.g. "/verify-email"). */
export function linkIn(mail, pathPart) {
  const link = (mail.text ?? '').match(/https?:\/\/[^\s"'<>]+/g)?.find((candidate) => candidate.includes(pathPart));
  if (!link) {
    throw new Error(`no link to ${pathPart} in the mail "${mail.subject}":\n${mail.text}`);
  }
  return link;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (as authenticator apps take the key: spaces and padding ignored, any case). */
function base32Decode(text) {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) {
      throw new Error(`"${text}" is not a base32 key`);
    }
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export const TOTP_STEP_SECONDS = 30;

/** The 30-second step (RFC 6238's counter) at `millis`. */
export function totpStep(millis = Date.now()) {
  return Math.floor(millis / 1000 / TOTP_STEP_SECONDS);
}

/** The 6-digit code an authenticator app shows for a base32 `secret` at `step` (HMAC-SHA1, RFC 4226 truncation). */
export function totpCode(secret, step = totpStep()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** How many of the console's failed API calls a failure report shows (the latest ones). */
const FAILED_CALLS_SHOWN = 20;
const failedApiCalls = [];

/**
 * Remembers the console's API calls that failed (an answer >= 400, or none at all), with the time, so a
 * failed journey says what the server answered, not only what the page did not show. Some are expected
 * (a 401 before a token refresh): they are printed only when the journey fails.
 */
export function recordFailedApiCalls(page) {
  const remember = (request, outcome) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) {
      failedApiCalls.push(`${new Date().toISOString()} ${request.method()} ${path} ${outcome}`);
      failedApiCalls.splice(0, Math.max(0, failedApiCalls.length - FAILED_CALLS_SHOWN));
    }
  };
  page.on('response', (response) => {
    if (response.status() >= 400) {
      remember(response.request(), `-> ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => remember(request, `failed: ${request.failure()?.errorText}`));
}

/**
 * Runs a journey's `main` and exits: 0 on success; otherwise 1 with the failed step (`currentStep()`),
 * the page's uncaught errors, its failed API calls and the first line of the cause on stderr.
 */
export async function runAndExit(main, currentStep, pageErrors) {
  try {
    await main();
    process.exit(0);
  } catch (error) {
    console.error(`e2e: FAILED at "${currentStep()}" (${new Date().toISOString()}): ${error.message}`);
    if (pageErrors.length > 0) {
      console.error(`e2e: uncaught errors in the page: ${pageErrors.join(' | ')}`);
    }
    if (failedApiCalls.length > 0) {
      console.error(`e2e: the page's failed API calls, latest last:\n  ${failedApiCalls.join('\n  ')}`);
    }
    if (error.cause) {
      console.error(`e2e: cause: ${String(error.cause.message ?? error.cause).split('\n')[0]}`);
    }
    process.exit(1);
  }
}
