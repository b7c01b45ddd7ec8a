// The console journey in a real browser, against a running stack (system-tests' ConsoleBrowserJourneyIT
// runs it; see system-tests/README.md): a merchant signs up, logs in, finds connecting refused until the
// address is confirmed, opens the emailed verification link, connects an Instagram channel, sees the empty
// inbox; a customer's DM arrives as Meta's signed webhook; the conversation appears in the inbox without
// a reload, and opening it shows the DM and the assistant's reply. Then the handoff: the merchant takes the
// conversation over, replies from the composer (seen Sent), the customer writes again and the assistant
// stays silent, the merchant releases it, the customer writes once more and the assistant answers. Then
// the contact editor: the contact is renamed (with notes), a blank name is refused with nothing saved, and
// the inbox shows the new name. Then "Try your assistant": the merchant writes to the assistant in the sandbox chat and sees its
// reply appear (Sent), and the test conversation stays out of the inbox. Then the merchant's commerce screens:
// a product added and edited in the Catalog, and Stripe set up under Settings → Payments (masked keys,
// the webhook URL to paste into Stripe's dashboard). Then an order: the customer DMs "I'd like 2 linen
// shirts" (the offline assistant turns it into a CHECKOUT of LINEN-SHIRT), the merchant finds the order
// PENDING_PAYMENT under Orders and opens it; a Stripe-signed `checkout.session.completed` for its Checkout
// Session is posted to the webhook URL the settings showed; the order turns Paid without a reload, its
// invoice appears under Invoices and the PDF downloads as `<invoice number>.pdf`. Last, when the caller's
// Meta stub plays Facebook Login (SELLAVIE_E2E_FACEBOOK_PAGE): "Connect with Facebook" goes to Meta's dialog,
// the user cancels and is back on the console with "Facebook Login was cancelled" and nothing connected;
// then again, granted this time: the picker offers the Page and its Instagram account, "Connect selected"
// connects both and the Channels page lists them Connected. Then, when the caller plays two AI providers
// (SELLAVIE_E2E_KNOWLEDGE_ANSWER): a question added in Settings → Knowledge, Settings → AI ordered openai then groq,
// a sandbox message answered by openai (labelled "OpenAI · gpt-4o-mini", its text the one the stub gives only when
// the prompt carries the new answer), groq moved up, and the next reply labelled Groq.
//
// Plain playwright-core driving Debian's chromium: no browser is ever downloaded.
//
//   SELLAVIE_CONSOLE_URL      the gateway, serving the built console (default http://localhost:8080)
//   SELLAVIE_META_APP_SECRET  the app secret webhook-ingest-service verifies signatures with (required)
//   SELLAVIE_E2E_MAIL_URL     the mail catcher's page (required): the verification link is read from its JSON,
//                             <url>/api/mailboxes/<address>
//   SELLAVIE_CHROMIUM         the browser (default /usr/bin/chromium)
//   SELLAVIE_E2E_ARTIFACTS    where screenshots go (default <temp dir>/sellavie-e2e)
//   SELLAVIE_E2E_UNKNOWN_CUSTOMER  optional: a customer whose reply the caller's Send API stub accepts only
//                             after the service stopped waiting (so its delivery is UNKNOWN); the journey
//                             then finds it under "Needs attention" and marks it delivered.
//   SELLAVIE_E2E_RESEND_CUSTOMER  optional (with the above): a customer whose first reply the Send API stub
//                             accepts too late and every later one at once; the journey resends it from its thread.
//   SELLAVIE_E2E_INSTAGRAM_ACCOUNT, SELLAVIE_E2E_CHANNEL_TOKEN  optional: the Instagram account id and the
//                             token to connect it with, which the caller's Graph API stub answers for
//                             (GET /me); otherwise fresh ones (a real Meta would then refuse the connect).
//   SELLAVIE_E2E_FACEBOOK_PAGE, SELLAVIE_E2E_FACEBOOK_PAGE_NAME, SELLAVIE_E2E_FACEBOOK_INSTAGRAM  optional: the
//                             Page (id, name) and linked Instagram account id of the Facebook user whom the
//                             caller's stub of Meta's OAuth dialog signs in; its first dialog must answer as
//                             a cancel (error=access_denied), the next ones grant. Unset: no Facebook step.
//   SELLAVIE_E2E_KNOWLEDGE_ANSWER, SELLAVIE_E2E_OPENAI_REPLY, SELLAVIE_E2E_GROQ_REPLY  optional: the FAQ answer
//                             to add, and what the caller's openai stub answers when its prompt carries it and
//                             what its groq stub answers (ai-service offering both as platform providers).
//                             Unset: no provider-order step.
//   SELLAVIE_E2E_ROUTE_GATE   "stdin": after connecting the channel, print `e2e: route-gate <account id>`
//                             and wait for one line on stdin before posting the DM. A DM that arrives
//                             before ingest has learnt the new channel's route is (rightly) unroutable;
//                             the caller, who can see the broker, answers once the route is learnt.
//
// Exit 0 with one line on success; otherwise a failure screenshot, the failed step on stderr, exit 1.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, awaitMail, expectVisible, linkIn, recordFailedApiCalls, runAndExit } from './lib.mjs';

