/**
 * Customers' public comments on the business's posts: the per-business choice to answer them with one
 * private reply (Meta's Private Replies), and the comment an assistant's reply answers.
 */
package com.sellavie.conversation.comment;
