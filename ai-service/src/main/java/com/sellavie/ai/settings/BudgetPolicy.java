package com.sellavie.ai.settings;

/** What happens to replies once a business's monthly AI budget is reached. */
public enum BudgetPolicy {
    /** The first provider of the business's order answers with the business's cheaper model. */
    CHEAPER_MODEL,
    /** No model is called: the conversation is handed to a person and the team alerted. */
    HANDOFF
}
