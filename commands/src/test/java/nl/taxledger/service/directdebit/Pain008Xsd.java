package nl.taxledger.service.directdebit;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The official ISO 20022 schema pain.008.001.02.xsd, as shipped inside {@code com.github.hbci4j:hbci4j-core}
 * (test scope only). Validation throws on the first violation.
 */
final class Pain008Xsd {
    private static final Schema SCHEMA = load();

    private Pain008Xsd() {}

    private static Schema load() {
        URL xsd = Pain008Xsd.class.getClassLoader().getResource("pain.008.001.02.xsd");
        if (xsd == null) {
            throw new IllegalStateException("pain.008.001.02.xsd not on the test class path (hbci4j-core)");
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

    static void validate(String xml) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
