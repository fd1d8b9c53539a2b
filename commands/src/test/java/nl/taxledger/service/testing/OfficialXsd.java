package nl.taxledger.service.testing;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The official ISO 20022 schemas of the payment files we write, as shipped inside {@code com.github.hbci4j:hbci4j-core}
 * (test scope only). Validation throws on the first violation.
 */
public enum OfficialXsd {
    /** Credit transfers: remittance runs and refund batches. */
    PAIN_001("pain.001.001.09.xsd"),
    /** SEPA Core direct debits: the collection runs. */
    PAIN_008("pain.008.001.02.xsd");

    private final String resource;
    private Schema schema;

    OfficialXsd(String resource) {
        this.resource = resource;
    }

    public void validate(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private synchronized Schema schema() {
        if (schema == null) {
            schema = load(resource);
        }
        return schema;
    }

    private static Schema load(String resource) {
        URL xsd = OfficialXsd.class.getClassLoader().getResource(resource);
        if (xsd == null) {
            throw new IllegalStateException(resource + " not on the test class path (hbci4j-core)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
