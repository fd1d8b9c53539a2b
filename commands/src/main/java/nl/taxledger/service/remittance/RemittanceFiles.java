package nl.taxledger.service.remittance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The files of a remittance run: statements, the SEPA credit transfer and the weekly report. */
@Service
public class RemittanceFiles {
    private final RemittanceQuery query;
    private final CollectorAccount collector;

    RemittanceFiles(RemittanceQuery query, CollectorAccount collector) {
        this.query = query;
        this.collector = collector;
    }

    public byte[] statementCsv(RemittanceQuery.Remittance remittance) {
        return StatementFiles.csv(name(remittance.participantId()), remittance, anchor(remittance));
    }

    public byte[] statementXlsx(RemittanceQuery.Remittance remittance) {
        return StatementFiles.xlsx(name(remittance.participantId()), remittance, anchor(remittance));
    }

    private java.util.Optional<RemittanceQuery.ChainAnchor> anchor(RemittanceQuery.Remittance remittance) {
        return query.chainAtIssue(remittance.participantId(), remittance.periodEnd());
    }

    /**
     * pain.001.001.09 for every remittance with this period end, as released under {@code messageId}; zero amounts
     * make no transaction. Only {@link PaymentReleases} calls this: a file leaves only through a release.
     */
    byte[] pain001(LocalDate periodEnd, String messageId) {
        List<RemittanceQuery.Remittance> run = query.run(periodEnd);
        List<Pain001Writer.Transfer> transfers = new ArrayList<>();
        LocalDate issuedOn = periodEnd.plusDays(1);
        for (RemittanceQuery.Remittance remittance : run) {
            RemittanceQuery.ParticipantAccount account =
                    query.participant(remittance.participantId()).orElseThrow();
            issuedOn = remittance.bookingDate().isAfter(issuedOn) ? remittance.bookingDate() : issuedOn;
            transfers.add(Pain001Writer.Transfer.remittance(
                    account.participantId(), account.name(), account.iban(), remittance.amountCents(), periodEnd));
        }
        if (transfers.stream().noneMatch(t -> t.amountCents() > 0)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no remittance with period end " + periodEnd + " pays anything");
        }
        return Pain001Writer.write(collector, messageId, issuedOn, transfers).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] weeklyReport(LocalDate periodEnd) {
        return WeeklyReport.csv(periodEnd, query.run(periodEnd), query);
    }

    /** The weekly report's rows of one participant only (what a participant may see of it). */
    public byte[] weeklyReport(LocalDate periodEnd, String participantId) {
        return WeeklyReport.csv(
                periodEnd,
                query.run(periodEnd).stream()
                        .filter(remittance -> remittance.participantId().equals(participantId))
                        .toList(),
                query);
    }

    private String name(String participantId) {
        return query.participant(participantId)
                .map(RemittanceQuery.ParticipantAccount::name)
                .orElse(participantId);
    }
}
