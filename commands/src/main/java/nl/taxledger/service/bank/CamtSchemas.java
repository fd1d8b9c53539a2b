package nl.taxledger.service.bank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a bank file against the official ISO 20022 schema of its message (resources {@code iso20022/}). Any
 * fault is a {@code VALIDATION_FAILED} naming the line and column. External entities and DTDs are refused.
 */
final class CamtSchemas {
    static final String CAMT_053_02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    static final String CAMT_053_08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    static final String CAMT_054_02 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";
    static final String CAMT_054_08 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    /** The bank's status report on our pain.008 runs: rejects before settlement (domain.md §10). */
    static final String PAIN_002_03 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";

    private final Map<String, Schema> schemas;

    CamtSchemas() {
        this.schemas = Map.of(
                CAMT_053_02,
                load("camt.053.001.02.xsd"),
                CAMT_053_08,
                load("camt.053.001.08.xsd"),
                CAMT_054_02,
                load("camt.054.001.02.xsd"),
                CAMT_054_08,
                load("camt.054.001.08.xsd"),
                PAIN_002_03,
                load("pain.002.001.03.xsd"));
    }

    private static Schema load(String file) {
        URL xsd = CamtSchemas.class.getResource("/iso20022/" + file);
        if (xsd == null) {
            throw new IllegalStateException("schema iso20022/" + file + " is missing from the classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(xsd);
        } catch (SAXException broken) {
            throw new IllegalStateException("schema " + file + " does not load", broken);
        }
    }

    /** The namespace of the document element, after checking the file is valid against that message's schema. */
    String validate(byte[] xml) {
        String namespace = rootNamespace(xml);
        // a document element without a namespace is no bank file either (Map.of refuses a null key)
        Schema schema = namespace == null ? null : schemas.get(namespace);
        if (schema == null) {
            throw invalid("not a camt.053.001.02/.08, camt.054.001.02/.08 or pain.002.001.03 document: namespace "
                    + namespace);
        }
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            return namespace;
        } catch (SAXParseException fault) {
            throw invalid("not valid against " + namespace + " at line " + fault.getLineNumber() + ", column "
                    + fault.getColumnNumber() + ": " + fault.getMessage());
        } catch (SAXException | IOException fault) {
            throw invalid("not valid against " + namespace + ": " + fault.getMessage());
        }
    }

    static String rootNamespace(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        return reader.getNamespaceURI();
                    }
                }
                throw invalid("no document element");
            } finally {
                reader.close();
            }
        } catch (XMLStreamException malformed) {
            String where = malformed.getLocation() == null
                    ? ""
                    : " at line " + malformed.getLocation().getLineNumber() + ", column "
                            + malformed.getLocation().getColumnNumber();
            throw invalid("not well-formed XML" + where + ": " + malformed.getMessage());
        }
    }

    private static LedgerRejection invalid(String message) {
        return new LedgerRejection(ErrorCode.VALIDATION_FAILED, "bank file " + message);
    }
}
