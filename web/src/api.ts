import { activeSession, endSession, refreshSession, type Session, type SessionGrant } from './session/session';

/*
 * The console's only way to the backend: typed calls to the gateway's /api (same origin; the Vite
 * dev server proxies /api to the gateway). Every failure comes back as one error type, ApiError.
 */

/** conversation-service's handoff settings (`/api/handoff/settings`). */
export type HandoffSettings = { keywords: string[]; quietPeriodMinutes: number };

/** conversation-service's comment settings (`/api/comments/settings`): answer comments with one private message. */
export type CommentSettings = { privateReplies: boolean };

/** A customer's public comment on a post: Meta's comment id, the post (or media) and the comment it answers. */
export type CommentRef = { id: string; postId?: string | null; parentId?: string | null };

/** Which language the assistant replies in: the customer's, or always `fixedLanguage`. */
export type AiLanguagePolicy = 'CUSTOMER' | 'FIXED';

/** One provider of the business's order, as ai-service shows it: its own key only masked (`sk-…1a2b`). */
export type AiProviderSetting = { name: string; kind: string; model: string | null; apiKey: string | null; ownKey: boolean };

/** A provider the business may put in its order; `platformKey` false and `needsKey` true: it must give its own key. */
export type AiAvailableProvider = { name: string; kind: string; defaultModel: string | null; platformKey: boolean; needsKey: boolean };

/** One FAQ entry of ai-service's knowledge: `topic` selects it; `question` defaults to the topic. */
export type KnowledgeFaq = { topic: string; question: string | null; answer: string };
/** Short free texts about the business, each optional (null when not given). */
export type KnowledgeProfile = {
  about: string | null;
  openingHours: string | null;
  delivery: string | null;
  returns: string | null;
  paymentMethods: string | null;
};
/** What the assistant answers from besides the catalog (`/api/ai/knowledge`; every member reads, OWNER/ADMIN replace). */
export type Knowledge = { faqs: KnowledgeFaq[]; profile: KnowledgeProfile };

/** ai-service's AI settings (`/api/ai/settings`, OWNER and ADMIN); `custom` false = the deployment's defaults. */
export type AiSettings = {
  custom: boolean;
  providers: AiProviderSetting[];
  temperature: number | null;
  maxReplyTokens: number | null;
  tone: string | null;
  languagePolicy: AiLanguagePolicy;
  fixedLanguage: string | null;
  /** Channel kind (INSTAGRAM, MESSENGER, WHATSAPP) to whether the assistant answers there. */
  channels: Record<string, boolean>;
  available: AiAvailableProvider[];
  updatedAt: string | null;
  /** The month's AI cost limit in US dollars; null = no budget (then onBudget and budgetModel are null). */
  monthlyBudgetUsd: number | null;
  onBudget: AiBudgetPolicy | null;
  budgetModel: string | null;
};

/** What happens once the month's AI cost reaches the budget: the first provider's cheaper model, or the team answers. */
export type AiBudgetPolicy = 'CHEAPER_MODEL' | 'HANDOFF';

/** One day (or one provider and model) of AI usage; costs in millionths of a US dollar, unpriced replies left out. */
export type AiUsageFigures = {
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  replies: number;
  /** Replies whose model has no price in the deployment's price table: their cost is unknown. */
  unpricedReplies: number;
};

/** ai-service's `GET /api/ai/usage` (OWNER and ADMIN): days of the business's time zone, every day of the range. */
export type AiUsage = {
  from: string;
  to: string;
  currency: string;
  priceTableVersion: string;
  days: (AiUsageFigures & { day: string })[];
  byModel: (AiUsageFigures & { provider: string; model: string | null })[];
  totals: AiUsageFigures;
  monthToDateCostMicroUsd: number;
  budget: { monthlyUsd: number; monthlyMicroUsd: number; onBudget: AiBudgetPolicy; budgetModel: string | null; reached: boolean } | null;
};

/** PUT body entry: `apiKey` null (or the masked value) keeps the stored key; `clearKey` removes it. */
export type AiProviderUpdate = { name: string; model: string | null; apiKey: string | null; clearKey: boolean };

export type AiSettingsUpdate = {
  providers: AiProviderUpdate[];
  temperature: number | null;
  maxReplyTokens: number | null;
  tone: string | null;
  languagePolicy: AiLanguagePolicy;
  fixedLanguage: string | null;
  channels: Record<string, boolean>;
  monthlyBudgetUsd: number | null;
  onBudget: AiBudgetPolicy | null;
  budgetModel: string | null;
};

/** What one "test this key" call answered; `cause` is e.g. `key_rejected`, `rate_limited`, `timeout`. */
export type AiKeyTestResult = { ok: boolean; provider: string; model: string | null; cause: string | null; status: number; message: string };

export type AuthResponse = SessionGrant & { tokenType: 'Bearer' | string };

/** The log-in answer when the member has 2FA on: no token yet, a challenge for POST /api/auth/mfa. */
export type MfaChallenge = { mfaRequired: true; challenge: string; expiresIn: number };

/** A TOTP enrolment, shown once: the secret, its otpauth URI and the QR code of it (base64 PNG). */
export type TotpEnrolment = { secret: string; otpauthUri: string; qrPng: string };

/** The business's security policy (`/api/business/security`); only the OWNER changes it. */
export type BusinessSecurity = { requireTwoFactor: boolean };

export function isMfaChallenge(answer: AuthResponse | MfaChallenge): answer is MfaChallenge {
  return (answer as MfaChallenge).mfaRequired === true;
}

/** A login session (one device) as GET /api/auth/sessions lists it. */
export type LoginSession = {
  id: string;
  /** The browser's User-Agent at log-in or last refresh; null when it sent none. */
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  /** The session this console runs in. */
  current: boolean;
};

/** A member's role in a business (identity-service). */
export type MemberRole = 'OWNER' | 'ADMIN' | 'AGENT';

/** A member of the business as GET /api/members lists them. */
export type TeamMember = { userId: string; email: string; role: MemberRole; joinedAt: string };

/** A pending invitation; `acceptLink` only in the answer that created it (the server keeps only a hash). */
export type Invitation = {
  id: string;
  email: string;
  role: MemberRole;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptLink?: string;
};

