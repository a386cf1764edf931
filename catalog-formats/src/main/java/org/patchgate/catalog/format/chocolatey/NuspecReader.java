package org.patchgate.catalog.format.chocolatey;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.patchgate.catalog.format.scup.SecureXml;

/**
 * Reads a {@code .nuspec} with the same hardened StAX setup as SCUP: a DOCTYPE is refused, so
 * entity tricks (the {@code nuspec-xxe} anomaly) never reach the text.
 */
final class NuspecReader {

    /** Real nuspecs are a few KB; descriptions with markdown stay far below this. */
    static final int MAX_TEXT_CHARS = 256 * 1024;
    static final int MAX_DEPTH = 32;

    private NuspecReader() {
    }

    /** @throws NuspecException if the XML is refused, malformed, over the limits or not a nuspec */
    static Nuspec read(InputStream in) throws NuspecException {
        try {
            XMLStreamReader reader = SecureXml.openAtRoot(in);
            try {
                if (!reader.getLocalName().equals("package")) {
                    throw new NuspecException("not a nuspec: the root element is <" + reader.getLocalName() + ">");
                }
                return readPackage(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int at = message.indexOf("Message: ");
            throw new NuspecException("nuspec is not acceptable XML: " + (at >= 0 ? message.substring(at + 9) : message).strip());
        }
    }

    private static Nuspec readPackage(XMLStreamReader reader) throws XMLStreamException, NuspecException {
        Map<String, StringBuilder> fields = new HashMap<>();
        List<String> dependencies = new ArrayList<>();
        List<String> path = new ArrayList<>();
        path.add("package");
        int chars = 0;
        while (!path.isEmpty()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    path.add(reader.getLocalName());
                    if (path.size() > MAX_DEPTH) {
                        throw new NuspecException("nuspec nests elements deeper than " + MAX_DEPTH + " levels");
                    }
                    if (reader.getLocalName().equals("dependency") && path.contains("dependencies")) {
                        String id = reader.getAttributeValue(null, "id");
                        if (id != null) {
                            dependencies.add(id);
                        }
                    }
                    if (path.size() == 3 && path.get(1).equals("metadata")) {
                        fields.put(reader.getLocalName(), new StringBuilder());
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    chars += reader.getTextLength();
                    if (chars > MAX_TEXT_CHARS) {
                        throw new NuspecException("nuspec holds more than " + MAX_TEXT_CHARS + " characters of text");
                    }
                    if (path.size() == 3 && path.get(1).equals("metadata")) {
                        fields.get(path.get(2)).append(reader.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new XMLStreamException(SecureXml.DTD_REFUSED);
                case XMLStreamConstants.END_ELEMENT -> path.remove(path.size() - 1);
                case XMLStreamConstants.END_DOCUMENT -> throw new NuspecException("nuspec ends inside an element");
                default -> {
                    // comments, processing instructions
                }
            }
        }
        return new Nuspec(text(fields, "id"), text(fields, "version"), text(fields, "title"), text(fields, "authors"),
                text(fields, "summary"), text(fields, "description"), text(fields, "projectUrl"),
                text(fields, "licenseUrl"), text(fields, "license"), text(fields, "releaseNotes"), List.copyOf(dependencies));
    }

    private static String text(Map<String, StringBuilder> fields, String name) {
        StringBuilder b = fields.get(name);
        if (b == null) {
            return null;
        }
        String s = b.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** The nuspec cannot be used; the message says why. */
    static final class NuspecException extends Exception {
        NuspecException(String message) {
            super(message);
        }
    }
}
