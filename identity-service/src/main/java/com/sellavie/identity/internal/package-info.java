/** What other services ask identity over {@code /internal/**} with the service token (never routed by the gateway). */
package com.sellavie.identity.internal;
