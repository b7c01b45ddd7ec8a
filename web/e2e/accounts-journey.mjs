// The account journey in a real browser, against a running stack (system-tests' AccountsBrowserJourneyIT
// runs it; see system-tests/README.md): a merchant signs up (a new business) and is asked to check their
// email; the verification mail is read from the stack's mail catcher and its link confirms the address.
// The merchant logs in, turns on two-factor authentication under Settings → Security (the key the page
// shows goes into an "authenticator app": RFC 6238 computed here), sees the recovery codes, logs out, and
// logs in again with the password and then a fresh code. Under Settings → Team they invite a member as
// Agent; the invitation mail's link, opened in a second browser (its own cookies), sets a password and
// joins: the member is inside the console as an Agent (the inbox, no Activity tab, no invite form). Back
// as the owner, Settings → Activity lists the sign-ins, "Two factor enabled", "Invitation sent" and
// "Member joined", each with who and when.
//
// Plain playwright-core driving Debian's chromium: no browser is ever downloaded.
//
//   SELLAVIE_CONSOLE_URL      the gateway, serving the built console (default http://localhost:8080)
//   SELLAVIE_E2E_MAIL_URL         the mail catcher the stack's services send to (its JSON API at /api/mailboxes/<address>; required)
//   SELLAVIE_CHROMIUM         the browser (default /usr/bin/chromium)
//   SELLAVIE_E2E_ARTIFACTS    where screenshots go (default <temp dir>/sellavie-e2e-accounts)
//
// Exit 0 with one line on success; otherwise a failure screenshot per browser, the failed step on stderr, exit 1.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  TOTP_STEP_SECONDS,
  UI_TIMEOUT_MS,
  awaitMail,
  expectVisible,
  linkIn,
  recordFailedApiCalls,
  runAndExit,
  totpCode,
  totpStep,
} from './lib.mjs';

