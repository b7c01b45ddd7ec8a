/** Meta's messaging windows: who may send what, and how, given the customer's last message. */
package com.sellavie.conversation.window;
