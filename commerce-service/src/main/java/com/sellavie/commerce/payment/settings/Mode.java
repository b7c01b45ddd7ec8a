package com.sellavie.commerce.payment.settings;

/** Test (sandbox) or live keys; a key's documented prefix must agree with it. */
public enum Mode {
    TEST,
    LIVE
}
