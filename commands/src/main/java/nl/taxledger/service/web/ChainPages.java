package nl.taxledger.service.web;

import nl.taxledger.service.hashchain.ChainAnchors;
import nl.taxledger.service.hashchain.ChainVerify;
import nl.taxledger.service.hashchain.LedgerChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The ledger chain for the accountant and supervisor: whether it still chains and its head ({@link LedgerChain}),
 * and the newest anchors written outside the database ({@link ChainAnchors}); the button "Keten nu controleren"
 * recomputes every link and compares the anchors ({@link ChainVerify}, the code of {@code replay-tools verify
 * --anchor}). A plain GET of {@code /keten/controle} shows the whole page with the result, so the button works
 * without JavaScript; htmx swaps in only the result.
 */
@Controller
class ChainPages {
    /** The anchors shown: the newest, of period closes and payment files together. */
    static final int ANCHORS_SHOWN = 20;

    private final LedgerChain chain;
    private final DutchFormat format;
    private final ChainAnchors anchors;
    private final ChainVerify verify;

    ChainPages(LedgerChain chain, ChainAnchors anchors, ChainVerify verify, DutchFormat format) {
        this.chain = chain;
        this.format = format;
        this.anchors = anchors;
        this.verify = verify;
    }

    /** An anchor as the page shows it: the moment in Amsterdam time. */
    record ShownAnchor(String written, String reason, long position, String hash) {}

    @GetMapping("/keten")
    String chain(Model model) {
        model.addAttribute("status", chain.status());
        model.addAttribute(
                "anchors",
                anchors.latest(ANCHORS_SHOWN).stream()
                        .map(anchor -> new ShownAnchor(
                                written(anchor.writtenAt()), anchor.reason(), anchor.position(), anchor.hash()))
                        .toList());
        model.addAttribute("anchorDirectory", anchors.directory().toString());
        model.addAttribute("max", ANCHORS_SHOWN);
        return "keten";
    }

    /** The page with a verify run now; the verify's own moment in Amsterdam time. */
    @GetMapping("/keten/controle")
    String verify(Model model) {
        ChainVerify.VerifyResult outcome = verify.verify();
        model.addAttribute("verify", outcome);
        model.addAttribute("verifiedAt", format.moment(outcome.verifiedAt()));
        return chain(model);
    }

    /** The anchor's ISO moment in Amsterdam time; text that is no moment as it is. */
    private String written(String iso) {
        try {
            return format.moment(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException notAMoment) {
            return iso;
        }
    }
}