/** A business the signed-in user belongs to (GET /api/me/businesses); `current` is the one the token acts for. */
export type MemberBusiness = { id: string; name: string; role: MemberRole; current: boolean };

export type ChannelType = 'INSTAGRAM' | 'MESSENGER' | 'WHATSAPP' | 'SANDBOX' | (string & {});

/** NEEDS_RECONNECT: Meta rejected the stored token on a send (messages still arrive); DISCONNECTED: the merchant disconnected it. */
export type ChannelStatus = 'CONNECTED' | 'NEEDS_RECONNECT' | 'DISCONNECTED' | (string & {});

export type Channel = {
  id: string;
  type: ChannelType;
  /** Instagram: the account id; Messenger: the Page id; WhatsApp: the phone number id. */
  externalId: string;
  name: string;
  /** Always masked by the server, e.g. `EAAB…4f2a`. */
  accessToken: string;
  status: ChannelStatus;
  createdAt: string;
  /** The Facebook Page (Messenger; Instagram through a Page); null when not applicable. */
  pageId?: string | null;
  /** WhatsApp only, as the externalId. */
  phoneNumberId?: string | null;
  /** The WhatsApp Business Account the number belongs to. */
  wabaId?: string | null;
  /** The WhatsApp number as Meta shows it ("+234 801 234 5678"). */
  displayPhoneNumber?: string | null;
};

/**
 * Connect (or reconnect) a channel; Meta is asked first whether the token controls the account. A
 * blank `name` is left out: the server stores Meta's (username, Page name, verified name).
 */
export type ConnectChannelRequest =
  | { type: 'INSTAGRAM'; externalId: string; pageId?: string; name?: string; accessToken: string }
  | { type: 'MESSENGER'; pageId: string; name?: string; accessToken: string }
  | { type: 'WHATSAPP'; phoneNumberId: string; wabaId: string; name?: string; accessToken: string };

/** Whether this installation offers "Connect with Facebook"; `detail` says why not. */
export type FacebookLoginAvailability = { configured: boolean; detail: string | null };

/** Meta's OAuth dialog to send the browser to, and the state Meta will hand back to the callback. */
export type FacebookLoginStarted = { authorizeUrl: string; state: string };

/** An account the Facebook user can connect (never with its token). */
export type FacebookChoice = {
  type: 'INSTAGRAM' | 'MESSENGER' | 'WHATSAPP' | (string & {});
  externalId: string;
  name: string | null;
  pageId?: string | null;
  phoneNumberId?: string | null;
  wabaId?: string | null;
  displayPhoneNumber?: string | null;
  /** This business has it CONNECTED already. */
  alreadyConnected: boolean;
};

/** What a Facebook Login offers, kept server side for 15 minutes under `sessionId`. */
export type FacebookSession = { sessionId: string; choices: FacebookChoice[] };

/** A pick that was not connected, with the problem the server answered. */
export type FacebookConnectFailure = {
  type: string;
  externalId: string;
  status: number;
  title: string;
  detail: string | null;
  reason: string | null;
};

export type FacebookConnectOutcome = { connected: Channel[]; failed: FacebookConnectFailure[] };

/** INTERNAL is a team note: stored with the conversation, never sent to the customer. */
export type Direction = 'INBOUND' | 'OUTBOUND' | 'INTERNAL';

export type ConversationMode = 'BOT' | 'HUMAN' | 'CLOSED';

/** The customer as the inbox shows them: Meta's name (or the team's), Instagram username and profile picture when known. */
export type ContactSummary = {
  id: string;
  /** Instagram-scoped id, Page-scoped id or WhatsApp number: what shows when there is no name. */
  externalId: string;
  name: string | null;
  username?: string | null;
  /** Meta's profile picture link: a short-lived CDN URL, so it may have expired (an initial shows instead). */
  pictureUrl?: string | null;
};

/** One contact (GET /api/contacts/{id}). */
export type Contact = ContactSummary & {
  channel: { id: string; type: ChannelType; name: string };
  /** True once a member set the name: Meta's profile no longer replaces it. */
  nameEdited: boolean;
  /** The team's notes about the customer; never sent to them. */
  notes: string | null;
  profileFetchedAt: string | null;
};

/** PATCH /api/contacts/{id}: only the fields given change; `notes: ""` clears them. */
export type ContactChange = { name?: string; notes?: string };

export type ConsentPurpose = 'MESSAGING' | 'MARKETING';
export type ConsentStatus = 'GRANTED' | 'WITHDRAWN';
/** One consent record of a contact (GET /api/contacts/{id}/consents, newest first). */
export type ConsentRecord = {
  id: string;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  source: string;
  recordedBy: string | null;
  recordedAt: string;
};
/** POST /api/contacts/{id}/consents (OWNER, ADMIN). */
export type ConsentChange = { purpose: ConsentPurpose; status: ConsentStatus; source: string };

export type ConversationSummary = {
  id: string;
  channel: { id: string; type: ChannelType; name: string };
  contact: ContactSummary;
  /** kind COMMENT: the customer's public comment on a post (absent from servers before comments). */
  lastMessage: { text: string | null; direction: Direction; at: string; kind?: MessageKind | null } | null;
  /** BOT while the assistant answers, HUMAN once a member took over, CLOSED when done. */
  mode: ConversationMode | (string & {});
  lastMessageAt?: string | null;
  /** The member (user id, the token's subject) the conversation is assigned to; null or absent when nobody. */
  assigneeId?: string | null;
  labels?: string[];
  /** Customer messages since the team last read the conversation. */
  unread?: number;
  /** The customer's last message + 24 h (Meta's standard window); null when the customer never wrote. */
  windowClosesAt?: string | null;
  /** A "Try your assistant" test conversation (channel SANDBOX): left out of the inbox and of analytics. */
  sandbox?: boolean;
};

/** POST /api/sandbox/messages answers 202 with the message's id; the reply arrives in the sandbox conversation. */
export type SandboxMessageAccepted = { messageId: string; eventId: string };

/** The inbox's filters (GET /api/conversations `filter`); `all` is the default and is not sent. */
export type ConversationFilter = 'all' | 'mine' | 'unassigned' | 'bot' | 'human' | 'closed';

