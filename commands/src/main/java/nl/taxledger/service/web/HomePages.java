package nl.taxledger.service.web;

import nl.taxledger.service.security.LedgerPrincipal;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in form, the start page (what each role can reach) and "who am I". */
@Controller
class HomePages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        LedgerPrincipal me = Principals.current().orElseThrow();
        if (me.has(Role.PARTICIPANT) && me.roles().size() == 1) {
            return "redirect:/deelnemers/" + me.participantId().orElseThrow();
        }
        return "home";
    }

    @GetMapping("/ik")
    String whoAmI() {
        return "ik";
    }
}
