package org.patchgate.catalog.format.scup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of a small XML subtree (one SCUP package), kept in memory so that a package can be
 * mapped as a whole while the catalog around it is streamed.
 *
 * @param namespace namespace URI, or empty
 * @param name local name
 * @param attributes attributes by local name (SCUP attributes carry no namespace)
 * @param text the element's own character content, stripped
 * @param children child elements in document order
 */
record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
        List<XmlElement> children) {

    boolean is(String ns, String local) {
        return namespace.equals(ns) && name.equals(local);
    }

    String attribute(String local) {
        return attributes.get(local);
    }

    XmlElement child(String ns, String local) {
        for (XmlElement c : children) {
            if (c.is(ns, local)) {
                return c;
            }
        }
        return null;
    }

    List<XmlElement> children(String ns, String local) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.is(ns, local)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Text of a child element, or {@code null} if absent or blank. */
    String childText(String ns, String local) {
        XmlElement c = child(ns, local);
        return c == null || c.text.isEmpty() ? null : c.text;
    }
}