export type ConversationQuery = { filter?: ConversationFilter; label?: string; q?: string; cursor?: string; limit?: number };

/** One page of a list paged by an opaque cursor (`X-Next-Cursor`; absent on the last page). */
export type CursorPage<T> = { items: T[]; nextCursor: string | null };

export type DeliveryStatus =
  | 'PENDING'
  | 'ATTEMPTING'
  | 'SENT'
  | 'DELIVERED'
  | 'READ'
  | 'FAILED'
  | 'UNKNOWN'
  | 'EXPIRED'
  | 'RECEIVED';

/**
 * Who wrote a message: the customer, the assistant (AI; stored as ASSISTANT before issue 8, and still read
 * as such), a team member, or Sellavie itself (checkout links, receipts).
 */
export type AuthorType = 'CUSTOMER' | 'AI' | 'ASSISTANT' | 'MEMBER' | 'SYSTEM' | (string & {});

/**
 * What came with a message: `image`, `audio`, `video`, `file`, `sticker`, `share`, `story_reply`, `location`, or
 * any type Meta adds.
 */
export type Attachment = {
  type: string;
  /** Meta's short-lived CDN link, or an outbound image; null for WhatsApp media (only an id) and most locations. */
  url: string | null;
  /** WhatsApp's media id (the file itself is not fetched). */
  mediaId?: string | null;
  /** WhatsApp's caption or file name; for a location its name and address. */
  caption?: string | null;
  latitude?: number | null;
  longitude?: number | null;
};

/** A customer's reaction to a message (Meta reports only the customer's). */
export type Reaction = { emoji: string; by: string; at: string };

export type Message = {
  id: string;
  direction: Direction;
  /** Absent or null on messages recorded before authors were kept. */
  authorType?: AuthorType | null;
  text: string | null;
  sentAt: string;
  /** Null on inbound messages and internal notes. */
  deliveryStatus: DeliveryStatus | null;
  /** The member who wrote a MEMBER message; null otherwise. */
  authorId?: string | null;
  attachments?: Attachment[];
  /**
   * Why an outbound message is FAILED, UNKNOWN or EXPIRED (e.g. `TIMEOUT`, `REPLAY_TOO_OLD`,
   * `OUTSIDE_MESSAGING_WINDOW`, `HANDED_OFF`); null otherwise.
   */
  failureReason?: string | null;
  /** Send API calls made (outbound only). */
  attempts?: number | null;
  /** `RESENT` or `MARKED_DELIVERED` once a team member acted on an UNKNOWN delivery. */
  resolution?: string | null;
  /** MESSAGE (a direct message) or COMMENT (the customer's public comment on a post). */
  kind?: MessageKind | null;
  /** For a COMMENT: the comment and its post. */
  comment?: CommentRef | null;
  /** For the assistant's private reply to a comment: that comment's id. */
  privateReplyTo?: string | null;
  reactions?: Reaction[];
  /** For an AI reply: the provider and model that wrote it; absent on older replies and other messages. */
  answeredBy?: AnsweredBy | null;
};

/** Who wrote an AI reply: a provider name (`openai`, `groq`, ... or `offline`) and its model. */
export type AnsweredBy = { provider: string; model: string | null; offline: boolean };

export type MessageKind = 'MESSAGE' | 'COMMENT' | (string & {});

/** A team reply: text (and an image link), or a WhatsApp template with its parameters. */
export type ReplyRequest =
  | { text: string; imageUrl?: string }
  | { template: { name: string; language: string; parameters: string[] } };

/** An approved WhatsApp template of a channel (GET /api/channels/{id}/templates). */
export type MessageTemplate = {
  name: string;
  language: string;
  category: string;
  status: string;
  body: string;
  parameterCount: number;
};

/** The answer to resend / mark-delivered: the message after the action. */
export type DeliveryActionResult = {
  id: string;
  direction: Direction;
  text: string | null;
  deliveryStatus: DeliveryStatus;
  attempts: number;
};

/** An outbound message whose delivery needs the team (GET /api/messages). */
export type AttentionMessage = {
  id: string;
  conversationId: string;
  contact: { id: string; externalId: string; name: string | null };
  text: string | null;
  deliveryStatus: 'UNKNOWN' | 'EXPIRED' | 'FAILED';
  failureReason: string | null;
  sentAt: string;
  updatedAt: string;
};

export type Notification = {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
};

/** A catalog product; the price is in minor units of its ISO 4217 currency (kobo, cents; yen are whole). */
export type Product = {
  sku: string;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  /** null = unlimited, 0 = out of stock. */
  stock: number | null;
  active: boolean;
};

export type ProductFilter = { q?: string; active?: boolean };

/** What a CSV import changed (it is all-or-nothing: a refused file changes nothing). */
export type ImportResult = { created: number; updated: number; unchanged: number };

/** One bad line of a refused CSV import; line 1 is the header. */
export type LineError = { line: number; field: string | null; message: string };

export type PaymentProvider = 'PAYSTACK' | 'FLUTTERWAVE' | 'STRIPE';

export type PaymentMode = 'TEST' | 'LIVE';

/** How Flutterwave webhooks are verified: the v3 `verif-hash` header (default) or the v4 HMAC-SHA256 signature. */
export type WebhookSignatureScheme = 'VERIF_HASH' | 'HMAC_SHA256';

/** A configured provider as the server returns it: secrets always masked (`sk_test_…4f2a`). */
export type ProviderSettings = {
  provider: PaymentProvider;
  secretKey: string | null;
  publicKey: string | null;
  webhookSecret: string | null;
  mode: PaymentMode;
  currency: string;
  isDefault: boolean;
  /** Where the merchant points the provider's webhooks. */
  webhookUrl: string;
  endpointId: string;
  updatedAt: string;
  webhookSignatureScheme?: WebhookSignatureScheme | null;
  /** Stripe: after the signing secret changed, the previous one is still accepted until then (24 h); else null. */
  previousWebhookSecretValidUntil?: string | null;
};

/** PUT body; a null (or omitted) secret keeps the stored one. */
export type ProviderSettingsUpdate = {
  secretKey: string | null;
  publicKey: string | null;
  webhookSecret: string | null;
  mode: PaymentMode;
  currency: string;
  isDefault: boolean;
  webhookSignatureScheme?: WebhookSignatureScheme | null;
};

