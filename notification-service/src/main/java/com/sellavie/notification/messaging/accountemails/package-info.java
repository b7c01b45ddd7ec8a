/** Sends identity's account emails ({@code identity.account-emails}): verification, password reset, invitation. */
package com.sellavie.notification.messaging.accountemails;
