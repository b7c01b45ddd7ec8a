/**
 * Who answers a conversation: the assistant (BOT), a person (HUMAN) or nobody (CLOSED), the ways in and
 * out of HUMAN (assistant action, customer keyword, takeover, release, close, quiet period), and the
 * per-business handoff settings.
 */
package com.sellavie.conversation.handoff;
