package nl.taxledger.service.bank;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.bank.Statement;
import nl.taxledger.service.security.InputLimits;

/**
 * Reads camt.053.001.02/.08 and camt.054.001.02/.08 (Prowide pw-iso20022) into the version-free
 * {@link Statement}: validated against the official schema first, amounts in cents, EUR only. Which element is
 * read for what: docs/bank-files.md.
 */
final class CamtReader {
    /**
     * A day statement of a large collector is some megabytes; a bound keeps a wrong upload from running away. The
     * same bound as the front door's (§12: 100 MiB), so a file the door lets in is never refused here for its size.
     */
    static final int MAX_FILE_BYTES = InputLimits.MAX_BANK_FILE_BYTES;

    private final CamtSchemas schemas = new CamtSchemas();

    List<Statement> read(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw invalid("the bank file is empty");
        }
        if (xml.length > MAX_FILE_BYTES) {
            throw invalid("the bank file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String namespace = schemas.validate(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        List<Statement> statements = new ArrayList<>();
        switch (namespace) {
            case CamtSchemas.CAMT_053_02 ->
                parsed(MxCamt05300102.parse(text))
                        .getBkToCstmrStmt()
                        .getStmt()
                        .forEach(stmt -> statements.add(statement(stmt)));
            case CamtSchemas.CAMT_053_08 ->
                parsed(MxCamt05300108.parse(text))
                        .getBkToCstmrStmt()
                        .getStmt()
                        .forEach(stmt -> statements.add(statement(stmt)));
            case CamtSchemas.CAMT_054_02 ->
                parsed(MxCamt05400102.parse(text))
                        .getBkToCstmrDbtCdtNtfctn()
                        .getNtfctn()
                        .forEach(ntfctn -> statements.add(notification(ntfctn)));
            case CamtSchemas.CAMT_054_08 ->
                parsed(MxCamt05400108.parse(text))
                        .getBkToCstmrDbtCdtNtfctn()
                        .getNtfctn()
                        .forEach(ntfctn -> statements.add(notification(ntfctn)));
            default -> throw invalid("unsupported message " + namespace);
        }
        return statements;
    }

    private static <T> T parsed(T message) {
        if (message == null) {
            throw invalid("the bank file could not be read although it is schema-valid");
        }
        return message;
    }

    private static Statement statement(AccountStatement2 stmt) {
        List<Balance> balances = stmt.getBal().stream()
                .map(balance -> new Balance(
                        balance.getTp().getCdOrPrtry().getCd() == null
                                ? null
                                : balance.getTp().getCdOrPrtry().getCd().value(),
                        signed(balance.getAmt(), balance.getCdtDbtInd()),
                        balance.getDt() == null ? null : balance.getDt().getDt()))
                .toList();
        return statement(
                stmt.getAcct().getId(),
                stmt.getId(),
                balances,
                stmt.getFrToDt() == null ? null : stmt.getFrToDt().getToDtTm(),
                stmt.getCreDtTm(),
                stmt.getElctrncSeqNb(),
                CamtEntries.v02(stmt.getNtry()));
    }

    private static Statement statement(AccountStatement9 stmt) {
        List<Balance> balances = stmt.getBal().stream()
                .map(balance -> new Balance(
                        balance.getTp().getCdOrPrtry().getCd(),
                        signed(balance.getAmt(), balance.getCdtDbtInd()),
                        balance.getDt() == null ? null : balance.getDt().getDt()))
                .toList();
        return statement(
                stmt.getAcct().getId(),
                stmt.getId(),
                balances,
                stmt.getFrToDt() == null ? null : stmt.getFrToDt().getToDtTm(),
                stmt.getCreDtTm(),
                stmt.getElctrncSeqNb(),
                CamtEntries.v08(stmt.getNtry()));
    }

    /** A balance of either generation: its type code (OPBD, PRCD, CLBD…), signed cents and date. */
    private record Balance(String type, long cents, LocalDate date) {}

    /** The first opening (OPBD or PRCD) and closing (CLBD) balance; the closing one's date dates the statement. */
    private static Statement statement(
            AccountIdentification4Choice account,
            String id,
            List<Balance> balances,
            OffsetDateTime periodEnd,
            OffsetDateTime created,
            BigDecimal sequence,
            List<Statement.Entry> entries) {
        Long opening = null;
        Long closing = null;
        LocalDate closingDate = null;
        for (Balance balance : balances) {
            if (opening == null && ("OPBD".equals(balance.type()) || "PRCD".equals(balance.type()))) {
                opening = balance.cents();
            } else if (closing == null && "CLBD".equals(balance.type())) {
                closing = balance.cents();
                closingDate = balance.date();
            }
        }
        return new Statement(
                iban(account),
                id,
                firstDate(closingDate, periodEnd, created),
                sequence(sequence),
                opening,
                closing,
                entries);
    }

    private static Statement notification(AccountNotification2 ntfctn) {
        return new Statement(
                iban(ntfctn.getAcct().getId()),
                ntfctn.getId(),
                firstDate(null, null, ntfctn.getCreDtTm()),
                sequence(ntfctn.getElctrncSeqNb()),
                null,
                null,
                CamtEntries.v02(ntfctn.getNtry()));
    }

    private static Statement notification(AccountNotification17 ntfctn) {
        return new Statement(
                iban(ntfctn.getAcct().getId()),
                ntfctn.getId(),
                firstDate(null, null, ntfctn.getCreDtTm()),
                sequence(ntfctn.getElctrncSeqNb()),
                null,
                null,
                CamtEntries.v08(ntfctn.getNtry()));
    }

    private static LocalDate firstDate(LocalDate balanceDate, OffsetDateTime periodEnd, OffsetDateTime created) {
        if (balanceDate != null) {
            return balanceDate;
        }
        if (periodEnd != null) {
            return periodEnd.toLocalDate();
        }
        if (created != null) {
            return created.toLocalDate();
        }
        throw invalid("a statement without balance date, period or creation time");
    }

    private static Long sequence(BigDecimal electronicSequence) {
        return electronicSequence == null ? null : electronicSequence.longValueExact();
    }

    static String iban(AccountIdentification4Choice id) {
        if (id == null || id.getIBAN() == null) {
            return null;
        }
        return id.getIBAN().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static long cents(ActiveOrHistoricCurrencyAndAmount amount) {
        if (!"EUR".equals(amount.getCcy())) {
            throw invalid("an amount in " + amount.getCcy() + ": only EUR is booked");
        }
        try {
            return amount.getValue().movePointRight(2).longValueExact();
        } catch (ArithmeticException notCents) {
            throw invalid("an amount that is not whole cents: " + amount.getValue());
        }
    }

    private static long signed(ActiveOrHistoricCurrencyAndAmount amount, CreditDebitCode indicator) {
        long cents = cents(amount);
        return indicator == CreditDebitCode.DBIT ? -cents : cents;
    }

    static LedgerRejection invalid(String message) {
        return new LedgerRejection(ErrorCode.VALIDATION_FAILED, message);
    }
}
