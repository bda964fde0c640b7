package vn.loa.controller.cap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads untrusted XML with the JDK's own parser, hardened: a DOCTYPE is refused before anything
 * else is read (so no DTD, no entity of any kind, no external file or URL), XInclude is off, secure
 * processing is on and external access is forbidden. The prolog is first scanned with StAX, which
 * reports a DOCTYPE as an event without loading it, so the refusal has a clear message whatever the
 * JDK's language; the DOM parser then refuses any DOCTYPE by itself as a second line of defence.
 */
final class CapXml {
    static final String DOCTYPE_REFUSED = "a DOCTYPE is not allowed: CAP alerts must not declare a DTD or entities";

    private CapXml() {
    }

    /** The root element of {@code xml}, or a {@link CapException} naming why it cannot be read. */
    static Element root(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new CapException("the alert is empty: expected a CAP 1.2 alert in XML");
        }
        refuseDoctype(xml);
        try {
            return newBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXParseException e) {
            throw new CapException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new CapException("not well-formed XML: " + e.getMessage());
        }
    }

    /** Scans up to the root element's start tag; anything malformed there is left for the DOM parser to name. */
    private static void refuseDoctype(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new CapException(DOCTYPE_REFUSED);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // Not well-formed before the root element: the DOM parser reports it with its position.
        }
    }

    private static DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setValidating(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERRORS);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        }
    }

    /** Without it the DOM parser would also print every error to the standard error stream. */
    private static final ErrorHandler FAIL_ON_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not stop reading; the checks that matter follow.
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };
}
