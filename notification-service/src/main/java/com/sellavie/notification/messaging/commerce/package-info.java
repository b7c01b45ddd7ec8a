/** Commerce events (commerce.orders) mapped to the alerts the team must act on or wants to know. */
package com.sellavie.notification.messaging.commerce;
