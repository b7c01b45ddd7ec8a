/** Cross-cutting configuration of commerce-service only (method security, the clock). */
package com.sellavie.commerce.config;
