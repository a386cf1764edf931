package org.patchgate.catalog.format.scup;

import static org.patchgate.catalog.format.scup.SdpNamespaces.SDP;
import static org.patchgate.catalog.format.scup.SdpNamespaces.SMC;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.patchgate.catalog.format.EntryProblem;
import org.patchgate.catalog.format.EntrySink;

/**
 * Streams one SCUP document: a single {@code sdp:SoftwareDistributionPackage}, or a
 * {@code smc:SystemsManagementCatalog} holding many packages. Only one package at a time is held
 * in memory, so HP's 15 MB V1 catalog reads in bounded memory.
 */
final class SdpDocumentReader {

    private SdpDocumentReader() {
    }

    /**
     * Reads every package of the document into the sink.
     *
     * @throws SdpDocumentException if the document as a whole is refused before any package
     *     (DOCTYPE, not XML, unknown root element)
     */
    static void read(InputStream in, String sourcePath, EntrySink sink) throws SdpDocumentException {
        XMLStreamReader reader;
        try {
            reader = SecureXml.openAtRoot(in);
        } catch (XMLStreamException e) {
            throw new SdpDocumentException(describe(e));
        }
        try {
            if (isPackage(reader)) {
                readPackage(reader, sourcePath, sink);
            } else if (SMC.equals(reader.getNamespaceURI()) && "SystemsManagementCatalog".equals(reader.getLocalName())) {
                readCatalog(reader, sourcePath, sink);
            } else {
                throw new SdpDocumentException("not a SCUP document: the root element is {" + reader.getNamespaceURI()
                        + "}" + reader.getLocalName());
            }
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // closing a reader releases nothing the caller still needs
            }
        }
    }

    /** The V1 catalog wraps packages as smc:SoftwareDistributionPackage (schema 1.0); V2 .sdp files use sdp:. */
    private static boolean isPackage(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        return "SoftwareDistributionPackage".equals(reader.getLocalName()) && (SDP.equals(ns) || SMC.equals(ns));
    }

    private static void readCatalog(XMLStreamReader reader, String sourcePath, EntrySink sink) {
        int read = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (isPackage(reader)) {
                        if (!readPackage(reader, sourcePath, sink)) {
                            return;
                        }
                        read++;
                    } else {
                        XmlSubtreeReader.read(reader, new StringBuilder()); // unknown catalog-level element: skipped
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return; // end of the catalog element; anything after it is not ours
                }
            }
        } catch (XMLStreamException e) {
            sink.problem(new EntryProblem(sourcePath, "catalog XML is broken after " + read
                    + " packages; reading stopped: " + describe(e)));
        } catch (XmlSubtreeReader.SubtreeTooLarge e) {
            sink.problem(new EntryProblem(sourcePath, "catalog element skipped: " + e.getMessage()));
        }
    }

    /** Reads one package; returns false if the XML broke, after which the document cannot go on. */
    private static boolean readPackage(XMLStreamReader reader, String sourcePath, EntrySink sink) {
        StringBuilder packageId = new StringBuilder();
        try {
            XmlElement element = XmlSubtreeReader.read(reader, packageId);
            sink.entry(SdpPackageMapper.map(element, sourcePath));
            return true;
        } catch (SdpPackageException | XmlSubtreeReader.SubtreeTooLarge e) {
            sink.problem(new EntryProblem(sourcePath, name(packageId) + e.getMessage()));
            return true;
        } catch (XMLStreamException e) {
            sink.problem(new EntryProblem(sourcePath, name(packageId)
                    + "XML is not well-formed, nothing of this package was taken: " + describe(e)));
            return false;
        }
    }

    private static String name(StringBuilder packageId) {
        return packageId.length() == 0 ? "" : "package " + packageId + ": ";
    }

    /** The JDK's messages start with "ParseError at [row,col]:[…]\nMessage: "; keep one line. */
    static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        Location location = e.getLocation();
        return location == null || location.getLineNumber() < 0 ? message.strip()
                : message.strip() + " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
