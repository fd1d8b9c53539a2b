package nl.taxledger.service.bank;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import nl.taxledger.ledger.bank.Statement;

/**
 * The entries ({@code Ntry}) and their transactions ({@code TxDtls}) of the two message generations: version 02
 * (camt.053.001.02 and camt.054.001.02 share the types) and version 08 (likewise). For a credit the counterparty is
 * the debtor ({@code Dbtr}, {@code DbtrAcct}), for a debit the creditor.
 */
final class CamtEntries {
    /** SEPA's "no reference given": not an EndToEndId of ours. */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    private CamtEntries() {}

    static List<Statement.Entry> v02(List<ReportEntry2> entries) {
        List<Statement.Entry> read = new ArrayList<>();
        for (ReportEntry2 entry : entries) {
            boolean credit = entry.getCdtDbtInd() == CreditDebitCode.CRDT;
            List<Statement.Transaction> transactions = new ArrayList<>();
            entry.getNtryDtls()
                    .forEach(details -> details.getTxDtls().forEach(tx -> transactions.add(v02(tx, credit))));
            read.add(new Statement.Entry(
                    CamtReader.cents(entry.getAmt()),
                    credit,
                    entry.getSts() == null ? null : entry.getSts().value(),
                    date(entry.getBookgDt()),
                    date(entry.getValDt()),
                    entry.getAcctSvcrRef(),
                    Boolean.TRUE.equals(entry.isRvslInd()),
                    entry.getAddtlNtryInf(),
                    transactions,
                    code(entry.getBkTxCd())));
        }
        return read;
    }

    private static Statement.Transaction v02(EntryTransaction2 tx, boolean credit) {
        var remittance = Optional.ofNullable(tx.getRmtInf());
        var parties = Optional.ofNullable(tx.getRltdPties());
        Statement.ReturnInfo returned =
                tx.getRtrInf() == null ? null : returnInfo(tx.getRtrInf().getRsn());
        return transaction(
                amount(tx.getAmtDtls()),
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                remittance
                        .map(info -> info.getStrd().stream().map(StructuredRemittanceInformation7::getCdtrRefInf))
                        .orElse(Stream.empty()),
                remittance.map(info -> info.getUstrd()).orElse(List.of()),
                parties.map(p -> credit ? p.getDbtrAcct() : p.getCdtrAcct())
                        .map(CashAccount16::getId)
                        .orElse(null),
                parties.map(p -> credit ? p.getDbtr() : p.getCdtr())
                        .map(PartyIdentification32::getNm)
                        .orElse(null),
                returned);
    }

    static List<Statement.Entry> v08(List<ReportEntry10> entries) {
        List<Statement.Entry> read = new ArrayList<>();
        for (ReportEntry10 entry : entries) {
            boolean credit = entry.getCdtDbtInd() == CreditDebitCode.CRDT;
            List<Statement.Transaction> transactions = new ArrayList<>();
            entry.getNtryDtls()
                    .forEach(details -> details.getTxDtls().forEach(tx -> transactions.add(v08(tx, credit))));
            String status = entry.getSts() == null
                    ? null
                    : entry.getSts().getCd() != null
                            ? entry.getSts().getCd()
                            : entry.getSts().getPrtry();
            read.add(new Statement.Entry(
                    CamtReader.cents(entry.getAmt()),
                    credit,
                    status,
                    date(entry.getBookgDt()),
                    date(entry.getValDt()),
                    entry.getAcctSvcrRef(),
                    Boolean.TRUE.equals(entry.isRvslInd()),
                    entry.getAddtlNtryInf(),
                    transactions,
                    code(entry.getBkTxCd())));
        }
        return read;
    }

    private static Statement.Transaction v08(EntryTransaction10 tx, boolean credit) {
        var remittance = Optional.ofNullable(tx.getRmtInf());
        var parties = Optional.ofNullable(tx.getRltdPties());
        Long cents = tx.getAmt() != null ? Long.valueOf(CamtReader.cents(tx.getAmt())) : amount(tx.getAmtDtls());
        Statement.ReturnInfo returned =
                tx.getRtrInf() == null ? null : returnInfo(tx.getRtrInf().getRsn());
        return transaction(
                cents,
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                remittance
                        .map(info -> info.getStrd().stream().map(StructuredRemittanceInformation16::getCdtrRefInf))
                        .orElse(Stream.empty()),
                remittance.map(info -> info.getUstrd()).orElse(List.of()),
                parties.map(p -> credit ? p.getDbtrAcct() : p.getCdtrAcct())
                        .map(CashAccount38::getId)
                        .orElse(null),
                parties.map(p -> credit ? p.getDbtr() : p.getCdtr())
                        .map(Party40Choice::getPty)
                        .map(PartyIdentification135::getNm)
                        .orElse(null),
                returned);
    }

    /**
     * One transaction of either generation: the first creditor reference of the structured remittance, the
     * unstructured lines as text, the counterparty's account and name.
     */
    private static Statement.Transaction transaction(
            Long cents,
            String endToEndId,
            Stream<CreditorReferenceInformation2> references,
            List<String> unstructured,
            AccountIdentification4Choice account,
            String name,
            Statement.ReturnInfo returned) {
        String structured = references
                .map(CamtEntries::reference)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new Statement.Transaction(
                cents,
                endToEndId(endToEndId),
                structured,
                text(unstructured),
                account == null ? null : CamtReader.iban(account),
                name,
                returned);
    }

    /** {@code RtrInf/Rsn}: the ISO code, else the bank's proprietary one, else none given. */
    private static Statement.ReturnInfo returnInfo(ReturnReason5Choice reason) {
        return new Statement.ReturnInfo(
                reason == null ? null : reason.getCd() != null ? reason.getCd() : reason.getPrtry());
    }

    /** {@code BkTxCd/Domn}: {@code Cd/Fmly/Cd/Fmly/SubFmlyCd} joined with {@code /}, e.g. {@code PMNT/IDDT/UPDD}. */
    private static String code(BankTransactionCodeStructure4 code) {
        if (code == null || code.getDomn() == null || code.getDomn().getFmly() == null) {
            return null;
        }
        return code.getDomn().getCd() + "/" + code.getDomn().getFmly().getCd() + "/"
                + code.getDomn().getFmly().getSubFmlyCd();
    }

    private static Long amount(AmountAndCurrencyExchange3 details) {
        if (details == null || details.getTxAmt() == null || details.getTxAmt().getAmt() == null) {
            return null;
        }
        return CamtReader.cents(details.getTxAmt().getAmt());
    }

    private static String reference(CreditorReferenceInformation2 info) {
        return info == null ? null : info.getRef();
    }

    private static String endToEndId(String value) {
        return value == null || NOT_PROVIDED.equals(value) ? null : value;
    }

    /** Ustrd lines joined with a space (domain.md §9 rule 3); null when there are none. */
    private static String text(List<String> lines) {
        return lines == null || lines.isEmpty() ? null : String.join(" ", lines);
    }

    private static LocalDate date(DateAndDateTimeChoice choice) {
        if (choice == null) {
            return null;
        }
        return choice.getDt() != null
                ? choice.getDt()
                : choice.getDtTm() == null ? null : choice.getDtTm().toLocalDate();
    }

    private static LocalDate date(DateAndDateTime2Choice choice) {
        if (choice == null) {
            return null;
        }
        return choice.getDt() != null
                ? choice.getDt()
                : choice.getDtTm() == null ? null : choice.getDtTm().toLocalDate();
    }
}
