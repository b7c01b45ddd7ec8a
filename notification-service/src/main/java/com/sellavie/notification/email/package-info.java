/** Durable email: a queue of outgoing mails, their templates, and the scheduled sender that retries them over SMTP. */
package com.sellavie.notification.email;