export type OrderStatus = 'PENDING_PAYMENT' | 'PAID' | 'PAYMENT_FAILED' | 'EXPIRED' | 'CANCELLED' | 'REFUNDED';

export type OrderItem = { sku: string; name: string; qty: number; unitPriceMinor: number };

/**
 * What happened to an order: PLACED, LINK_CREATED, LINK_FAILED, LINK_SENT, LINK_RESENT, PAID, PAYMENT_FAILED,
 * EXPIRED, CANCELLED, REFUNDED, INVOICE_ISSUED, DISCREPANCY (and any kind added later).
 */
export type TimelineEntry = { kind: string; at: string; detail: string | null };

/** An order (GET /api/orders, GET /api/orders/{id}); amounts in minor units of `currency`. */
export type Order = {
  id: string;
  status: OrderStatus | (string & {});
  items: OrderItem[];
  totalMinor: number;
  currency: string;
  provider: PaymentProvider | (string & {}) | null;
  /** The provider's reference: Paystack/Flutterwave `SLV-…`, Stripe the Checkout Session id `cs_…`. */
  reference: string | null;
  checkoutUrl: string | null;
  checkoutStatus?: string | null;
  checkoutError?: string | null;
  conversationId: string | null;
  contactId: string | null;
  createdAt: string;
  paidAt: string | null;
  expiresAt?: string | null;
  /** Only on one order (GET /api/orders/{id}), oldest first. */
  timeline?: TimelineEntry[];
};

export type OrderFilter = { status?: OrderStatus; page?: number; limit?: number };

/** One page of a list answered with `X-Has-More`. */
export type Page<T> = { items: T[]; hasMore: boolean };

/** A payment, failure or refund recorded in the ledger (GET /api/payments/transactions). */
export type PaymentTransaction = {
  id: string;
  orderId: string | null;
  provider: PaymentProvider | (string & {});
  kind: 'PAYMENT' | 'FAILURE' | 'REFUND' | (string & {});
  providerEventId: string | null;
  providerTransactionId: string | null;
  reference: string | null;
  amountMinor: number | null;
  currency: string | null;
  status: string | null;
  recordedAt: string;
};

export type Invoice = {
  id: string;
  /** Gap-free per business and year, e.g. `INV-2026-000042`. */
  number: string;
  orderId: string;
  totalMinor: number;
  currency: string;
  issuedAt: string;
};

export type RevenueTotals = {
  paidRevenueMinor: number;
  paidOrders: number;
  orders: number;
  checkoutLinks: number;
  /** Paid orders / checkout links, 0..1; null when no link was sent. */
  conversion: number | null;
  assistantRevenueMinor: number;
};

export type RevenueDay = {
  /** A calendar date in the asked zone, `2026-11-01`. */
  date: string;
  paidRevenueMinor: number;
  paidOrders: number;
  orders: number;
  checkoutLinks: number;
  assistantRevenueMinor: number;
};

/** Revenue in one currency: the totals and every day of the range (zeros included). */
export type RevenueSeries = { currency: string; totals: RevenueTotals; days: RevenueDay[] };

/** GET /api/revenue: the most used currency's series, and every currency's when there are several. */
export type RevenueReport = RevenueSeries & { byCurrency?: RevenueSeries[] | null };

/** Dates inclusive (`2026-11-01`), read in `zone` (an IANA zone; the server's default is UTC). */
export type RevenueQuery = { from: string; to: string; zone?: string };

/** Any failed call: an HTTP error answer (RFC 7807 problem JSON when the server sent one) or no answer at all (status 0). */
/** The business's profile (GET/PUT /api/business); every field but the name may be null (not set). */
export type BusinessProfile = {
  id: string;
  name: string;
  timeZone: string | null;
  language: string | null;
  country: string | null;
  contactEmail: string | null;
  logoUrl: string | null;
  updatedAt: string | null;
};

export type BusinessProfileUpdate = Omit<BusinessProfile, 'id' | 'updatedAt'>;

export type ActivityCategory = 'SECURITY' | 'TEAM' | 'SETTINGS' | 'CHANNELS' | 'CONVERSATIONS' | 'ORDERS';

/** One entry of the activity log: who (a member, or `system`) did what, when and from where. */
export type ActivityEntry = {
  id: string;
  occurredAt: string;
  category: ActivityCategory | (string & {});
  kind: string;
  actor: 'user' | 'system';
  actorUserId: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  subject: string | null;
};

/** Filters of GET /api/activity; `actor` is a member's user id or `system`; `from`/`to` ISO instants. */
export type ActivityQuery = { category?: string; actor?: string; from?: string; to?: string; cursor?: string };

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field name (as in the request body) to message, from the problem's `errors` or `fieldErrors`. */
  readonly fieldErrors: Record<string, string>;
  /** Per-line problems of a refused file (a CSV import's 422): `errors` as a list of `{line, field, message}`. */
  readonly lineErrors: LineError[];
  /** Why a reply was refused (`OUTSIDE_MESSAGING_WINDOW`), from the problem's `reason`. */
  readonly reason: string | undefined;
  /** What can be sent instead (`TEMPLATE`), from the problem's `alternative`; undefined when nothing can. */
  readonly alternative: string | undefined;
  /** The problem's machine-readable `code` (e.g. `EMAIL_NOT_VERIFIED`). */
  readonly code: string | undefined;
  /** Seconds to wait before trying again, from a throttled answer's `Retry-After` (e.g. log-in's 429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    title: string,
    detail?: string,
    fieldErrors: Record<string, string> = {},
    lineErrors: LineError[] = [],
    {
      reason,
      alternative,
      retryAfterSeconds,
      code,
    }: { reason?: string; alternative?: string; retryAfterSeconds?: number; code?: string } = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.lineErrors = lineErrors;
    this.reason = reason;
    this.alternative = alternative;
    this.retryAfterSeconds = retryAfterSeconds;
    this.code = code;
  }
}

type RequestOptions = {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (e.g. a CSV file), with this content type. */
  raw?: { body: Blob | string; contentType: string };
  /** Auth endpoints are called without a token, and their 401 means "wrong credentials", not "session over". */
  anonymous?: boolean;
  /** With `anonymous`: still send this session's token (accepting an invitation as the signed-in user). */
  as?: Session | null;
  signal?: AbortSignal;
};

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) {
    return undefined as T;
  }
  // A 201 may carry only a Location header; an empty body is no body, not a JSON error.
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A list page: the JSON array and the server's `X-Has-More` (absent = no more). */
async function requestPage<T>(path: string, options: RequestOptions = {}): Promise<Page<T>> {
  const response = await send('GET', path, options);
  const text = await response.text();
  const items = (text ? JSON.parse(text) : []) as T[];
  return { items, hasMore: response.headers.get('X-Has-More')?.trim().toLowerCase() === 'true' };
}

