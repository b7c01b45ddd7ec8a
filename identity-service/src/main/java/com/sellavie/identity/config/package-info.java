/** Application-wide configuration of identity-service (method security). */
package com.sellavie.identity.config;
