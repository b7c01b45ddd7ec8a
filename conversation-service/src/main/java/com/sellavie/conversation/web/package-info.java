/** HTTP concerns shared by the service's APIs: problem-JSON for validation errors. */
package com.sellavie.conversation.web;
