package nl.taxledger.service.queryapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.taxledger.service.eventstore.ProcessorStatus;
import nl.taxledger.service.eventstore.ProjectionRebuild;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projection health (a halted projection shows its error here) and rebuild by token reset. */
@RestController
@RequestMapping("/api/processors")
@Tag(name = "operations")
class ProcessorController {
    private final ProjectionSync sync;
    private final ProjectionRebuild rebuild;

    ProcessorController(ProjectionSync sync, ProjectionRebuild rebuild) {
        this.sync = sync;
        this.rebuild = rebuild;
    }

    /** With a minimum position: answers once every read model has processed it (the bench's figure f waits here). */
    @GetMapping
    @ReadModels({})
    @Operation(summary = "Every projection processor: position and whether it is halted on an error")
    List<ProcessorStatus> status() {
        return sync.status();
    }

    @PostMapping("/{processingGroup}/rebuild")
    @Operation(
            summary = "Rebuild the read models from the first event (token reset and replay): naming one model"
                    + " or their processor rebuilds all models of that processor")
    ResponseEntity<Void> rebuild(@PathVariable String processingGroup) {
        rebuild.rebuild(processingGroup);
        return ResponseEntity.accepted().build();
    }
}
