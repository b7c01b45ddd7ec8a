package com.sellavie.platform.security;

import com.sellavie.platform.tenancy.TenantContext;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A service that relies on the platform's default security, with one public path and one signed path. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredTestService.Endpoints.class)
class SecuredTestService {

    @RestController
    static class Endpoints {

        @GetMapping("/api/whoami")
        String whoami() {
            return TenantContext.currentBusinessId().map(Object::toString).orElse("none");
        }

        /** One of the paths a token that must enrol in 2FA still opens. */
        @GetMapping("/api/me")
        String me() {
            return "me";
        }

        @GetMapping("/open/ping")
        String ping() {
            return "pong";
        }

        /** Stands for a webhook: its own signature (read, so the firewall checks it) would be checked here, not a token. */
        @GetMapping("/signed/hook")
        String hook(@RequestHeader(name = "X-Signature", required = false) String signature) {
            return "hook";
        }

        @GetMapping("/internal/secret")
        String internal() {
            return "internal";
        }
    }
}