const CONSOLE_URL = (process.env.SELLAVIE_CONSOLE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const APP_SECRET = process.env.SELLAVIE_META_APP_SECRET;
const CHROMIUM = process.env.SELLAVIE_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(process.env.SELLAVIE_E2E_ARTIFACTS ?? join(tmpdir(), 'sellavie-e2e'));
const ROUTE_GATE = process.env.SELLAVIE_E2E_ROUTE_GATE;
const MAIL_URL = process.env.SELLAVIE_E2E_MAIL_URL?.replace(/\/+$/, '');
const UNKNOWN_CUSTOMER = process.env.SELLAVIE_E2E_UNKNOWN_CUSTOMER;
const RESEND_CUSTOMER = process.env.SELLAVIE_E2E_RESEND_CUSTOMER;
const FACEBOOK = process.env.SELLAVIE_E2E_FACEBOOK_PAGE
  ? {
      pageId: process.env.SELLAVIE_E2E_FACEBOOK_PAGE,
      pageName: process.env.SELLAVIE_E2E_FACEBOOK_PAGE_NAME,
      instagramId: process.env.SELLAVIE_E2E_FACEBOOK_INSTAGRAM,
    }
  : null;

const ASSISTANT = process.env.SELLAVIE_E2E_KNOWLEDGE_ANSWER
  ? {
      knowledgeAnswer: process.env.SELLAVIE_E2E_KNOWLEDGE_ANSWER,
      openAiReply: process.env.SELLAVIE_E2E_OPENAI_REPLY,
      groqReply: process.env.SELLAVIE_E2E_GROQ_REPLY,
    }
  : null;

/** Bounded waits: the UI itself, a conversation after the webhook (inbox polls every 3 s), the AI's reply. */
const UI_TIMEOUT_MS = 15_000;
const CONVERSATION_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 60_000;
/** A reply whose Send API call times out (8 s) before it shows as UNKNOWN, then "Needs attention" polls (3 s). */
const UNKNOWN_TIMEOUT_MS = 60_000;
const ROUTE_GATE_TIMEOUT_MS = 90_000;
/** The purchase DM -> the assistant's CHECKOUT -> an order with its Stripe Checkout Session. */
const ORDER_TIMEOUT_MS = 60_000;
/**
 * How long the thread is watched for an assistant reply that must not come while the conversation is
 * taken over: several times what a reply takes on a warm stack (~2 s to the Send API, then the 3 s poll).
 * The thread's order after the release (the DMs of a conversation are answered in order) covers the rest.
 */
const SILENCE_MS = 8_000;
/** The Stripe webhook -> PaymentEventReceived -> OrderPaid (the detail polls every 3 s). */
const PAYMENT_TIMEOUT_MS = 60_000;
/** OrderPaid -> InvoiceIssued, the Invoices list read again every few seconds. */
const INVOICE_TIMEOUT_MS = 60_000;

const run = randomUUID().slice(0, 8);
const merchant = {
  email: `browser-${run}@example.com`,
  password: 'linen-Shirts-2026',
  businessName: `Linen Loft ${run}`,
};
const channel = {
  // Numeric like Meta's ids, and unique per run: the stack is shared with other journeys. The caller
  // may name both, having told its Graph API stub that this token controls this account (the console's
  // connect is proven with Meta: GET /me).
  accountId: process.env.SELLAVIE_E2E_INSTAGRAM_ACCOUNT ?? `178415${Date.now()}${Math.floor(Math.random() * 1000)}`,
  name: `Linen Loft ${run} on Instagram`,
  token: process.env.SELLAVIE_E2E_CHANNEL_TOKEN ?? `EAAB${randomUUID().replaceAll('-', '')}`,
};
const customer = `IGSID-browser-${run}`;
const dmText = `Hi! Is the linen shirt in size M back in stock? (${run})`;
/**
 * The product the order is for, and the purchase DM. The offline assistant (ai-service README,
 * "Providers": offline) finds the product by its name, plural allowed ("linen shirts" names "Linen
 * shirt"), and reads the quantity from the rest of the message: no other digits may be in it (so no run
 * id here). The catalog is the business's own, so the fixed SKU is unique per run.
 */
const product = { sku: 'LINEN-SHIRT', name: 'Linen shirt', currency: 'EUR', price: '49.50', priceMinor: 4950, stock: '12' };
const purchaseDm = "I'd like 2 linen shirts";
/** The handoff's texts: none names a person (a keyword that hands off) or a product. */
const handoff = {
  teamReply: `Hello from the team: yes, we deliver to Ibadan on Saturdays. (${run})`,
  whileTakenOver: `Can I pay on delivery? (${run})`,
  afterRelease: `Are you open on Sundays? (${run})`,
};
const purchaseQty = 2;
/** The contact editor's new name and notes. */
const contactEdit = { name: `Ada Bello ${run}`, notes: `Prefers delivery on Saturdays. (${run})` };
/** The sandbox chat's message: names no product (the catalog has LINEN-SHIRT by then) and no person. */
const sandboxText = `Hello! Do you deliver to Lagos? (${run})`;

let step = 'starting';
const pageErrors = [];

/** A customer's Instagram DM exactly as Meta delivers it (PROVIDERS.md §1.5), with Meta's `\/` escape. */
function instagramDmBody(customer, dmText) {
  const timestamp = Date.now();
  const mid = `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${run}${timestamp}`;
  const json =
    `{"object":"instagram","entry":[{"id":"${channel.accountId}","time":${timestamp},` +
    `"messaging":[{"sender":{"id":"${customer}"},"recipient":{"id":"${channel.accountId}"},` +
    `"timestamp":${timestamp},"message":{"mid":"${mid}","text":"${dmText.replaceAll('/', '\\/')}"}}]}]}`;
  return Buffer.from(json, 'utf8');
}

/** Meta's X-Hub-Signature-256: HMAC-SHA256 with the app secret over the exact bytes sent. */
function signature(body) {
  return `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
}

async function postSignedDm(from = customer, text = dmText) {
  const body = instagramDmBody(from, text);
  const response = await fetch(`${CONSOLE_URL}/webhooks/meta`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature(body) },
    body,
    signal: AbortSignal.timeout(UI_TIMEOUT_MS),
  });
  if (response.status !== 200) {
    throw new Error(`POST /webhooks/meta answered ${response.status}: ${await response.text()}`);
  }
}

/** Waits for one line on stdin (the caller saying ingest has learnt the channel's route). */
function awaitRouteGate() {
  console.log(`e2e: route-gate ${channel.accountId}`);
  return new Promise((resolveGate, rejectGate) => {
    const lines = createInterface({ input: process.stdin });
    const timer = setTimeout(() => {
      lines.close();
      rejectGate(new Error(`no answer on stdin within ${ROUTE_GATE_TIMEOUT_MS / 1000} s`));
    }, ROUTE_GATE_TIMEOUT_MS);
    const onClose = () => {
      clearTimeout(timer);
      rejectGate(new Error('stdin closed before the route was learnt'));
    };
    lines.once('close', onClose);
    lines.once('line', () => {
      clearTimeout(timer);
      lines.off('close', onClose); // closing the interface below is no failure
      lines.close();
      resolveGate();
    });
  });
}

async function journey(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });

  step = 'open the console';
  await page.goto(`${CONSOLE_URL}/`);
  await nav.getByRole('link', { name: 'Sign up' }).click();

  step = 'sign up';
  await page.getByLabel('Email').fill(merchant.email);
  await page.getByLabel('Password').fill(merchant.password);
  await page.getByLabel('Business name').fill(merchant.businessName);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Check your email' }), 'the "check your email" page after sign-up');

  step = 'log in';
  await nav.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(merchant.email);
  await page.getByLabel('Password').fill(merchant.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Inbox', level: 1 }), 'the inbox after log-in');

  step = 'find connecting refused until the email address is confirmed';
  await nav.getByRole('link', { name: 'Channels' }).click();
  await expectVisible(page.getByText(`We sent a link to ${merchant.email}`), 'the "confirm your email" banner');
  if (await page.getByRole('button', { name: 'Connect', exact: true }).isEnabled()) {
    throw new Error('Connect is enabled before the email address is confirmed');
  }

  step = 'open the verification link from the email';
  await page.goto(linkIn(await awaitMail(MAIL_URL, merchant.email, 'Confirm your email address', CONVERSATION_TIMEOUT_MS), '/verify-email'));
  await expectVisible(page.getByText('Your email address is confirmed.'), 'the confirmation of the address');
  // The page renewed the session (refresh cookie): its new token says the address is confirmed.
  await page.getByRole('link', { name: 'Go to Channels' }).click();

  step = 'connect an Instagram channel';
  await expectVisible(page.getByRole('heading', { name: 'Channels', level: 1 }), 'the Channels page');
  if (await page.getByText(`We sent a link to ${merchant.email}`).count() > 0) {
    throw new Error('the "confirm your email" banner is still shown after the address was confirmed');
  }
  await page.getByLabel('Instagram account id').fill(channel.accountId);
  await page.getByLabel('Channel name').fill(channel.name);
  await page.getByLabel('Access token').fill(channel.token);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: channel.accountId });
  await expectVisible(row, `the channel ${channel.accountId} in the channel list`);
  const shownToken = (await row.getByRole('cell').nth(3).innerText()).trim();
  if (!shownToken.includes('…') || !channel.token.startsWith(shownToken.slice(0, 4))
      || !channel.token.endsWith(shownToken.slice(-4))) {
    throw new Error(`the access token is not shown masked like EAAB…4f2a: "${shownToken}"`);
  }
  if ((await page.content()).includes(channel.token)) {
    throw new Error('the full access token is on the page');
  }
  await expectVisible(page.getByRole('status').filter({ hasText: `Access token stored as ${shownToken}` }),
    'the confirmation of the connection, with the masked token');

  step = 'open the empty inbox';
  await nav.getByRole('link', { name: 'Inbox' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Inbox', level: 1 }), 'the Inbox heading');
  await expectVisible(page.getByRole('heading', { name: 'No conversations yet' }), 'the empty inbox');
  // Survives only if the page is never reloaded: the conversation must arrive by polling.
  await page.evaluate(() => {
    window.sellavieE2eNoReload = true;
  });

  if (ROUTE_GATE === 'stdin') {
    step = 'wait until ingest has learnt the channel (route gate)';
    await awaitRouteGate();
  }

  step = 'post a signed Instagram DM to /webhooks/meta';
  await postSignedDm();

  step = 'see the conversation appear in the inbox';
  const conversation = page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link')
    .filter({ hasText: customer });
  await expectVisible(conversation, `the conversation with ${customer}`, CONVERSATION_TIMEOUT_MS);
  if (!(await page.evaluate(() => window.sellavieE2eNoReload === true))) {
    throw new Error('the page was reloaded: the conversation must appear by polling');
  }

  step = 'open the conversation: the DM and the reply';
  await conversation.first().click();
  const thread = page.getByRole('list', { name: 'Messages' });
  await expectVisible(thread.getByRole('listitem').filter({ hasText: dmText }), "the customer's message");
  const reply = thread.getByRole('listitem').filter({ hasText: 'Assistant:' }).filter({ hasText: 'Sent' });
  await expectVisible(reply, "the assistant's reply, sent", REPLY_TIMEOUT_MS);
  const replyText = (await reply.first().locator('.message-text').innerText()).trim();
  if (replyText.length === 0 || replyText.includes('[[') || replyText.includes(']]')) {
    throw new Error(`the reply shown is empty or carries action tags: "${replyText}"`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'conversation.png'), fullPage: true });

  step = 'back to the inbox';
  await page.getByRole('link', { name: '← Inbox' }).click();
  await expectVisible(conversation, 'the conversation in the inbox');
  await page.screenshot({ path: join(ARTIFACTS, 'inbox.png'), fullPage: true });
  return replyText;
}

/** Every message of the thread, oldest first, as its text content (author, text, status). */
async function threadItems(thread) {
  return thread.getByRole('listitem').allTextContents();
}

/**
 * The handoff in the console: take the conversation over, reply from the composer (Sent), the customer
 * writes and the assistant stays silent, release, the customer writes again and the assistant answers.
 */
async function handoffJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const thread = page.getByRole('list', { name: 'Messages' });
  const header = page.locator('.conversation-header');
  const whoAnswers = page.getByRole('group', { name: 'Who answers' });

  step = 'open the conversation again from the inbox';
  await nav.getByRole('link', { name: 'Inbox' }).click();
  await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link')
    .filter({ hasText: customer })
    .first()
    .click();
  await expectVisible(thread.getByRole('listitem').filter({ hasText: dmText }), "the customer's first message");

  step = 'take the conversation over';
  await whoAnswers.getByRole('button', { name: 'Take over' }).click();
  await expectVisible(header.locator('.badge').filter({ hasText: /^human$/i }), 'the conversation shown Human');
  await expectVisible(page.getByRole('group', { name: 'Assignment' }).getByText('Assigned to you'),
    'the conversation assigned to the merchant');

  step = 'reply from the composer';
  const composer = page.getByRole('form', { name: 'Reply' });
  await composer.getByLabel('Message').fill(handoff.teamReply);
  await composer.getByRole('button', { name: 'Send' }).click();
  const teamReply = thread.getByRole('listitem').filter({ hasText: handoff.teamReply });
  await expectVisible(teamReply.filter({ hasText: 'You:' }).filter({ hasText: 'Sent' }), 'the reply, as yours, Sent',
    REPLY_TIMEOUT_MS);

  step = 'the customer writes during the takeover: the assistant stays silent';
  await postSignedDm(customer, handoff.whileTakenOver);
  const silentDm = thread.getByRole('listitem').filter({ hasText: handoff.whileTakenOver });
  await expectVisible(silentDm, "the customer's message during the takeover", CONVERSATION_TIMEOUT_MS);
  await page.waitForTimeout(SILENCE_MS);
  const afterSilentDm = await silentDm.first().locator('xpath=following-sibling::li').allTextContents();
  if (afterSilentDm.length > 0) {
    throw new Error(`something answered the customer during the takeover: ${JSON.stringify(afterSilentDm)}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'handoff.png'), fullPage: true });

  step = 'release the conversation to the assistant';
  await whoAnswers.getByRole('button', { name: 'Release' }).click();
  await expectVisible(header.locator('.badge').filter({ hasText: /^bot$/i }), 'the conversation shown Bot');

  step = 'the customer writes after the release: the assistant answers';
  await postSignedDm(customer, handoff.afterRelease);
  const answered = thread
    .getByRole('listitem')
    .filter({ hasText: handoff.afterRelease })
    .locator('xpath=following-sibling::li[1]')
    .filter({ hasText: 'Assistant:' })
    .filter({ hasText: 'Sent' });
  await expectVisible(answered, "the assistant's answer after the release, Sent", REPLY_TIMEOUT_MS);
  // In order: the assistant's first reply, the team's, the silent DM answered by nobody, then the new answer.
  const items = await threadItems(thread);
  const at = (text) => items.findIndex((item) => item.includes(text));
  const silentAt = at(handoff.whileTakenOver);
  if (!(at(handoff.teamReply) < silentAt && items[silentAt + 1]?.includes(handoff.afterRelease))) {
    throw new Error(`the thread is not in the expected order: ${JSON.stringify(items)}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'released.png'), fullPage: true });
}

/**
 * The contact editor: the contact is renamed with notes (the header shows the new name), a blank name is then
 * refused with nothing saved, and the inbox lists the conversation under the new name.
 */
async function contactJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const conversations = page.getByRole('list', { name: 'Conversations' });

  step = 'open the conversation to edit its contact';
  await nav.getByRole('link', { name: 'Inbox' }).click();
  await conversations.getByRole('link').filter({ hasText: customer }).first().click();
  const card = page.getByRole('region', { name: 'Contact' });
  const form = page.getByRole('form', { name: 'Edit contact' });
  const name = form.getByLabel('Name', { exact: true });
  const notes = form.getByLabel('Notes', { exact: true });

  step = 'rename the contact and write notes';
  await card.getByRole('button', { name: 'Edit contact' }).click();
  await name.fill(contactEdit.name);
  await notes.fill(contactEdit.notes);
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expectVisible(page.getByRole('heading', { name: contactEdit.name, level: 1 }), 'the new name as the heading');
  await expectVisible(card.getByText(contactEdit.notes), "the contact's notes");
  await page.screenshot({ path: join(ARTIFACTS, 'contact.png'), fullPage: true });

  step = 'a blank name is refused and neither field is saved';
  await card.getByRole('button', { name: 'Edit contact' }).click();
  await name.fill('   ');
  await notes.fill(`Changed notes (${run})`);
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expectVisible(form.getByText('Enter a name.'), 'the refusal of a blank name');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expectVisible(card.getByText(contactEdit.notes), 'the notes unchanged after the refusal');
  await expectVisible(page.getByRole('heading', { name: contactEdit.name, level: 1 }), 'the name unchanged after the refusal');

  step = 'see the new name in the inbox';
  await nav.getByRole('link', { name: 'Inbox' }).click();
  await expectVisible(conversations.getByRole('link').filter({ hasText: contactEdit.name }),
    `the conversation listed as ${contactEdit.name}`);
}

/**
 * "Try your assistant": the merchant writes in the sandbox chat and the assistant's reply appears (Sent);
 * the test conversation is not in the inbox.
 */
async function sandboxJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });

  step = 'open Try your assistant';
  await nav.getByRole('link', { name: 'Try your assistant' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Try your assistant', level: 1 }), 'the sandbox chat');
  await expectVisible(page.getByText('No messages yet: say hello to your assistant.'), 'the empty sandbox chat');

  step = 'write to the assistant';
  const form = page.getByRole('form', { name: 'Message your assistant' });
  await form.getByLabel('Message').fill(sandboxText);
  await form.getByRole('button', { name: 'Send' }).click();
  const thread = page.getByRole('list', { name: 'Messages' });
  const mine = thread.getByRole('listitem').filter({ hasText: sandboxText });
  await expectVisible(mine, 'the message in the sandbox chat', CONVERSATION_TIMEOUT_MS);

  step = "see the assistant's reply in the sandbox chat";
  const answer = mine.locator('xpath=following-sibling::li[1]').filter({ hasText: 'Assistant:' }).filter({ hasText: 'Sent' });
  await expectVisible(answer, "the assistant's reply in the sandbox chat, Sent", REPLY_TIMEOUT_MS);
  const answerText = (await answer.first().locator('.message-text').innerText()).trim();
  if (answerText.length === 0 || answerText.includes('[[') || answerText.includes(']]')) {
    throw new Error(`the sandbox reply shown is empty or carries action tags: "${answerText}"`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'sandbox.png'), fullPage: true });

  step = 'the test conversation is not in the inbox';
  await nav.getByRole('link', { name: 'Inbox' }).click();
  const conversations = page.getByRole('list', { name: 'Conversations' });
  await expectVisible(conversations.getByRole('link').filter({ hasText: contactEdit.name }), 'the inbox');
  if ((await conversations.getByRole('link').filter({ hasText: sandboxText }).count()) > 0) {
    throw new Error('the sandbox conversation is listed in the inbox');
  }
  return answerText;
}

/**
 * The assistant's providers and knowledge: a question added in Settings → Knowledge, the order openai then groq
 * saved in Settings → AI; a sandbox message is answered by openai, which read the new answer (its stub answers this
 * text only then), labelled "OpenAI · gpt-4o-mini"; groq moved up, the next one is labelled Groq.
 */
async function assistantJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const tabs = page.getByRole('navigation', { name: 'Settings' });

  step = 'add a question in Settings → Knowledge';
  await nav.getByRole('link', { name: 'Settings' }).click();
  await tabs.getByRole('link', { name: 'Knowledge' }).click();
  const knowledge = page.getByRole('form', { name: 'Assistant knowledge' });
  await expectVisible(knowledge, 'the knowledge editor');
  await knowledge.getByRole('button', { name: 'Add a question' }).click();
  const question = knowledge.getByRole('group', { name: /^Question \d+$/ }).last();
  await question.getByLabel('Topic').fill('abuja');
  await question.getByLabel('Question (optional)').fill('Do you deliver to Abuja?');
  await question.getByLabel('Answer').fill(ASSISTANT.knowledgeAnswer);
  await knowledge.getByRole('button', { name: 'Save' }).click();
  await expectVisible(knowledge.getByText(/^Saved\./), 'the knowledge saved');

  step = 'order the providers openai then groq in Settings → AI';
  await tabs.getByRole('link', { name: 'AI' }).click();
  const settings = page.getByRole('form', { name: 'AI settings' });
  await expectVisible(settings, 'the AI settings');
  for (const provider of ['openai', 'groq']) {
    await settings.getByLabel('Add a provider').selectOption(provider);
    await settings.getByRole('button', { name: 'Add', exact: true }).click();
    await expectVisible(settings.getByRole('listitem', { name: `Provider ${provider}` }), `${provider} in the order`);
  }
  // Only the platform's providers answer: the offline assistant (the default) leaves the order.
  if ((await settings.getByRole('button', { name: 'Remove offline' }).count()) > 0) {
    await settings.getByRole('button', { name: 'Remove offline' }).click();
  }
  await settings.getByRole('button', { name: 'Save' }).click();
  await expectVisible(settings.getByText(/^Saved\./), 'the AI settings saved');

  const ask = async (text, reply, label) => {
    await nav.getByRole('link', { name: 'Try your assistant' }).click();
    const form = page.getByRole('form', { name: 'Message your assistant' });
    await form.getByLabel('Message').fill(text);
    await form.getByRole('button', { name: 'Send' }).click();
    const mine = page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
    await expectVisible(mine, 'the message in the sandbox chat', CONVERSATION_TIMEOUT_MS);
    const answer = mine.locator('xpath=following-sibling::li[1]').filter({ hasText: 'Assistant:' });
    await expectVisible(answer, "the assistant's reply", REPLY_TIMEOUT_MS);
    const shown = (await answer.first().innerText()).replace(/\s+/g, ' ');
    if (!shown.includes(reply) || !shown.includes(label)) {
      throw new Error(`expected the reply "${reply}" labelled "${label}", the chat shows: "${shown}"`);
    }
  };

  step = 'a sandbox reply answered by openai, from the new knowledge';
  await ask(`Do you deliver to Abuja? (${run})`, ASSISTANT.openAiReply, 'OpenAI · gpt-4o-mini');
  await page.screenshot({ path: join(ARTIFACTS, 'answered-by-openai.png'), fullPage: true });

  step = 'move groq first in Settings → AI';
  await nav.getByRole('link', { name: 'Settings' }).click();
  await tabs.getByRole('link', { name: 'AI' }).click();
  await expectVisible(settings.getByRole('listitem', { name: 'Provider groq' }), 'the provider order');
  await settings.getByRole('button', { name: 'Move groq up' }).click();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expectVisible(settings.getByText(/^Saved\./), 'the new order saved');

  step = 'the next sandbox reply answered by groq';
  await ask(`And to Kano? (${run})`, ASSISTANT.groqReply, 'Groq · llama-3.3-70b-versatile');
  await page.screenshot({ path: join(ARTIFACTS, 'answered-by-groq.png'), fullPage: true });
}

/** The Catalog (add a product, edit its price) and Settings → Payments (set up Stripe), as a merchant would. */
async function commerceJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const { sku } = product;

  step = 'add a product to the catalog';
  await nav.getByRole('link', { name: 'Catalog' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Catalog', level: 1 }), 'the Catalog page');
  await page.getByRole('button', { name: 'Add product' }).click();
  const form = page.getByRole('form', { name: 'Add product' });
  await form.getByLabel('SKU').fill(sku);
  await form.getByLabel('Name').fill(product.name);
  await form.getByLabel('Description').fill('White linen shirt, relaxed fit.');
  await form.getByLabel('Price').fill('45.00');
  await form.getByLabel('Currency').fill(product.currency);
  await form.getByLabel('Stock').fill(product.stock);
  await form.getByRole('button', { name: 'Save product' }).click();
  const row = page.getByRole('row').filter({ hasText: sku });
  await expectVisible(row.filter({ hasText: '45.00' }), `the product ${sku} at €45.00 in the catalog`);

  step = "edit the product's price";
  await row.first().getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: `Edit ${sku}` });
  await edit.getByLabel('Price').fill(product.price);
  await edit.getByRole('button', { name: 'Save product' }).click();
  await expectVisible(page.getByRole('row').filter({ hasText: sku }).filter({ hasText: product.price }),
    'the new price in the catalog');
  await page.screenshot({ path: join(ARTIFACTS, 'catalog.png'), fullPage: true });

  step = 'set up Stripe under Settings → Payments';
  const secretKey = `sk_test_${randomUUID().replaceAll('-', '')}`;
  const webhookSecret = `whsec_${randomUUID().replaceAll('-', '')}`;
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Payments', level: 1 }), 'the Payments settings');
  const stripe = page.getByRole('article', { name: 'Stripe' });
  await stripe.getByRole('button', { name: 'Set up Stripe' }).click();
  const settings = stripe.getByRole('form', { name: 'Stripe settings' });
  await settings.getByLabel('Secret key').fill(secretKey);
  await settings.getByLabel('Publishable key').fill(`pk_test_${run}${run}`);
  await settings.getByLabel('Webhook signing secret').fill(webhookSecret);
  await settings.getByLabel('Default currency').fill('EUR');
  await settings.getByRole('button', { name: 'Save Stripe' }).click();
  await expectVisible(stripe.getByText('Default'), 'Stripe configured as the default provider');
  const webhookUrl = (await stripe.locator('.webhook-url code').innerText()).trim();
  if (!/\/webhooks\/stripe\/pe_[A-Za-z0-9]{24}$/.test(webhookUrl)) {
    throw new Error(`the Stripe webhook URL is not shown as …/webhooks/stripe/pe_…: "${webhookUrl}"`);
  }
  const content = await page.content();
  if (content.includes(secretKey) || content.includes(webhookSecret)) {
    throw new Error('a Stripe secret is on the page after saving');
  }
  await expectVisible(stripe.getByText(`sk_test_…${secretKey.slice(-4)}`), 'the secret key shown masked');
  await page.screenshot({ path: join(ARTIFACTS, 'payments.png'), fullPage: true });
  return { sku, webhookUrl, webhookSecret };
}

/** Stripe's `Stripe-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the signing secret>`. */
function stripeSignature(body, secret) {
  const timestamp = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** A paid Checkout Session's `checkout.session.completed`, shaped as Stripe sends it (PROVIDERS.md §4). */
function checkoutSessionCompleted({ sessionId, orderId, amountMinor, currency }) {
  const event = {
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        client_reference_id: orderId,
        metadata: { order_id: orderId },
        amount_total: amountMinor,
        currency: currency.toLowerCase(),
        payment_status: 'paid',
        status: 'complete',
        mode: 'payment',
        payment_intent: `pi_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
      },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
  };
  return Buffer.from(JSON.stringify(event), 'utf8');
}

