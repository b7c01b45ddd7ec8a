package com.sellavie.ai.reply;

/** The business's monthly AI budget is reached and its policy is to hand replies to a person. */
class BudgetReachedException extends Exception {

    BudgetReachedException(String message) {
        super(message);
    }
}
