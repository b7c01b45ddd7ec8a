/** Service-to-service calls: the {@code /internal/**} chain that only the shared service token opens. */
package com.sellavie.platform.internal;
