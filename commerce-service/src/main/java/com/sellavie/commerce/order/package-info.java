/**
 * Orders: the aggregate born from a CHECKOUT action, its states and timeline, the team's orders API
 * and the expiry of orders left unpaid.
 */
package com.sellavie.commerce.order;
