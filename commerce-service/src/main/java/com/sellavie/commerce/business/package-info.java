/** What commerce knows of each business from identity (its display name, for invoices). */
package com.sellavie.commerce.business;
