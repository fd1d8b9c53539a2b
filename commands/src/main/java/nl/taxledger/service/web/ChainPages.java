package nl.taxledger.service.web;

import nl.taxledger.service.hashchain.ChainAnchors;
import nl.taxledger.service.hashchain.LedgerChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The ledger chain for the accountant and supervisor: whether it still chains and its head ({@link LedgerChain}),
 * and the newest anchors written outside the database ({@link ChainAnchors}). The service has no verify of its own:
 * recomputing every link and checking the anchors is {@code replay-tools verify --anchor}, which the page explains.
 */
@Controller
class ChainPages {
    /** The anchors shown: the newest, of period closes and payment files together. */
    static final int ANCHORS_SHOWN = 20;

    private final LedgerChain chain;
    private final DutchFormat format;
    private final ChainAnchors anchors;

    ChainPages(LedgerChain chain, ChainAnchors anchors, DutchFormat format) {
        this.chain = chain;
        this.format = format;
        this.anchors = anchors;
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

    /** The anchor's ISO moment in Amsterdam time; text that is no moment as it is. */
    private String written(String iso) {
        try {
            return format.moment(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException notAMoment) {
            return iso;
        }
    }
}
