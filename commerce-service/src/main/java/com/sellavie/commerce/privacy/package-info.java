/** This service's part of privacy requests: orders and invoices keep their amounts and lose the person. */
package com.sellavie.commerce.privacy;
