/** Login sessions: rotating refresh tokens, logout, the user's session list, and the Redis denylist they feed. */
package com.sellavie.identity.session;
