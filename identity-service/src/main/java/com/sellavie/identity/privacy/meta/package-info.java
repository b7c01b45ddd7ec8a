/** Meta's deauthorize and data-deletion callbacks: a verified signed_request starts a Meta user's erasure. */
package com.sellavie.identity.privacy.meta;