/** A list page: the JSON array and the server's `X-Next-Cursor` (absent = last page). */
async function requestCursorPage<T>(path: string, options: RequestOptions = {}): Promise<CursorPage<T>> {
  const response = await send('GET', path, options);
  const text = await response.text();
  const items = (text ? JSON.parse(text) : []) as T[];
  return { items, nextCursor: response.headers.get('X-Next-Cursor')?.trim() || null };
}

/** A file (a PDF), fetched with the bearer token like every other call. */
async function requestBlob(path: string, accept: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send('GET', path, { ...options, accept });
  return response.blob();
}

/**
 * Sends the request; answers the response when it is a success, throws an ApiError otherwise. An
 * authenticated call without a valid token first refreshes it; a 401 is retried once after a refresh
 * (the token may have been revoked or rotated meanwhile); only when no refresh helps does the session end.
 */
async function send(method: string, path: string, options: RequestOptions & { accept?: string } = {}): Promise<Response> {
  if (options.anonymous) {
    return sendWith(options.as ?? null, method, path, options);
  }
  const session = activeSession() ?? (await refreshSession());
  if (!session) {
    // No token and no way to get one: the server would answer 401, so behave as if it had.
    endSession();
    throw new ApiError(401, 'Unauthorized', 'Your session has ended. Log in again.');
  }
  try {
    return await sendWith(session, method, path, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) {
      throw error;
    }
    const renewed = await refreshSession();
    if (!renewed) {
      endSession();
      throw error;
    }
    try {
      return await sendWith(renewed, method, path, options);
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.status === 401) {
        endSession();
      }
      throw retryError;
    }
  }
}

async function sendWith(
  session: Session | null,
  method: string,
  path: string,
  options: RequestOptions & { accept?: string },
): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json, application/problem+json' };
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (session) {
    headers.Authorization = `${session.tokenType} ${session.accessToken}`;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'Cannot reach Sellavie', 'Check your connection and try again.');
  }

  if (!response.ok) {
    throw await problemFrom(response);
  }
  return response;
}

async function problemFrom(response: Response): Promise<ApiError> {
  const fallbackTitle = response.statusText || `Request failed (${response.status})`;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(response.status, fallbackTitle);
  }
  if (typeof body !== 'object' || body === null) {
    return new ApiError(response.status, fallbackTitle);
  }
  const problem = body as Record<string, unknown>;
  const title = typeof problem.title === 'string' && problem.title ? problem.title : fallbackTitle;
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : undefined;
  const errors = problem.errors ?? problem.fieldErrors;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return new ApiError(response.status, title, detail, fieldErrorsFrom(errors), lineErrorsFrom(errors), {
    reason: text(problem.reason),
    alternative: text(problem.alternative),
    retryAfterSeconds: retryAfterFrom(response),
    code: text(problem.code),
  });
}

/** `Retry-After` in seconds (the delta form the services send); absent or unreadable is undefined. */
function retryAfterFrom(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  const seconds = value && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
  return seconds === undefined || !Number.isFinite(seconds) ? undefined : seconds;
}

/** Accepts `[{line, field, message}, ...]`; anything else is no line errors. */
function lineErrorsFrom(raw: unknown): LineError[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({
      line: Number(entry.line),
      field: typeof entry.field === 'string' && entry.field ? entry.field : null,
      message: typeof entry.message === 'string' ? entry.message : String(entry.message ?? ''),
    }));
}

/** Accepts `{field: "message"}` and `{field: ["message", ...]}`. */
function fieldErrorsFrom(raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {};
  }
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(raw)) {
    if (typeof message === 'string') {
      result[field] = message;
    } else if (Array.isArray(message) && message.length > 0) {
      result[field] = message.map(String).join(' ');
    }
  }
  return result;
}

type Signal = { signal?: AbortSignal };

