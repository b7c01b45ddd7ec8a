/** identity-service: users, businesses (tenants), memberships, tokens, 2FA, privacy requests and the activity log. */
package com.sellavie.identity;