async function postStripeWebhook(webhookUrl, webhookSecret, payment) {
  const endpointId = new URL(webhookUrl).pathname.split('/').pop();
  const body = checkoutSessionCompleted(payment);
  const response = await fetch(`${CONSOLE_URL}/webhooks/stripe/${endpointId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripeSignature(body, webhookSecret) },
    body,
    signal: AbortSignal.timeout(UI_TIMEOUT_MS),
  });
  if (response.status !== 200) {
    throw new Error(`POST /webhooks/stripe/${endpointId} answered ${response.status}: ${await response.text()}`);
  }
}

/**
 * Waits for a list page to show `locator`, reading the page again every few seconds (the Orders and
 * Invoices lists are read once when opened; only an order's detail polls by itself).
 */
async function expectVisibleWithReloads(page, locator, what, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await locator
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(() => true, () => false);
    if (shown) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not show within ${timeout / 1000} s`);
    }
    await page.reload();
  }
}

/**
 * A DM becomes an order; the merchant follows it under Orders; a Stripe-signed payment turns it Paid
 * (seen without a reload); its invoice appears under Invoices and its PDF downloads.
 */
async function orderJourney(page, { webhookUrl, webhookSecret }) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const totalMinor = product.priceMinor * purchaseQty;
  const total = `€${(totalMinor / 100).toFixed(2)}`;

  step = `the customer DMs "${purchaseDm}"`;
  await postSignedDm(customer, purchaseDm);

  step = 'see the order under Orders, pending payment';
  await nav.getByRole('link', { name: 'Orders' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Orders', level: 1 }), 'the Orders page');
  const orderRow = page
    .getByRole('row')
    .filter({ hasText: `${purchaseQty} × ${product.name}` })
    .filter({ hasText: total })
    .filter({ hasText: /pending payment/i });
  await expectVisibleWithReloads(page, orderRow,
    `the order for ${purchaseQty} × ${product.name} (${total}, pending payment; did the assistant answer with a CHECKOUT?)`,
    ORDER_TIMEOUT_MS);
  await page.screenshot({ path: join(ARTIFACTS, 'orders.png'), fullPage: true });

  step = 'open the order and read its Stripe Checkout Session id';
  await orderRow.first().getByRole('link', { name: /^Order / }).click();
  await expectVisible(page.getByRole('heading', { name: /^Order /, level: 1 }), 'the order detail');
  // The checkout link is created just after the order: the detail polls until its reference shows.
  const reference = page.locator('.order-reference code');
  await expectVisible(reference, "the order's reference (the Checkout Session id)", ORDER_TIMEOUT_MS);
  const sessionId = (await reference.first().innerText()).trim();
  if (!/^cs_/.test(sessionId)) {
    throw new Error(`the order's reference is not a Stripe Checkout Session id (cs_…): "${sessionId}"`);
  }
  const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await expectVisible(page.locator('.order-total').filter({ hasText: total }), `the order's total ${total}`);
  await page.evaluate(() => {
    window.sellavieE2eNoReload = true;
  });

  step = 'post a Stripe-signed checkout.session.completed';
  await postStripeWebhook(webhookUrl, webhookSecret, {
    sessionId,
    orderId,
    amountMinor: totalMinor,
    currency: product.currency,
  });

  step = 'see the order turn Paid without a reload';
  // The status badge next to the order's heading (CSS shows badges in capitals; the text is "Paid").
  const paid = page.locator('.order .page-header .badge').filter({ hasText: /^paid$/i });
  await expectVisible(paid, 'the order shown Paid', PAYMENT_TIMEOUT_MS);
  if (!(await page.evaluate(() => window.sellavieE2eNoReload === true))) {
    throw new Error('the page was reloaded: the order must turn Paid by polling');
  }
  await page.screenshot({ path: join(ARTIFACTS, 'order-paid.png'), fullPage: true });

  step = 'see the invoice under Invoices';
  await nav.getByRole('link', { name: 'Invoices' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Invoices', level: 1 }), 'the Invoices page');
  const invoiceRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `Order ${shortOrderId(orderId)}` }) });
  await expectVisibleWithReloads(page, invoiceRow, `the invoice of order ${orderId}`, INVOICE_TIMEOUT_MS);
  const number = (await invoiceRow.first().getByRole('cell').first().innerText()).trim();
  if (!/^INV-\d{4}-\d{6}$/.test(number)) {
    throw new Error(`the invoice number is not shaped like INV-2026-000042: "${number}"`);
  }
  await expectVisible(invoiceRow.filter({ hasText: total }), `the invoice's total ${total}`);
  await page.screenshot({ path: join(ARTIFACTS, 'invoices.png'), fullPage: true });

  step = 'download the invoice PDF';
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    invoiceRow.first().getByRole('link', { name: `Download PDF of ${number}` }).click(),
  ]);
  if (download.suggestedFilename() !== `${number}.pdf`) {
    throw new Error(`the PDF downloads as "${download.suggestedFilename()}", not "${number}.pdf"`);
  }
  const pdf = await readFile(await download.path());
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new Error(`the downloaded ${number}.pdf is not a PDF (starts with "${pdf.subarray(0, 16).toString('latin1')}")`);
  }
  return { orderId, number };
}

