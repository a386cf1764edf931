package org.patchgate.catalog.format.scup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the element the stream is positioned on, with everything inside it, into an
 * {@link XmlElement}, within limits that bound memory per package whatever the input.
 */
final class XmlSubtreeReader {

    /** Real packages nest about 12 levels (Dell Realtek); rule depth itself is capped lower, in {@link SdpRuleMapper}. */
    static final int MAX_DEPTH = 256;
    /** The 180 KB Dell Realtek package has about 1,900 elements. */
    static final int MAX_ELEMENTS = 100_000;
    static final int MAX_TEXT_CHARS = 4 * 1024 * 1024;

    private XmlSubtreeReader() {
    }

    /**
     * Reads the current START_ELEMENT to its END_ELEMENT; afterwards the reader is on that end tag.
     *
     * @param packageId receives the first {@code PackageID} attribute seen, so that a package that
     *     breaks half-way can still be named in the problem report
     */
    static XmlElement read(XMLStreamReader reader, StringBuilder packageId) throws XMLStreamException, SubtreeTooLarge {
        Deque<Builder> open = new ArrayDeque<>();
        open.push(Builder.start(reader, packageId));
        int elements = 1;
        long textChars = 0;
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw skipRest(reader, open.size() + 1, "elements nest deeper than " + MAX_DEPTH + " levels");
                    }
                    if (++elements > MAX_ELEMENTS) {
                        throw skipRest(reader, open.size() + 1, "more than " + MAX_ELEMENTS + " elements in one package");
                    }
                    open.push(Builder.start(reader, packageId));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    textChars += reader.getTextLength();
                    if (textChars > MAX_TEXT_CHARS) {
                        throw skipRest(reader, open.size(), "more than " + MAX_TEXT_CHARS + " characters of text in one package");
                    }
                    open.peek().text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new XMLStreamException(SecureXml.DTD_REFUSED);
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        return done;
                    }
                    open.peek().children.add(done);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ends inside an element");
                default -> {
                    // comments and processing instructions carry nothing SCUP defines
                }
            }
        }
    }

    /**
     * Moves the reader past the end of the subtree without keeping anything, so that the next
     * package of a catalog can still be read.
     */
    private static SubtreeTooLarge skipRest(XMLStreamReader reader, int depth, String reason) throws XMLStreamException {
        int open = depth;
        while (open > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("document ends inside an element");
            }
        }
        return new SubtreeTooLarge(reason);
    }

    /** The package is larger or deeper than any real one; it is refused rather than held in memory. */
    static final class SubtreeTooLarge extends Exception {
        SubtreeTooLarge(String message) {
            super(message);
        }
    }

    private record Builder(String namespace, String name, Map<String, String> attributes, StringBuilder text,
            List<XmlElement> children) {

        static Builder start(XMLStreamReader reader, StringBuilder packageId) {
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.putIfAbsent(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            if (packageId.length() == 0 && attributes.containsKey("PackageID")) {
                packageId.append(attributes.get("PackageID"));
            }
            String ns = reader.getNamespaceURI();
            return new Builder(ns == null ? "" : ns, reader.getLocalName(), attributes, new StringBuilder(),
                    new ArrayList<>());
        }

        XmlElement build() {
            return new XmlElement(namespace, name, Map.copyOf(attributes), text.toString().strip(), List.copyOf(children));
        }
    }
}
