package nl.taxledger.service.web;

import jakarta.servlet.http.HttpSession;
import nl.taxledger.service.security.LedgerPrincipal;
import nl.taxledger.service.security.Principals;
import nl.taxledger.service.security.Role;
import nl.taxledger.service.security.SignInMethods;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, the start page (what each role can reach) and "who am I". */
@Controller
class HomePages {
    private final SignInMethods signIn;

    HomePages(SignInMethods signIn) {
        this.signIn = signIn;
    }

    /** The form of local users and a link per identity provider; why the last sign-in failed, if it did. */
    @GetMapping("/login")
    String login(Model model, HttpSession session) {
        model.addAttribute("localUsers", signIn.localUsers());
        model.addAttribute("providers", signIn.providers());
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof AuthenticationException refused) {
            model.addAttribute("refusal", refused.getMessage());
        }
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
    String whoAmI(Model model) {
        model.addAttribute("signedInWith", signIn.current().orElse(null));
        return "ik";
    }
}
