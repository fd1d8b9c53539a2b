package nl.taxledger.service.directdebit;

import com.prowidesoftware.swift.model.mx.MxPain00800102;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CustomerDirectDebitInitiationV02;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransaction6;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation9;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericPersonIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader39;
import com.prowidesoftware.swift.model.mx.dic.LocalInstrument2Choice;
import com.prowidesoftware.swift.model.mx.dic.MandateRelatedInformation6;
import com.prowidesoftware.swift.model.mx.dic.Party6Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation4;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod2Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation20;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentification5;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.SequenceType1Code;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;

/**
 * One SEPA Core direct-debit initiation (pain.008.001.02) for a run: one payment information
 * block per sequence type ({@code FRST}, then {@code RCUR}, domain.md §10), the creditor and its scheme id from
 * {@link DirectDebitSettings}, each debtor's IBAN and name from the erasable register at write time. Built with
 * Prowide's ISO 20022 model; the message id is the run id and the creation time the run's booking date, so a run
 * gives the same file, byte for byte, whenever it is downloaded (as long as the register is unchanged).
 */
final class Pain008Writer {
    /** Debtor agent when only the IBAN is known (IBAN-only, EPC rulebook). */
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private Pain008Writer() {}

    /** @param debits the run's collections in run order, with their mandates and accounts; at least one */
    static String write(DirectDebitSettings creditor, DirectDebitQuery.Run run, List<DirectDebitQuery.Debit> debits) {
        IbanUtil.validate(creditor.creditorIban());
        BicUtil.validate(creditor.creditorBic());
        if (debits.isEmpty()) {
            throw new IllegalArgumentException("run " + run.runId() + " collects nothing: no pain.008 to write");
        }
        CustomerDirectDebitInitiationV02 initiation = new CustomerDirectDebitInitiationV02();
        long totalCents = 0;
        for (SequenceType1Code sequence : List.of(SequenceType1Code.FRST, SequenceType1Code.RCUR)) {
            List<DirectDebitQuery.Debit> ofSequence = debits.stream()
                    .filter(d -> d.collection().sequenceType().equals(sequence.name()))
                    .toList();
            if (!ofSequence.isEmpty()) {
                initiation.addPmtInf(instruction(creditor, run, sequence, ofSequence));
            }
        }
        for (DirectDebitQuery.Debit debit : debits) {
            totalCents = Math.addExact(totalCents, debit.collection().amountCents());
        }
        if (totalCents != run.totalCents() || debits.size() != run.transactions()) {
            throw new IllegalStateException("run " + run.runId() + " holds " + run.transactions() + " collections of "
                    + run.totalCents() + " cents, its table " + debits.size() + " of " + totalCents);
        }
        initiation.setGrpHdr(new GroupHeader39()
                .setMsgId(run.runId())
                .setCreDtTm(run.bookingDate().atTime(LocalTime.MIDNIGHT).atOffset(ZoneOffset.UTC))
                .setNbOfTxs(Integer.toString(debits.size()))
                .setCtrlSum(euros(totalCents))
                .setInitgPty(new PartyIdentification32().setNm(truncate(creditor.creditorName(), 70))));
        MxWriteParams params = new MxWriteParams();
        params.prefix = null;
        params.includeXMLDeclaration = true;
        return new MxPain00800102().setCstmrDrctDbtInitn(initiation).document(params);
    }

    private static PaymentInstructionInformation4 instruction(
            DirectDebitSettings creditor,
            DirectDebitQuery.Run run,
            SequenceType1Code sequence,
            List<DirectDebitQuery.Debit> debits) {
        long totalCents = 0;
        PaymentInstructionInformation4 instruction = new PaymentInstructionInformation4()
                .setPmtInfId(run.runId() + "-" + sequence.name())
                .setPmtMtd(PaymentMethod2Code.DD)
                .setBtchBookg(Boolean.FALSE)
                .setPmtTpInf(new PaymentTypeInformation20()
                        .setSvcLvl(new ServiceLevel8Choice().setCd("SEPA"))
                        .setLclInstrm(new LocalInstrument2Choice().setCd("CORE"))
                        .setSeqTp(sequence))
                .setReqdColltnDt(run.collectionDate())
                .setCdtr(new PartyIdentification32().setNm(truncate(creditor.creditorName(), 70)))
                .setCdtrAcct(account(creditor.creditorIban()))
                .setCdtrAgt(new BranchAndFinancialInstitutionIdentification4()
                        .setFinInstnId(new FinancialInstitutionIdentification7().setBIC(creditor.creditorBic())))
                .setChrgBr(ChargeBearerType1Code.SLEV)
                .setCdtrSchmeId(schemeId(creditor.creditorSchemeId()));
        for (DirectDebitQuery.Debit debit : debits) {
            totalCents = Math.addExact(totalCents, debit.collection().amountCents());
            instruction.addDrctDbtTxInf(transaction(debit));
        }
        return instruction.setNbOfTxs(Integer.toString(debits.size())).setCtrlSum(euros(totalCents));
    }

    private static DirectDebitTransactionInformation9 transaction(DirectDebitQuery.Debit debit) {
        DirectDebitQuery.Collection c = debit.collection();
        if (debit.iban() == null) {
            throw new IllegalStateException(
                    "the IBAN of mandate " + c.mandateId() + " (" + c.endToEndId() + ") is erased from the register");
        }
        IbanUtil.validate(debit.iban());
        String name = debit.holderName() != null && !debit.holderName().isBlank() ? debit.holderName() : c.debtorId();
        return new DirectDebitTransactionInformation9()
                .setPmtId(
                        new PaymentIdentification1().setInstrId(c.endToEndId()).setEndToEndId(c.endToEndId()))
                .setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount().setCcy("EUR").setValue(euros(c.amountCents())))
                .setDrctDbtTx(new DirectDebitTransaction6()
                        .setMndtRltdInf(new MandateRelatedInformation6()
                                .setMndtId(c.mandateId())
                                .setDtOfSgntr(debit.mandateSignedDate())))
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification4()
                        .setFinInstnId(new FinancialInstitutionIdentification7()
                                .setOthr(new GenericFinancialIdentification1().setId(NOT_PROVIDED))))
                .setDbtr(new PartyIdentification32().setNm(truncate(name, 70)))
                .setDbtrAcct(account(debit.iban()))
                .setRmtInf(new RemittanceInformation5()
                        .addUstrd(truncate(
                                "Termijn " + c.termNumber() + "/" + c.termCount() + " aanslag " + c.assessmentId(),
                                140)));
    }

    private static PartyIdentification32 schemeId(String creditorSchemeId) {
        return new PartyIdentification32()
                .setId(new Party6Choice()
                        .setPrvtId(new PersonIdentification5()
                                .addOthr(new GenericPersonIdentification1()
                                        .setId(creditorSchemeId)
                                        .setSchmeNm(new PersonIdentificationSchemeName1Choice().setPrtry("SEPA")))));
    }

    private static CashAccount16 account(String iban) {
        return new CashAccount16().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    /** The run's date in file names: {@code pain008-DD20260227.xml}. */
    static String fileName(LocalDate collectionDate) {
        return "pain008-" + nl.taxledger.ledger.api.PrepareDirectDebitRun.runIdOf(collectionDate) + ".xml";
    }
}
