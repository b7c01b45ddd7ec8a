/** Every service as an OAuth2 resource server: a stateless, JWT-checked API with problem-JSON errors. */
package com.sellavie.platform.security;
