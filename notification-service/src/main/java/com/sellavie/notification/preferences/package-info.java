/** Each member's choice per alert kind (in-app, email or off), its API, and the alert emails it leads to. */
package com.sellavie.notification.preferences;