const CONSOLE_URL = (process.env.SELLAVIE_CONSOLE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const MAIL_URL = process.env.SELLAVIE_E2E_MAIL_URL;
const CHROMIUM = process.env.SELLAVIE_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(process.env.SELLAVIE_E2E_ARTIFACTS ?? join(tmpdir(), 'sellavie-e2e-accounts'));

/** An account email: the service's event -> notification-service -> SMTP -> the catcher. */
const MAIL_TIMEOUT_MS = 60_000;
/** MemberJoined travels through Kafka to the activity log. */
const ACTIVITY_TIMEOUT_MS = 60_000;
const RECOVERY_CODES = 10;

const run = randomUUID().slice(0, 8);
const owner = {
  email: `owner-${run}@example.com`,
  password: 'linen-Owner-2026',
  businessName: `Linen Loft ${run}`,
};
const agent = { email: `agent-${run}@example.com`, password: 'linen-Agent-2026' };

let step = 'starting';
const pageErrors = [];

/** Log-in form: email and password, then "Log in". */
async function submitLogIn(page, email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function expectInbox(page, who) {
  await expectVisible(page.getByRole('heading', { name: 'Inbox', level: 1 }), `the inbox, ${who}`);
}

/** Signs up, confirms the address from the emailed link, logs in. */
async function signUpAndVerify(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  step = 'sign up';
  await page.goto(`${CONSOLE_URL}/`);
  await nav.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByLabel('Business name').fill(owner.businessName);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Check your email' }), 'the "check your email" page');
  await expectVisible(page.getByText(owner.email), 'the address the message went to');

  step = 'read the verification email';
  const mail = await awaitMail(MAIL_URL, owner.email, 'Confirm your email', MAIL_TIMEOUT_MS);
  const link = linkIn(mail, '/verify-email');
  if (!link.startsWith(`${CONSOLE_URL}/`)) {
    throw new Error(`the verification link does not open the console at ${CONSOLE_URL}: ${link}`);
  }

  step = 'open the verification link';
  await page.goto(link);
  await expectVisible(page.getByText('Your email address is confirmed.'), 'the confirmation of the address');
  await page.screenshot({ path: join(ARTIFACTS, 'email-confirmed.png'), fullPage: true });

  step = 'log in';
  await page.getByRole('link', { name: 'Log in' }).first().click();
  await submitLogIn(page, owner.email, owner.password);
  await expectInbox(page, 'after the first log-in');
}

/** Settings → Security: turns TOTP on with a code computed from the key shown; returns the key and the step used. */
async function enrolTwoFactor(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  step = 'open Settings → Security';
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Security' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Security', level: 1 }), 'the Security page');
  await expectVisible(page.getByText('Off. Add a code from your phone'), 'two-factor authentication shown off');

  step = 'set up two-factor authentication';
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expectVisible(page.getByRole('img', { name: 'QR code for your authenticator app' }), 'the QR code');
  const secret = (await page.getByLabel('Secret key').innerText()).trim();
  if (!/^[A-Z2-7]{16,}=*$/.test(secret.replace(/\s/g, ''))) {
    throw new Error(`the key shown is not a base32 authenticator key: "${secret}"`);
  }
  const enrolStep = totpStep();
  await page.getByLabel('Code from your app').fill(totpCode(secret, enrolStep));
  await page.getByRole('button', { name: 'Turn on' }).click();

  step = 'see the recovery codes';
  await expectVisible(page.getByText('Two-factor authentication is on.'), 'the confirmation that 2FA is on');
  const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts();
  if (codes.length !== RECOVERY_CODES || new Set(codes).size !== RECOVERY_CODES || codes.some((code) => !code.trim())) {
    throw new Error(`expected ${RECOVERY_CODES} distinct recovery codes, saw ${JSON.stringify(codes)}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'recovery-codes.png'), fullPage: true });
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  await expectVisible(page.getByText('On: every log-in asks for a code'), 'two-factor authentication shown on');
  if ((await page.getByRole('list', { name: 'Recovery codes' }).count()) > 0) {
    throw new Error('the recovery codes are still on screen after "I have saved my recovery codes"');
  }
  return { secret, enrolStep };
}

/** Logs out, then in with the password and a code of a later step than the one used to enrol (a fresh code). */
async function logInWithCode(page, { secret, enrolStep }) {
  step = 'log out';
  await page.getByRole('button', { name: 'Log out' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Log in', level: 1 }), 'the log-in page after logging out');

  step = 'log in with the password: the code step';
  await submitLogIn(page, owner.email, owner.password);
  await expectVisible(page.getByRole('heading', { name: 'Two-factor authentication' }), 'the code step of the log-in');
  if ((await page.getByRole('heading', { name: 'Inbox' }).count()) > 0) {
    throw new Error('the password alone opened the console although 2FA is on');
  }

  step = 'wait for the app to show a fresh code';
  const freshFrom = (enrolStep + 1) * TOTP_STEP_SECONDS * 1000;
  if (Date.now() < freshFrom) {
    await page.waitForTimeout(freshFrom - Date.now() + 250);
  }

  step = 'enter the fresh code';
  await page.getByLabel('Authentication code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  // The console takes the member back to where they were when they logged out: Settings → Security.
  await expectVisible(page.getByRole('heading', { name: 'Security', level: 1 }),
    'the Security page again, after the log-in with a code');
  await expectVisible(page.getByText('On: every log-in asks for a code'), 'two-factor authentication still on');
}

/** Settings → Team: invites the agent; returns the accept link from the invitation mail. */
async function invite(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  step = 'open Settings → Team';
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Team' }).click();
  const members = page.getByRole('table', { name: 'Members' });
  await expectVisible(members.getByRole('row').filter({ hasText: owner.email }).filter({ hasText: 'Owner' }),
    'the owner in the member list');

  step = 'invite a member as Agent';
  const form = page.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email').fill(agent.email);
  await form.getByLabel('Role').selectOption('AGENT');
  await form.getByRole('button', { name: 'Invite' }).click();
  await expectVisible(form.getByText(`Invitation for ${agent.email} created and emailed to them.`),
    'the confirmation that the invitation was emailed');
  const pending = page.getByRole('table', { name: 'Pending invitations' }).getByRole('row').filter({ hasText: agent.email });
  await expectVisible(pending.filter({ has: page.getByRole('cell', { name: 'Agent', exact: true }) }),
    'the invitation listed as pending, for an Agent');
  await page.screenshot({ path: join(ARTIFACTS, 'invited.png'), fullPage: true });

  step = 'read the invitation email';
  const mail = await awaitMail(MAIL_URL, agent.email, 'invited you', MAIL_TIMEOUT_MS);
  if (!mail.subject.includes(owner.businessName)) {
    throw new Error(`the invitation mail does not name the business "${owner.businessName}": "${mail.subject}"`);
  }
  const link = linkIn(mail, '/invite');
  if (!link.startsWith(`${CONSOLE_URL}/`)) {
    throw new Error(`the invitation link does not open the console at ${CONSOLE_URL}: ${link}`);
  }
  return link;
}

/** In the invitee's own browser: accepts with a new password and sees the console as an Agent. */
async function accept(page, link) {
  step = "open the invitation link in the invitee's browser";
  await page.goto(link);
  await expectVisible(page.getByRole('heading', { name: 'Join a business' }), 'the invitation page');

  step = 'set a password and accept';
  await page.getByRole('form', { name: 'Accept the invitation' }).getByLabel('Password').fill(agent.password);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expectInbox(page, 'as the new member');

  step = 'see the console as an Agent';
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const tabs = page.getByRole('navigation', { name: 'Settings' });
  await tabs.getByRole('link', { name: 'Team' }).click();
  const me = page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: agent.email });
  await expectVisible(me.filter({ hasText: 'You' }).filter({ has: page.getByRole('cell', { name: 'Agent', exact: true }) }),
    'the member listed as you, an Agent');
  if ((await tabs.getByRole('link', { name: 'Activity' }).count()) > 0) {
    throw new Error('an Agent is offered the Activity log (owners and admins only)');
  }
  if ((await page.getByRole('form', { name: 'Invite a member' }).count()) > 0) {
    throw new Error('an Agent is offered the invitation form (owners and admins only)');
  }
  await page.screenshot({ path: join(ARTIFACTS, 'agent-team.png'), fullPage: true });
}

/** Back as the owner: Settings → Activity lists what happened, each with who and a time of this run. */
async function activity(page, startedAt) {
  step = 'open Settings → Activity as the owner';
  const tabs = page.getByRole('navigation', { name: 'Settings' });
  const table = page.getByRole('table', { name: 'Activity' });
  const expected = [
    ['Signed in', owner.email],
    ['Two factor enabled', owner.email],
    ['Invitation sent', owner.email],
    ['Member joined', agent.email],
    ['Signed in', agent.email],
  ];
  const rowOf = ([what, who]) =>
    table.getByRole('row').filter({ has: page.getByRole('cell', { name: what, exact: true }) }).filter({ hasText: who });
  const deadline = Date.now() + ACTIVITY_TIMEOUT_MS;
  let missing = expected;
  // The member's joining reaches the log through Kafka: open the page again, as a person would, until it shows.
  while (missing.length > 0) {
    await tabs.getByRole('link', { name: 'Team' }).click();
    await tabs.getByRole('link', { name: 'Activity' }).click();
    await expectVisible(table, 'the activity table');
    missing = [];
    for (const entry of expected) {
      if ((await rowOf(entry).count()) === 0) {
        missing.push(entry);
      }
    }
    if (missing.length > 0 && Date.now() > deadline) {
      throw new Error(`the activity log lacks ${JSON.stringify(missing)} after ${ACTIVITY_TIMEOUT_MS / 1000} s`);
    }
    if (missing.length > 0) {
      await page.waitForTimeout(1_000);
    }
  }

  step = 'check when each entry happened';
  for (const entry of expected) {
    const time = rowOf(entry).first().locator('time');
    const at = Date.parse(await time.getAttribute('datetime'));
    const shown = (await time.innerText()).trim();
    if (Number.isNaN(at) || at < startedAt - 60_000 || at > Date.now() + 60_000 || !shown) {
      throw new Error(`"${entry[0]}" by ${entry[1]} shows the time "${shown}" (${await time.getAttribute('datetime')}), ` +
        'not one of this run');
    }
  }
  // Its details name the role given (identity writes "Invited as AGENT").
  const details = (await rowOf(['Invitation sent', owner.email]).first().getByRole('cell').nth(3).innerText()).trim();
  if (!/\bAGENT\b/.test(details)) {
    throw new Error(`the "Invitation sent" entry's details are "${details}", without the role AGENT`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'activity.png'), fullPage: true });
}

async function main() {
  if (!MAIL_URL) {
    throw new Error('SELLAVIE_E2E_MAIL_URL is not set (the mail catcher the stack sends account emails to)');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  step = `launch ${CHROMIUM}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  const pages = {};
  try {
    const open = async (who) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
      recordFailedApiCalls(page);
      pages[who] = page;
      return page;
    };
    const started = Date.now();
    const ownerPage = await open('owner');
    await signUpAndVerify(ownerPage);
    const totp = await enrolTwoFactor(ownerPage);
    await logInWithCode(ownerPage, totp);
    const link = await invite(ownerPage);
    await accept(await open('agent'), link);
    await activity(ownerPage, started);
    if (pageErrors.length > 0) {
      step = 'check the pages for script errors';
      throw new Error(`uncaught errors in the console: ${pageErrors.join(' | ')}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`e2e: ok in ${seconds} s: ${owner.email} signed up, confirmed the address from the mail, turned on 2FA, ` +
      `logged in with a code, invited ${agent.email} who joined as an Agent, and saw it all in the activity log`);
  } catch (error) {
    const shots = [];
    for (const [who, page] of Object.entries(pages)) {
      const shot = join(ARTIFACTS, `failure-${who}.png`);
      await page.screenshot({ path: shot, fullPage: true }).then(() => shots.push(`${shot} at ${page.url()}`), () => {});
    }
    error.message += ` (screenshots: ${shots.join('; ') || 'none'})`;
    throw error;
  } finally {
    await browser.close();
  }
}

await runAndExit(main, () => step, pageErrors);