/** As the console shows an order id: its first 8 hex digits, upper case (src/pages/orders/orderLabels.tsx). */
function shortOrderId(id) {
  return id.replaceAll('-', '').slice(0, 8).toUpperCase();
}

/** A reply whose delivery is UNKNOWN: found under "Needs attention", opened, marked delivered by the merchant. */
async function unknownDeliveryJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });

  step = 'post a DM whose reply Meta answers too late';
  await postSignedDm(UNKNOWN_CUSTOMER, `Do you ship to Kano? (${run})`);
  if (RESEND_CUSTOMER) {
    step = 'post another DM whose first reply Meta answers too late';
    await postSignedDm(RESEND_CUSTOMER, `Do you ship to Jos? (${run})`);
  }

  step = 'see the reply under Needs attention';
  await nav.getByRole('link', { name: 'Needs attention' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Needs attention', level: 1 }), 'the Needs attention page');
  await settleUnknownReply(page, nav, UNKNOWN_CUSTOMER, {
    button: 'Mark as delivered', path: '/mark-delivered', done: 'marked delivered', listShot: 'attention.png',
  });
  if (RESEND_CUSTOMER) {
    // The other action: the team checked Instagram, it did not arrive, so it is sent again. Meta accepts the
    // second send at once; the live feed moves the reply from "Sending…" to "Sent".
    await settleUnknownReply(page, nav, RESEND_CUSTOMER, {
      button: 'Resend', path: '/resend', done: 'resent', threadShot: 'resent.png',
    });
  }
}

/**
 * Finds `customer`'s UNKNOWN reply under Needs attention, opens its conversation, clicks `button` (its POST to
 * `path` awaited with the click) and sees the reply Sent with no unknown delivery left; `listShot` and
 * `threadShot` name optional screenshots of the list and of the settled thread.
 */
async function settleUnknownReply(page, nav, customer, { button, path, done, listShot, threadShot }) {
  step = `find the UNKNOWN reply to ${customer} under Needs attention`;
  await nav.getByRole('link', { name: 'Needs attention' }).click();
  const item = page
    .getByRole('list', { name: 'Replies needing attention' })
    .getByRole('link')
    .filter({ hasText: customer })
    .filter({ hasText: 'Delivery unknown' });
  await expectVisible(item, `the UNKNOWN reply to ${customer}`, UNKNOWN_TIMEOUT_MS);
  if (listShot) {
    await page.screenshot({ path: join(ARTIFACTS, listShot), fullPage: true });
  }

  step = `open its conversation and click "${button}"`;
  await item.first().click();
  const thread = page.getByRole('list', { name: 'Messages' });
  const unknownReply = thread.getByRole('listitem').filter({ hasText: 'Delivery unknown' });
  await expectVisible(unknownReply, 'the reply with its unknown delivery');
  // The answer is awaited with the click: a click that sent nothing fails here, saying so, not later as
  // "the reply marked Sent" never showing.
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith(path),
    { timeout: UI_TIMEOUT_MS },
  );
  await unknownReply.first().getByRole('button', { name: button }).click();
  const answer = await answered.catch(() => {
    throw new Error(`clicking "${button}" sent no request to the server`);
  });
  if (!answer.ok()) {
    throw new Error(`"${button}" was answered ${answer.status()}: ${await answer.text()}`);
  }

  step = `see the reply ${done} shown Sent`;
  const settled = thread.getByRole('listitem').filter({ hasText: 'Assistant:' }).filter({ hasText: 'Sent' });
  await expectVisible(settled, `the reply ${done}, shown Sent`);
  if ((await thread.getByRole('listitem').filter({ hasText: 'Delivery unknown' }).count()) > 0) {
    throw new Error(`the reply still shows an unknown delivery after it was ${done}`);
  }
  if (threadShot) {
    await page.screenshot({ path: join(ARTIFACTS, threadShot), fullPage: true });
  }
}

