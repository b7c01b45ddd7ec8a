package com.sellavie.ai.reply;

/** The business switched the assistant off on the request's channel kind: no model is called. */
class AiSwitchedOffException extends Exception {

    AiSwitchedOffException(String channelType) {
        super("the assistant is switched off for " + channelType + " in the business's AI settings");
    }
}
