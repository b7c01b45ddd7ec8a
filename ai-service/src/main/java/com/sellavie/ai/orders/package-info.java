/** The customer's orders as commerce reports them on commerce.orders: a read model for the assistant's prompt. */
package com.sellavie.ai.orders;
