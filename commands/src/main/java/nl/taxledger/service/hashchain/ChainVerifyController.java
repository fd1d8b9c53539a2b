package nl.taxledger.service.hashchain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chain/verify}: the service recomputes the chain and checks the anchors (see {@link ChainVerify}). */
@RestController
@Tag(name = "chain")
class ChainVerifyController {
    private final ChainVerify verify;

    ChainVerifyController(ChainVerify verify) {
        this.verify = verify;
    }

    @GetMapping("/api/chain/verify")
    @Operation(
            summary = "recomputes every link of the ledger chain and the old event hash chain from the stored rows"
                    + " and compares the anchors in the anchor directory, as replay-tools verify --anchor does (not"
                    + " the reconciliation identities); ok false with each finding's position when a row was"
                    + " edited, deleted or inserted; 409 while another verify runs")
    ChainVerify.VerifyResult verify() {
        return verify.verify();
    }
}
