package com.sellavie.platform.testservice;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's API: it never names the tenant; the token does, and the database scopes the rows. */
@RestController
public class NotesController {

    private final JdbcTemplate jdbc;

    NotesController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/notes")
    List<String> notes() {
        return jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class);
    }

    @GetMapping("/api/tenant")
    String tenant() {
        return TenantContext.currentBusinessId().map(UUID::toString).orElse("none");
    }

    @GetMapping("/api/owners-only")
    String ownersOnly() {
        return "owner";
    }
}