export const api = {
  /** 202 `CHECK_YOUR_EMAIL` whether or not the address had an account (sign-up never tells); no session. */
  signup: (body: { email: string; password: string; businessName: string }) =>
    request<{ status: string }>('POST', '/api/auth/signup', { body, anonymous: true }),
  /** The verification link's token: marks the address verified (204). Used, expired or unknown: 422. */
  verifyEmail: (token: string) => request<void>('POST', '/api/auth/email-verification', { body: { token }, anonymous: true }),
  /** Sends the verification email again (signed in; at most once a minute: 429). */
  resendVerification: () => request<void>('POST', '/api/auth/email-verification/resend'),
  /** Emails a reset link if the address has an account; 202 either way. */
  requestPasswordReset: (email: string) =>
    request<void>('POST', '/api/auth/password-reset', { body: { email }, anonymous: true }),
  /** Sets a new password with the reset link's token (204); every session of the account ends. */
  resetPassword: (body: { token: string; password: string }) =>
    request<void>('POST', '/api/auth/password-reset/confirm', { body, anonymous: true }),
  /** Tokens, or (2FA on) a challenge to answer with a code through {@link api.mfa}. */
  login: (body: { email: string; password: string }) =>
    request<AuthResponse | MfaChallenge>('POST', '/api/auth/login', { body, anonymous: true }),
  /** The log-in's second step: a TOTP code or a recovery code; answers as a log-in does. */
  mfa: (body: { challenge: string; code: string }) =>
    request<AuthResponse>('POST', '/api/auth/mfa', { body, anonymous: true }),
  twoFactorStatus: ({ signal }: Signal = {}) => request<{ enabled: boolean }>('GET', '/api/auth/totp', { signal }),
  /** Starts (or restarts) a TOTP enrolment; 2FA is on only once confirmed. */
  enrolTotp: () => request<TotpEnrolment>('POST', '/api/auth/totp'),
  /** Confirms the enrolment with a first code: the ten recovery codes, shown once. */
  confirmTotp: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/api/auth/totp/confirm', { body: { code } }),
  disableTotp: (body: { password: string; code: string }) => request<void>('DELETE', '/api/auth/totp', { body }),
  businessSecurity: ({ signal }: Signal = {}) => request<BusinessSecurity>('GET', '/api/business/security', { signal }),
  setBusinessSecurity: (body: BusinessSecurity) => request<BusinessSecurity>('PUT', '/api/business/security', { body }),
  /** The signed-in member's live sessions in this business (devices), the calling one marked `current`. */
  sessions: ({ signal }: Signal = {}) => request<{ sessions: LoginSession[] }>('GET', '/api/auth/sessions', { signal }),
  /** Ends one of the member's sessions: its refresh token and its access tokens stop working at once. */
  revokeSession: (sessionId: string) => request<void>('DELETE', `/api/auth/sessions/${encodeURIComponent(sessionId)}`),
  /** The business's members (any role may list them). */
  members: ({ signal }: Signal = {}) => request<{ members: TeamMember[] }>('GET', '/api/members', { signal }),
  /** OWNER/ADMIN: changes a member's role; their sessions in this business end (they log in again). */
  changeMemberRole: (userId: string, role: MemberRole) =>
    request<void>('PATCH', `/api/members/${encodeURIComponent(userId)}`, { body: { role } }),
  /** Removes a member (OWNER/ADMIN), or, with one's own id, leaves the business. */
  removeMember: (userId: string) => request<void>('DELETE', `/api/members/${encodeURIComponent(userId)}`),
  invitations: ({ signal }: Signal = {}) => request<{ invitations: Invitation[] }>('GET', '/api/invitations', { signal }),
  /** A new invitation with its accept link (shown once: copy it to the invitee). */
  invite: (body: { email: string; role: MemberRole }) => request<Invitation>('POST', '/api/invitations', { body }),
  revokeInvitation: (id: string) => request<void>('DELETE', `/api/invitations/${encodeURIComponent(id)}`),
  /**
   * Accepts an invitation: a new user sets `password`; an existing one is signed in as the invited
   * address (`as`) or gives their password. Answers like a log-in.
   */
  acceptInvitation: (body: { token: string; password?: string }, as: Session | null) =>
    request<AuthResponse>('POST', '/api/invitations/accept', { body, anonymous: true, as }),
  businesses: ({ signal }: Signal = {}) => request<{ businesses: MemberBusiness[] }>('GET', '/api/me/businesses', { signal }),
  /** Acts for another business of the user's: a new session there (the current one ends). */
  switchBusiness: (businessId: string) => request<AuthResponse>('POST', '/api/auth/switch', { body: { businessId } }),
  channels: ({ signal }: Signal = {}) => request<Channel[]>('GET', '/api/channels', { signal }),
  connectChannel: (body: ConnectChannelRequest) => request<Channel>('POST', '/api/channels', { body }),
  facebookLoginAvailability: ({ signal }: Signal = {}) =>
    request<FacebookLoginAvailability>('GET', '/api/channels/facebook', { signal }),
  /** A fresh single-use state and Meta's dialog URL carrying it. */
  startFacebookLogin: () => request<FacebookLoginStarted>('POST', '/api/channels/facebook/login'),
  /** The code and state Meta redirected back with: the accounts the user can connect. */
  finishFacebookLogin: (body: { code: string; state: string }) =>
    request<FacebookSession>('POST', '/api/channels/facebook/callback', { body }),
  /** Connects the picked accounts (201: some connected, the others in `failed`; 422: none). */
  connectFacebookChoices: (body: { sessionId: string; choices: { type: string; externalId: string }[] }) =>
    request<FacebookConnectOutcome>('POST', '/api/channels/facebook/connect', { body }),
  /** The channel stops routing and its token is wiped; its conversations are kept. */
  disconnectChannel: (channelId: string) => request<void>('DELETE', `/api/channels/${encodeURIComponent(channelId)}`),
  conversations: ({ signal }: Signal = {}) =>
    request<ConversationSummary[]>('GET', '/api/conversations', { signal }),
  /** The inbox: newest activity first, filtered; `all` (the default) sends no filter. */
  conversationPage: ({ filter, label, q, cursor, limit }: ConversationQuery = {}, { signal }: Signal = {}) =>
    requestCursorPage<ConversationSummary>(
      `/api/conversations${query({
        filter: filter === 'all' ? undefined : filter,
        label: label?.trim() || undefined,
        q: q?.trim() || undefined,
        limit: limit === undefined ? undefined : String(limit),
        cursor,
      })}`,
      { signal },
    ),
  conversation: (conversationId: string, { signal }: Signal = {}) =>
    request<ConversationSummary>('GET', conversationPath(conversationId), { signal }),
  /** The signed-in member's own "Try your assistant" conversation; 404 until their first sandbox message. */
  sandboxConversation: ({ signal }: Signal = {}) =>
    request<ConversationSummary>('GET', '/api/sandbox/conversation', { signal }),
  /** Writes to the business's assistant as a customer would, through the real pipeline (no customer sees it). */
  sendSandboxMessage: (text: string) =>
    request<SandboxMessageAccepted>('POST', '/api/sandbox/messages', { body: { text } }),
  messages: (conversationId: string, { signal }: Signal = {}) =>
    request<Message[]>('GET', `${conversationPath(conversationId)}/messages`, { signal }),
  contact: (contactId: string, { signal }: Signal = {}) => request<Contact>('GET', contactPath(contactId), { signal }),
  /** Renames the contact and/or changes the team's notes; a refused change changes nothing. */
  changeContact: (contactId: string, change: ContactChange) => request<Contact>('PATCH', contactPath(contactId), { body: change }),
  /** The contact's consent history, newest first. */
  consents: (contactId: string, { signal }: Signal = {}) =>
    request<ConsentRecord[]>('GET', `${contactPath(contactId)}/consents`, { signal }),
  /** Records that the contact granted or withdrew a consent (OWNER, ADMIN). */
  recordConsent: (contactId: string, change: ConsentChange) =>
    request<ConsentRecord>('POST', `${contactPath(contactId)}/consents`, { body: change }),
  /** A member takes the conversation over: the assistant stays silent (mode HUMAN, assigned to the caller). */
  takeOver: (conversationId: string) => request<ConversationSummary>('POST', `${conversationPath(conversationId)}/takeover`),
  /** Hands the conversation back to the assistant (mode BOT). */
  release: (conversationId: string) => request<ConversationSummary>('POST', `${conversationPath(conversationId)}/release`),
  close: (conversationId: string) => request<ConversationSummary>('POST', `${conversationPath(conversationId)}/close`),
  /** Assigns to a member (user id), or to nobody with null. */
  assign: (conversationId: string, assigneeId: string | null) =>
    request<ConversationSummary>('PUT', `${conversationPath(conversationId)}/assignee`, { body: { assigneeId } }),
  /** Replaces the conversation's labels. */
  setLabels: (conversationId: string, labels: string[]) =>
    request<ConversationSummary>('PUT', `${conversationPath(conversationId)}/labels`, { body: { labels } }),
  /** The team has read the conversation (unread back to 0). */
  markRead: (conversationId: string) => request<ConversationSummary>('POST', `${conversationPath(conversationId)}/read`),
  /** A reply from the signed-in member, through the outbound queue; a 422 says why it cannot be sent now. */
  reply: (conversationId: string, body: ReplyRequest) =>
    request<Message>('POST', `${conversationPath(conversationId)}/messages`, { body }),
  /** An internal note: kept with the conversation, never sent. */
  addNote: (conversationId: string, text: string) =>
    request<Message>('POST', `${conversationPath(conversationId)}/notes`, { body: { text } }),
  /** A WhatsApp channel's approved templates. */
  templates: (channelId: string, { signal }: Signal = {}) =>
    request<MessageTemplate[]>('GET', `/api/channels/${encodeURIComponent(channelId)}/templates`, { signal }),
  notifications: ({ signal }: Signal = {}) => request<Notification[]>('GET', '/api/notifications', { signal }),
  /** Replies whose delivery is UNKNOWN, EXPIRED or FAILED, across every conversation, newest first. */
  attention: ({ signal }: Signal = {}) => request<AttentionMessage[]>('GET', '/api/messages', { signal }),
  /** An UNKNOWN delivery: send it again (the team checked Instagram and it did not arrive). */
  resendMessage: (conversationId: string, messageId: string) =>
    request<DeliveryActionResult>('POST', `${messagePath(conversationId, messageId)}/resend`),
  /** An UNKNOWN delivery: the team saw it arrive on Instagram; nothing is sent. */
  markMessageDelivered: (conversationId: string, messageId: string) =>
    request<DeliveryActionResult>('POST', `${messagePath(conversationId, messageId)}/mark-delivered`),
  products: ({ q, active }: ProductFilter = {}, { signal }: Signal = {}) =>
    request<Product[]>('GET', `/api/catalog/products${query({ q: q?.trim() || undefined, active })}`, { signal }),
  createProduct: (product: Product) => request<Product>('POST', '/api/catalog/products', { body: product }),
  /** Replaces the product with this sku (the sku itself cannot change). */
  updateProduct: (sku: string, product: Product) => request<Product>('PUT', productPath(sku), { body: product }),
  deleteProduct: (sku: string) => request<void>('DELETE', productPath(sku)),
  /** Sends the merchant's file as it is: the server parses it and reports every bad line. */
  importProducts: (csv: Blob | string) =>
    request<ImportResult>('POST', '/api/catalog/import', { raw: { body: csv, contentType: 'text/csv' } }),
  /** The words that hand a conversation to a person, and the quiet period after which it goes back to the assistant. */
  handoffSettings: ({ signal }: Signal = {}) => request<HandoffSettings>('GET', '/api/handoff/settings', { signal }),
  saveHandoffSettings: (settings: HandoffSettings) => request<HandoffSettings>('PUT', '/api/handoff/settings', { body: settings }),
  commentSettings: ({ signal }: Signal = {}) => request<CommentSettings>('GET', '/api/comments/settings', { signal }),
  saveCommentSettings: (settings: CommentSettings) => request<CommentSettings>('PUT', '/api/comments/settings', { body: settings }),
  knowledge: ({ signal }: Signal = {}) => request<Knowledge>('GET', '/api/ai/knowledge', { signal }),
  saveKnowledge: (knowledge: Knowledge) => request<Knowledge>('PUT', '/api/ai/knowledge', { body: knowledge }),
  aiSettings: ({ signal }: Signal = {}) => request<AiSettings>('GET', '/api/ai/settings', { signal }),
  saveAiSettings: (settings: AiSettingsUpdate) => request<AiSettings>('PUT', '/api/ai/settings', { body: settings }),
  /** Both days included (yyyy-MM-dd); without them the current month of the business's time zone. */
  aiUsage: ({ from, to }: { from?: string; to?: string } = {}, { signal }: Signal = {}) => {
    const query = new URLSearchParams();
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    const suffix = query.toString();
    return request<AiUsage>('GET', `/api/ai/usage${suffix ? `?${suffix}` : ''}`, { signal });
  },
  /** One tiny call to the provider with that model and key (null: the stored key, else the platform's). */
  testAiKey: (test: { name: string; model: string | null; apiKey: string | null }) =>
    request<AiKeyTestResult>('POST', '/api/ai/settings/test-key', { body: test }),
  paymentProviders: ({ signal }: Signal = {}) => request<ProviderSettings[]>('GET', '/api/payments/providers', { signal }),
  savePaymentProvider: (provider: PaymentProvider, settings: ProviderSettingsUpdate) =>
    request<ProviderSettings>('PUT', `/api/payments/providers/${provider}`, { body: settings }),
  /** Newest first; `page` counts from 0 (commerce's orders list pages by number, see web/README.md). */
  orders: ({ status, page, limit }: OrderFilter = {}, { signal }: Signal = {}) =>
    requestPage<Order>(
      `/api/orders${query({ status, limit: limit === undefined ? undefined : String(limit), page: page ? String(page) : undefined })}`,
      { signal },
    ),
  /** One order with its timeline. */
  order: (orderId: string, { signal }: Signal = {}) => request<Order>('GET', orderPath(orderId), { signal }),
  /** Only a PENDING_PAYMENT order (else 409); owners and admins (else 403). */
  cancelOrder: (orderId: string) => request<Order>('POST', `${orderPath(orderId)}/cancel`),
  /** The order's payments, failures and refunds, newest first. */
  orderTransactions: (orderId: string, { signal }: Signal = {}) =>
    request<PaymentTransaction[]>('GET', `/api/payments/transactions${query({ orderId })}`, { signal }),
  /** Newest first; `before` is the `issuedAt` of the oldest invoice already shown. */
  invoices: ({ before, limit }: { before?: string; limit?: number } = {}, { signal }: Signal = {}) =>
    requestPage<Invoice>(`/api/invoices${query({ before, limit: limit === undefined ? undefined : String(limit) })}`, {
      signal,
    }),
  invoicePdf: (invoiceId: string) =>
    requestBlob(`/api/invoices/${encodeURIComponent(invoiceId)}/pdf`, 'application/pdf, application/problem+json'),
  revenue: ({ from, to, zone }: RevenueQuery, { signal }: Signal = {}) =>
    request<RevenueReport>('GET', `/api/revenue${query({ from, to, zone })}`, { signal }),
  /** The business's profile (any member). */
  businessProfile: ({ signal }: Signal = {}) => request<BusinessProfile>('GET', '/api/business', { signal }),
  /** OWNER/ADMIN: saves the whole profile (a field left empty is cleared); 400 names each invalid field. */
  updateBusinessProfile: (body: BusinessProfileUpdate) => request<BusinessProfile>('PUT', '/api/business', { body }),
  /** OWNER/ADMIN: the activity log, newest first; pass `nextCursor` as `cursor` for older entries. */
  activity: ({ category, actor, from, to, cursor }: ActivityQuery, { signal }: Signal = {}) =>
    request<{ items: ActivityEntry[]; nextCursor: string | null }>('GET',
      `/api/activity${query({ category, actor, from, to, cursor })}`, { signal }),
  /** The business's privacy requests (OWNER only), newest first, each with every service's progress. */
  privacyRequests: ({ signal }: Signal = {}) =>
    request<{ requests: PrivacyRequest[] }>('GET', '/api/privacy/requests', { signal }),
  /** An export of one contact's data (`contactId`) or of the whole business (null); 202 `{id, status}`. */
  requestPrivacyExport: (contactId: string | null) =>
    request<PrivacyRequestAccepted>('POST', '/api/privacy/exports', { body: privacySubject(contactId) }),
  /** An erasure of one contact's data (`contactId`) or of the whole business (null); 202 `{id, status}`. */
  requestPrivacyErasure: (contactId: string | null) =>
    request<PrivacyRequestAccepted>('POST', '/api/privacy/erasures', { body: privacySubject(contactId) }),
  /** Publishes a FAILED erasure again under the same id (the services are idempotent). */
  retryPrivacyErasure: (id: string) =>
    request<PrivacyRequestAccepted>('POST', `/api/privacy/erasures/${encodeURIComponent(id)}/retry`),
  /** A completed export's ZIP (one JSON file per service and a manifest); 409 while not ready or expired. */
  privacyExportArchive: (id: string) =>
    requestBlob(`/api/privacy/exports/${encodeURIComponent(id)}/archive`, 'application/zip, application/problem+json'),
  notificationPreferences: ({ signal }: Signal = {}) =>
    request<NotificationPreferences>('GET', '/api/notification-preferences', { signal }),
  saveNotificationPreferences: (preferences: Partial<Record<AlertKind, AlertChannel>>) =>
    request<NotificationPreferences>('PUT', '/api/notification-preferences', { body: { preferences } }),
};

