package com.sellavie.notification.email;

/** A rendered email: subject, plain-text body and HTML body. */
record ComposedEmail(String subject, String text, String html) {
}
