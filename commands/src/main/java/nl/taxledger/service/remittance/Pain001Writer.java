package nl.taxledger.service.remittance;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.taxledger.ledger.bank.PayoutIds;
import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;

/**
 * One SEPA credit transfer initiation (pain.001.001.09): the collector pays a remittance run's participants or a
 * refund batch's debtors; a zero amount makes no transaction. Built with Prowide's ISO 20022 model, IBANs and BIC
 * checked with iban4j. The message id is the release's (docs/remittances.md, "Release"); everything else derives
 * from the transfers and the dates, so the same release gives the same file, byte for byte.
 */
final class Pain001Writer {
    private Pain001Writer() {}

    /** A credit transfer to one creditor: end-to-end id at most 35 characters, remittance information 140. */
    record Transfer(String endToEndId, String name, String iban, long amountCents, String remittanceInformation) {
        /** A participant's remittance of the run ending {@code periodEnd}. */
        static Transfer remittance(
                String participantId, String name, String iban, long amountCents, LocalDate periodEnd) {
            return new Transfer(
                    PayoutIds.remittance(participantId, periodEnd),
                    name,
                    iban,
                    amountCents,
                    "Afdracht belastingopbrengsten t/m " + periodEnd);
        }
    }

    /**
     * @param messageId     the release's message id (at most 35 characters): names the message and its instruction
     * @param executionDate requested execution date
     */
    static String write(
            CollectorAccount collector, String messageId, LocalDate executionDate, List<Transfer> transfers) {
        IbanUtil.validate(collector.iban());
        BicUtil.validate(collector.bic());
        List<Transfer> paid =
                transfers.stream().filter(t -> t.amountCents() > 0).toList();
        if (paid.isEmpty()) {
            throw new IllegalArgumentException(messageId + " pays nothing: no credit transfer to make");
        }
        if (messageId.isBlank() || messageId.length() > 33) {
            // the instruction id appends "-1" and both are at most 35 characters
            throw new IllegalArgumentException("a message id has 1 to 33 characters: " + messageId);
        }
        long totalCents = 0;
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(messageId + "-1")
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(Boolean.FALSE)
                .setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
                .setDbtr(new PartyIdentification135().setNm(collector.name()))
                .setDbtrAcct(account(collector.iban()))
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(collector.bic())))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        for (Transfer transfer : paid) {
            IbanUtil.validate(transfer.iban());
            totalCents = Math.addExact(totalCents, transfer.amountCents());
            instruction.addCdtTrfTxInf(transaction(transfer));
        }
        instruction.setNbOfTxs(Integer.toString(paid.size())).setCtrlSum(euros(totalCents));
        GroupHeader85 header = new GroupHeader85()
                .setMsgId(messageId)
                .setCreDtTm(executionDate.atTime(LocalTime.MIDNIGHT).atOffset(ZoneOffset.UTC))
                .setNbOfTxs(Integer.toString(paid.size()))
                .setCtrlSum(euros(totalCents))
                .setInitgPty(new PartyIdentification135().setNm(collector.name()));
        MxPain00100109 message = new MxPain00100109()
                .setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09()
                        .setGrpHdr(header)
                        .addPmtInf(instruction));
        MxWriteParams params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        return message.document(params);
    }

    private static CreditTransferTransaction34 transaction(Transfer transfer) {
        // EndToEndId max 35 characters
        String endToEnd = truncate(transfer.endToEndId(), 35);
        return new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setInstrId(endToEnd).setEndToEndId(endToEnd))
                .setAmt(new AmountType4Choice()
                        .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                                .setCcy("EUR")
                                .setValue(euros(transfer.amountCents()))))
                .setCdtr(new PartyIdentification135().setNm(truncate(transfer.name(), 70)))
                .setCdtrAcct(account(transfer.iban()))
                .setRmtInf(new RemittanceInformation16().addUstrd(truncate(transfer.remittanceInformation(), 140)));
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
