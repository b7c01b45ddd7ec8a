/** notification-service: email and in-app alerts to merchants, receipts to customers, durable jobs. */
package com.sellavie.notification;
