package com.sellavie.identity.auth;

/** Unknown email or wrong password: deliberately indistinguishable. */
class InvalidCredentialsException extends RuntimeException {

    InvalidCredentialsException() {
        super("Email or password is incorrect");
    }
}
