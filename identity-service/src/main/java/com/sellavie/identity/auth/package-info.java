/** Sign-up and log-in with email and password: input rules, bcrypt, and the access token they end in. */
package com.sellavie.identity.auth;