/**
 * "Connect with Facebook": a cancelled login connects nothing; a granted one offers the Page and its
 * Instagram account, and both end up Connected on the Channels page. The browser really leaves the
 * console for Meta's dialog and comes back (the session is restored from the refresh cookie).
 */
async function facebookJourney(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const channelRows = page.getByRole('row');

  step = 'Channels: Connect with Facebook, cancelled at Meta';
  await nav.getByRole('link', { name: 'Channels' }).click();
  await expectVisible(channelRows.filter({ hasText: channel.accountId }), 'the Instagram channel in the list');
  const rowsBefore = await channelRows.count();
  const connectWithFacebook = page.getByRole('button', { name: 'Connect with Facebook' });
  await expectVisible(connectWithFacebook, 'the "Connect with Facebook" button');
  await page.waitForFunction(
    () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Connect with Facebook' && !b.disabled),
    undefined,
    { timeout: UI_TIMEOUT_MS },
  ).catch(async (error) => {
    const hint = await page.locator('.facebook-connect').innerText().catch(() => '');
    throw new Error(`"Connect with Facebook" stayed disabled: ${hint}`, { cause: error });
  });
  await connectWithFacebook.click();
  await page.waitForURL(/\/channels\/facebook\/callback\?/, { timeout: UI_TIMEOUT_MS });
  await expectVisible(page.getByText('Facebook Login was cancelled'), 'the cancelled login, said so');
  await expectVisible(page.getByText('Nothing was connected.'), '"Nothing was connected."');
  if ((await page.getByRole('button', { name: 'Connect selected' }).count()) > 0) {
    throw new Error('the picker is offered after a cancelled login');
  }
  await page.screenshot({ path: join(ARTIFACTS, 'facebook-cancelled.png'), fullPage: true });

  step = 'back on Channels: nothing was connected';
  await page.getByRole('link', { name: 'Back to channels' }).click();
  await expectVisible(channelRows.filter({ hasText: channel.accountId }), 'the channel list again');
  if ((await channelRows.filter({ hasText: FACEBOOK.pageId }).count()) > 0 || (await channelRows.count()) !== rowsBefore) {
    throw new Error(`the cancelled login changed the channel list: ${JSON.stringify(await channelRows.allTextContents())}`);
  }

  step = 'Connect with Facebook, granted: the picker';
  await connectWithFacebook.click();
  await page.waitForURL(/\/channels\/facebook\/callback\?code=/, { timeout: UI_TIMEOUT_MS });
  const picker = page.getByRole('group', { name: 'Accounts to connect' });
  const pageChoice = picker.getByLabel(`Messenger: ${FACEBOOK.pageName}`);
  await expectVisible(pageChoice, `the Page ${FACEBOOK.pageName} in the picker`, CONVERSATION_TIMEOUT_MS);
  const choices = await picker.getByRole('checkbox').count();
  if (choices !== 2 || !(await pageChoice.isChecked())) {
    throw new Error(`the picker should offer the Page, picked, and its Instagram account: ${JSON.stringify(
      await picker.locator('label').allTextContents())}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'facebook-picker.png'), fullPage: true });

  step = 'Connect selected: both listed Connected';
  await page.getByRole('button', { name: 'Connect selected' }).click();
  await page.waitForURL(/\/channels$/, { timeout: CONVERSATION_TIMEOUT_MS });
  await expectVisible(page.getByRole('status').filter({ hasText: 'Connected with Facebook' }),
    'the "Connected with Facebook" confirmation');
  // The Instagram row names its Page too: each row is told apart by its type.
  for (const [what, type, id] of [['the Page', 'Messenger', FACEBOOK.pageId], ['its Instagram account', 'Instagram', FACEBOOK.instagramId]]) {
    const row = channelRows.filter({ hasText: id }).filter({ has: page.getByRole('cell', { name: type, exact: true }) });
    await expectVisible(row.locator('.badge').filter({ hasText: /^Connected$/ }), `${what} (${id}) listed Connected`);
  }
  if ((await page.getByText('Not connected:').count()) > 0) {
    throw new Error(`a pick was refused: ${await page.getByText('Not connected:').innerText()}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'facebook-connected.png'), fullPage: true });
}

