package com.sellavie.identity.team;

import com.sellavie.identity.auth.AccountRules;
import com.sellavie.identity.team.TeamExceptions.InvalidInputException;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The team endpoints' request bodies and their checks (every invalid field reported at once). */
final class TeamRequests {

    private TeamRequests() {
    }

    static Role parseRole(String value, Map<String, String> errors) {
        Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst();
        if (role.isEmpty()) {
            errors.put("role", value == null ? "is required" : "must be one of OWNER, ADMIN, AGENT");
        }
        return role.orElse(null);
    }

    record InviteRequest(String email, String role) {

        Valid validate() {
            Map<String, String> errors = new LinkedHashMap<>();
            String normalised = AccountRules.normaliseEmail(email);
            AccountRules.emailProblem(normalised).ifPresent(problem -> errors.put("email", problem));
            Role parsed = parseRole(role, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new Valid(normalised, parsed);
        }

        record Valid(String email, Role role) {
        }
    }

    record RoleRequest(String role) {

        Role validate() {
            Map<String, String> errors = new LinkedHashMap<>();
            Role parsed = parseRole(role, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return parsed;
        }
    }

    /** {@code password}: a new account's, or an existing account's proof. Never logged. */
    record AcceptRequest(String token, String password) {

        void validate() {
            if (token == null || token.isBlank()) {
                throw new InvalidInputException(Map.of("token", "is required"));
            }
        }

        @Override
        public String toString() {
            return "AcceptRequest[]";
        }
    }

    record SwitchRequest(String businessId) {

        UUID validate() {
            try {
                if (businessId != null) {
                    return UUID.fromString(businessId);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("businessId", "must be a business id (UUID)"));
            }
            throw new InvalidInputException(Map.of("businessId", "is required"));
        }
    }
}
