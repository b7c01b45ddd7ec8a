/** This service's part of privacy requests: notifications about a contact (alerts naming them, message previews). */
package com.sellavie.notification.privacy;
