package org.patchgate.catalog.format.scup;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * StAX readers for untrusted XML. No catalog format Patchgate reads needs a DTD, so any DOCTYPE is
 * refused outright (OWASP XXE Prevention Cheat Sheet, "StAX": disable DTDs and external entities);
 * external DTD and schema access is switched off as well, and a resolver that refuses every
 * lookup makes sure nothing is ever fetched, from the network or from disk.
 */
public final class SecureXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXml() {
    }

    private static XMLInputFactory newFactory() {
        // The JDK's own implementation, never whatever StAX provider happens to be on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused: documents may not load anything");
        });
        return factory;
    }

    /**
     * Opens a reader positioned on the root element; the encoding is detected from the BOM and the
     * XML declaration as XML 1.0 appendix F says.
     *
     * @throws XMLStreamException if the document declares a DTD, is empty or is not well-formed up
     *     to its root element
     */
    public static XMLStreamReader openAtRoot(InputStream in) throws XMLStreamException {
        XMLStreamReader reader;
        try {
            synchronized (FACTORY) {
                reader = new Guarded(FACTORY.createXMLStreamReader(in));
            }
        } catch (RuntimeException e) {
            throw new XMLStreamException("the XML parser failed on malformed input: " + e, e);
        }
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                reader.close();
                throw new XMLStreamException(DTD_REFUSED);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return reader;
            }
        }
        reader.close();
        throw new XMLStreamException("the document has no root element");
    }

    /**
     * The JDK parser sometimes fails on malformed input with an unchecked exception (found by
     * fuzzing: {@code MissingResourceException: InvalidCharInDTD} from a broken DOCTYPE); callers
     * only ever need to handle {@link XMLStreamException}.
     */
    private static final class Guarded extends StreamReaderDelegate {

        Guarded(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            try {
                return super.next();
            } catch (RuntimeException e) {
                throw new XMLStreamException("the XML parser failed on malformed input: " + e, e);
            }
        }

        @Override
        public boolean hasNext() throws XMLStreamException {
            try {
                return super.hasNext();
            } catch (RuntimeException e) {
                throw new XMLStreamException("the XML parser failed on malformed input: " + e, e);
            }
        }
    }

    /** The reason given for any document with a DOCTYPE. */
    public static final String DTD_REFUSED =
            "the document declares a DTD (<!DOCTYPE>); DTDs are refused because they allow entity expansion and external entities";
}