async function main() {
  if (!APP_SECRET) {
    throw new Error('SELLAVIE_META_APP_SECRET is not set (the app secret the stack verifies webhooks with)');
  }
  if (!MAIL_URL) {
    throw new Error('SELLAVIE_E2E_MAIL_URL is not set (the mail catcher the verification link is read from)');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  step = `launch ${CHROMIUM}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    recordFailedApiCalls(page);
    try {
      const started = Date.now();
      const replyText = await journey(page);
      if (UNKNOWN_CUSTOMER) {
        await unknownDeliveryJourney(page);
      }
      await handoffJourney(page);
      await contactJourney(page);
      const sandboxReply = await sandboxJourney(page);
      const commerce = await commerceJourney(page);
      const { orderId, number } = await orderJourney(page, commerce);
      if (FACEBOOK) {
        await facebookJourney(page);
      }
      if (ASSISTANT) {
        await assistantJourney(page);
      }
      if (pageErrors.length > 0) {
        step = 'check the page for script errors';
        throw new Error(`uncaught errors in the console: ${pageErrors.join(' | ')}`);
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`e2e: ok in ${seconds} s: ${merchant.email} signed up, connected ${channel.accountId}, ` +
        `saw the conversation with ${customer} and the reply "${replyText.slice(0, 60)}"` +
        (UNKNOWN_CUSTOMER ? `, marked the UNKNOWN reply to ${UNKNOWN_CUSTOMER} delivered` : '') +
        ', took the conversation over, replied, saw the assistant stay silent, released it and saw it answer again' +
        `, renamed the contact ${contactEdit.name}, heard the assistant in the sandbox chat ("${sandboxReply.slice(0, 40)}")` +
        `, added and edited ${commerce.sku} in the catalog, set up Stripe, ` +
        `saw order ${orderId} placed by the DM turn Paid and downloaded its invoice ${number}.pdf` +
        (FACEBOOK ? `, cancelled a Facebook Login, then connected Page ${FACEBOOK.pageId} and its Instagram account with Facebook` : '') +
        (ASSISTANT ? ', added an FAQ answer, saw a sandbox reply from openai that used it, moved groq first and saw Groq answer' : ''));
    } catch (error) {
      const shot = join(ARTIFACTS, 'failure.png');
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      error.message += ` (screenshot: ${shot}; page at ${page.url()})`;
      throw error;
    }
  } finally {
    await browser.close();
  }
}

await runAndExit(main, () => step, pageErrors);
