/** Cross-cutting configuration of notification-service. */
package com.sellavie.notification.config;
