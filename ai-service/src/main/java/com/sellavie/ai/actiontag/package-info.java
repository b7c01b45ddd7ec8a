/** Action tags: neutralising customer text, parsing and validating the model's tags, stripping them from the reply. */
package com.sellavie.ai.actiontag;