/** A privacy request as identity-service shows it (GET /api/privacy/requests). */
export type PrivacyRequest = {
  id: string;
  kind: 'EXPORT' | 'ERASURE';
  scope: 'CONTACT' | 'BUSINESS' | 'META_USER';
  contactId?: string;
  source: string;
  status: 'PENDING' | 'COMPLETED' | 'FAILED';
  createdAt: string;
  completedAt?: string;
  services: PrivacyServiceProgress[];
};

/** One service's part of a privacy request: its last answer. */
export type PrivacyServiceProgress = {
  service: string;
  status: 'PENDING' | 'DONE' | 'FAILED';
  itemCount: number;
  detail?: string;
  answeredAt?: string;
};

export type PrivacyRequestAccepted = { id: string; status: PrivacyRequest['status'] };

function privacySubject(contactId: string | null) {
  return contactId === null ? { scope: 'BUSINESS' } : { contactId };
}

/**
 * A SKU may contain '/' (SHIRT/L): commerce takes the rest of the path as the SKU, and an encoded slash
 * (%2F) is refused by the services' firewall, so each segment is encoded and the slashes kept.
 */
function productPath(sku: string): string {
  return `/api/catalog/products/${sku.split('/').map(encodeURIComponent).join('/')}`;
}

/** `?a=1&b=2` from the parameters that have a value, or nothing. */
function query(parameters: Record<string, string | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function orderPath(orderId: string): string {
  return `/api/orders/${encodeURIComponent(orderId)}`;
}

function conversationPath(conversationId: string): string {
  return `/api/conversations/${encodeURIComponent(conversationId)}`;
}

function contactPath(contactId: string): string {
  return `/api/contacts/${encodeURIComponent(contactId)}`;
}

function messagePath(conversationId: string, messageId: string): string {
  return `${conversationPath(conversationId)}/messages/${encodeURIComponent(messageId)}`;
}

/** A sentence for the person using the console, for errors a page does not handle more specifically. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.detail ?? error.title;
  }
  return 'Something went wrong. Try again.';
}

/** The alert kinds a member can have emailed (notification-service), and how: in the feed, by email too, or off. */
export type AlertKind = 'HANDOFF_REQUESTED' | 'ORDER_PAID' | 'PAYMENT_FAILED' | 'CHANNEL_NEEDS_RECONNECT';
export type AlertChannel = 'IN_APP' | 'EMAIL' | 'OFF';
/** The signed-in member's own choices in the active business (`/api/notification-preferences`). */
export type NotificationPreferences = { preferences: Record<AlertKind, AlertChannel> };
