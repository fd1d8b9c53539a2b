package nl.taxledger.service.web;

import java.util.Optional;
import nl.taxledger.service.security.LedgerPrincipal;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is signed in and which parts of the menu are theirs. */
@ControllerAdvice(basePackageClasses = WebModel.class)
class WebModel {

    /** The signed-in person as the layout sees it. */
    record Me(
            String name,
            String roles,
            boolean staff,
            boolean books,
            boolean supervisor,
            boolean audits,
            String participantId) {
        static Optional<Me> of(Optional<LedgerPrincipal> principal) {
            return principal.map(p -> new Me(
                    p.name(),
                    String.join(", ", p.roles().stream().sorted().map(Me::dutch).toList()),
                    p.roles().stream().anyMatch(Role.STAFF::contains),
                    p.has(Role.CLERK) || p.has(Role.SUPERVISOR),
                    p.has(Role.SUPERVISOR),
                    p.has(Role.ACCOUNTANT) || p.has(Role.SUPERVISOR),
                    p.participantId().orElse(null)));
        }

        static String dutch(Role role) {
            return switch (role) {
                case CLERK -> "medewerker (CLERK)";
                case SUPERVISOR -> "teamleider (SUPERVISOR)";
                case ACCOUNTANT -> "accountant (ACCOUNTANT)";
                case PARTICIPANT -> "deelnemer (PARTICIPANT)";
            };
        }
    }

    @ModelAttribute("me")
    Me me() {
        return Me.of(Principals.current()).orElse(null);
    }
}
