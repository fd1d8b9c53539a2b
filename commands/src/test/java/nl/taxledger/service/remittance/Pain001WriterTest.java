package nl.taxledger.service.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.taxledger.service.testing.OfficialXsd;
import org.junit.jupiter.api.Test;

/** The SEPA credit transfer of a remittance run (pain.001.001.09). */
class Pain001WriterTest {
    private static final CollectorAccount COLLECTOR =
            new CollectorAccount("Belastingsamenwerking Voorbeeld", "NL02ABNA0123456789", "ABNANL2A");
    private static final LocalDate PERIOD_END = LocalDate.of(2026, 4, 19);
    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 4, 20);
    private static final String MESSAGE_ID = "AFDR-2026-04-19-1";

    private static Pain001Writer.Transfer transfer(String participantId, String iban, long amountCents) {
        return Pain001Writer.Transfer.remittance(
                participantId, "Deelnemer " + participantId, iban, amountCents, PERIOD_END);
    }

    @Test
    void a_run_validates_against_the_official_pain_001_001_09_schema() throws Exception {
        String xml = Pain001Writer.write(
                COLLECTOR,
                MESSAGE_ID,
                ISSUED_ON,
                List.of(transfer("GEM-A", "NL91ABNA0417164300", 2985), transfer("WS-R", "NL69INGB0123456789", 19_900)));

        OfficialXsd.PAIN_001.validate(xml);
        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
    }

    @Test
    void the_group_header_counts_the_transactions_and_sums_the_amounts() {
        String xml = Pain001Writer.write(
                COLLECTOR,
                MESSAGE_ID,
                ISSUED_ON,
                List.of(transfer("GEM-A", "NL91ABNA0417164300", 2985), transfer("WS-R", "NL69INGB0123456789", 19_900)));

        assertThat(xml)
                .contains("<NbOfTxs>2</NbOfTxs>")
                .contains("<CtrlSum>228.85</CtrlSum>")
                .contains("<InstdAmt Ccy=\"EUR\">29.85</InstdAmt>");
    }

    @Test
    void a_participant_with_nothing_to_pay_gets_no_transaction() throws Exception {
        String xml = Pain001Writer.write(
                COLLECTOR,
                MESSAGE_ID,
                ISSUED_ON,
                List.of(transfer("GEM-A", "NL91ABNA0417164300", 0), transfer("WS-R", "NL69INGB0123456789", 19_900)));

        OfficialXsd.PAIN_001.validate(xml);
        assertThat(xml).doesNotContain("NL91ABNA0417164300").contains("<NbOfTxs>1</NbOfTxs>");
    }

    @Test
    void the_same_run_gives_the_same_file_byte_for_byte() {
        List<Pain001Writer.Transfer> transfers = List.of(transfer("GEM-A", "NL91ABNA0417164300", 2985));
        assertThat(Pain001Writer.write(COLLECTOR, MESSAGE_ID, ISSUED_ON, transfers))
                .isEqualTo(Pain001Writer.write(COLLECTOR, MESSAGE_ID, ISSUED_ON, transfers));
    }

    @Test
    void the_message_id_is_the_releases() {
        String xml = Pain001Writer.write(
                COLLECTOR, "AFDR-2026-04-19-2", ISSUED_ON, List.of(transfer("GEM-A", "NL91ABNA0417164300", 2985)));

        assertThat(xml)
                .contains("<MsgId>AFDR-2026-04-19-2</MsgId>")
                .contains("<PmtInfId>AFDR-2026-04-19-2-1</PmtInfId>");
    }

    @Test
    void a_bad_participant_iban_stops_the_file() {
        assertThatThrownBy(() -> Pain001Writer.write(
                        COLLECTOR, MESSAGE_ID, ISSUED_ON, List.of(transfer("GEM-A", "NL91ABNA0417164301", 2985))))
                .isInstanceOf(RuntimeException.class);
    }
}
