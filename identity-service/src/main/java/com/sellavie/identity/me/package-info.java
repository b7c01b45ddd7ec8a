/** The signed-in user's own view: who the access token says they are, and for which business. */
package com.sellavie.identity.me;
