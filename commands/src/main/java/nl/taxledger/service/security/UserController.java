package nl.taxledger.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Local users, managed by a SUPERVISOR (the rule is in {@link AccessRules}). Only in the local sign-in mode. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
class UserController {
    private final LocalUsers users;

    UserController(LocalUsers users) {
        this.users = users;
    }

    record NewUser(String username, String password, Set<Role> roles, String participantId) {
    }

    record NewPassword(String password) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "create a user with roles (CLERK, SUPERVISOR, ACCOUNTANT, or PARTICIPANT with participantId)")
    LocalUsers.Account create(@RequestBody NewUser user) {
        return users.create(user.username(), user.password(), user.roles(), Optional.ofNullable(user.participantId()),
                Principals.currentName());
    }

    @GetMapping
    @Operation(summary = "every user with roles, enabled and locked (never a password)")
    List<LocalUsers.Account> list() {
        return users.list();
    }

    @PostMapping("/{username}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "disable a user: no further sign-in")
    void disable(@PathVariable String username) {
        users.disable(username);
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "set a new password (also lifts a lockout)")
    void resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
        users.resetPassword(username, body.password());
    }
}
