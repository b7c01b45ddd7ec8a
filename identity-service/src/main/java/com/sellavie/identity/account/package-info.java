/** Users (global), businesses (the tenants) and memberships, as stored: the only SQL on these tables. */
package com.sellavie.identity.account;
