package org.patchgate.catalog.format.scup;

/** The namespaces of the SCUP/WSUS CorporatePublishing schemas (2005/04), as the real files use them. */
final class SdpNamespaces {

    private static final String WSUS = "http://schemas.microsoft.com/wsus/2005/04/CorporatePublishing/";

    static final String SDP = WSUS + "SoftwareDistributionPackage.xsd";
    /** The V1 single-file catalog; its package elements are in this namespace, their children in {@link #SDP}. */
    static final String SMC = "http://schemas.microsoft.com/sms/2005/04/CorporatePublishing/SystemsManagementCatalog.xsd";
    static final String LAR = WSUS + "LogicalApplicabilityRules.xsd";
    static final String BAR = WSUS + "BaseApplicabilityRules.xsd";
    static final String MSIAR = WSUS + "MsiApplicabilityRules.xsd";
    static final String CMD = WSUS + "Installers/CommandLineInstallation.xsd";
    static final String MSI = WSUS + "Installers/MsiInstallation.xsd";

    private SdpNamespaces() {
    }

    /** A short, stable name for an element, using the prefixes the SCUP schemas use conventionally. */
    static String shortName(XmlElement e) {
        String prefix = switch (e.namespace()) {
            case LAR -> "lar";
            case BAR -> "bar";
            case MSIAR -> "msiar";
            case SDP -> "sdp";
            case WSUS + "MspApplicabilityRules.xsd" -> "mspar";
            default -> null;
        };
        return prefix == null ? "{" + e.namespace() + "}" + e.name() : prefix + ":" + e.name();
    }
}
