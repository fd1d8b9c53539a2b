package nl.taxledger.ledger.allocation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An assessment as the allocation rule sees it: cost items oldest first, interest items oldest
 * first, lines in the order of the assessment.
 */
public record OpenAssessment(String assessmentId, LocalDate issueDate, LocalDate dueDate,
                             List<OpenItem> costs, List<OpenItem> interest, List<OpenItem> lines) {

    /** Undirected payments settle the oldest assessment first: issue date, due date, id as text. */
    public static final Comparator<OpenAssessment> OLDEST_FIRST = Comparator
            .comparing(OpenAssessment::issueDate)
            .thenComparing(OpenAssessment::dueDate)
            .thenComparing(OpenAssessment::assessmentId);

    public long openCents() {
        return sum(costs) + sum(interest) + sum(lines);
    }

    static long sum(List<OpenItem> items) {
        long total = 0;
        for (OpenItem item : items) {
            total = Math.addExact(total, item.openCents());
        }
        return total;
    }
}
