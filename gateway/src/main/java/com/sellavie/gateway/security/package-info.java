/** Who may pass the edge: the access-token check, the revocation denylist, CORS and the security headers. */
package com.sellavie.gateway.security;
