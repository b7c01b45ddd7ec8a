import { Navigate, type RouteObject } from 'react-router-dom';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';
import { ActivityPage } from './pages/ActivityPage';
import { AiSettingsPage } from './pages/AiSettingsPage';
import { AiUsagePage } from './pages/AiUsagePage';
import { BusinessProfilePage } from './pages/BusinessProfilePage';
import { AttentionPage } from './pages/AttentionPage';
import { CatalogPage } from './pages/CatalogPage';
import { ChannelsPage } from './pages/ChannelsPage';
import { ConversationPage } from './pages/ConversationPage';
import { CommentSettingsPage } from './pages/CommentSettingsPage';
import { FacebookCallbackPage } from './pages/FacebookCallbackPage';
import { HandoffSettingsPage } from './pages/HandoffSettingsPage';
import { KnowledgePage } from './pages/KnowledgePage';
import { HomePage } from './pages/HomePage';
import { InboxPage } from './pages/InboxPage';
import { InvoicesPage } from './pages/InvoicesPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { NotificationPreferencesPage } from './pages/NotificationPreferencesPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { PaymentSettingsPage } from './pages/PaymentSettingsPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { RevenuePage } from './pages/RevenuePage';
import { SandboxPage } from './pages/SandboxPage';
import { SecurityPage } from './pages/SecurityPage';
import { SessionsPage } from './pages/SessionsPage';
import { SignupPage } from './pages/SignupPage';
import { TwoFactorRequiredPage } from './pages/TwoFactorRequiredPage';
import { TeamPage } from './pages/TeamPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { RequireAuth } from './session/RequireAuth';

/** Every console route. Everything under RequireAuth needs a signed-in merchant. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'signup', element: <SignupPage /> },
      { path: 'login', element: <LoginPage /> },
      // The invitation's accept link (identity-service's sellavie.identity.team.console-url + /invite).
      { path: 'invite', element: <AcceptInvitationPage /> },
      // The account emails' links (identity-service's sellavie.console.base-url + these paths).
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'inbox', element: <InboxPage /> },
          { path: 'inbox/:conversationId', element: <ConversationPage /> },
          { path: 'attention', element: <AttentionPage /> },
          { path: 'orders', element: <OrdersPage /> },
          { path: 'orders/:orderId', element: <OrderPage /> },
          { path: 'invoices', element: <InvoicesPage /> },
          { path: 'revenue', element: <RevenuePage /> },
          { path: 'catalog', element: <CatalogPage /> },
          { path: 'channels', element: <ChannelsPage /> },
          // Meta's login dialog redirects here (the redirect URI registered in the Meta app).
          { path: 'channels/facebook/callback', element: <FacebookCallbackPage /> },
          { path: 'try-assistant', element: <SandboxPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          // /settings opens the first settings page; the others are tabs beside it.
          { path: 'settings', element: <Navigate to="/settings/payments" replace /> },
          { path: 'settings/payments', element: <PaymentSettingsPage /> },
          { path: 'settings/ai', element: <AiSettingsPage /> },
          { path: 'settings/ai/usage', element: <AiUsagePage /> },
          { path: 'settings/knowledge', element: <KnowledgePage /> },
          { path: 'settings/handoff', element: <HandoffSettingsPage /> },
          { path: 'settings/comments', element: <CommentSettingsPage /> },
          { path: 'settings/sessions', element: <SessionsPage /> },
          { path: 'settings/security', element: <SecurityPage /> },
          // The only page a member who must enrol in 2FA can open (RequireAuth sends them here).
          { path: 'two-factor-required', element: <TwoFactorRequiredPage /> },
          { path: 'settings/team', element: <TeamPage /> },
          { path: 'settings/business', element: <BusinessProfilePage /> },
          { path: 'settings/activity', element: <ActivityPage /> },
          // Privacy requests (OWNER): a contact's or the whole business's export and erasure.
          { path: 'settings/privacy', element: <PrivacyPage /> },
          { path: 'settings/notifications', element: <NotificationPreferencesPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
