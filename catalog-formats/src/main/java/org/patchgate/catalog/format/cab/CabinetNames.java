package org.patchgate.catalog.format.cab;

/**
 * Checks the names stored in CFFILE records. Nothing here is ever written to disk, but a name is
 * also what the caller reports and may later use, so a cabinet naming a file outside its own tree
 * is refused as hostile rather than silently "cleaned".
 */
final class CabinetNames {

    /** MS-CAB §2.4: szName is at most CB_MAX_FILENAME (256) bytes including the terminator. */
    static final int MAX_NAME_BYTES = 256;

    private CabinetNames() {
    }

    static void check(String name) throws CabinetFormatException {
        if (name.isEmpty()) {
            throw new CabinetFormatException("a file in the cabinet has an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new CabinetFormatException("file name '" + printable(name) + "' contains a control character");
            }
        }
        if (name.startsWith("\\") || name.startsWith("/")) {
            throw new CabinetFormatException("file name '" + name + "' is an absolute path");
        }
        if (name.indexOf(':') >= 0) {
            // "C:\x", "C:x" (drive-relative) and NTFS alternate streams "a:b" all need a colon.
            throw new CabinetFormatException("file name '" + name + "' contains a drive letter or ':'");
        }
        for (String segment : name.split("[\\\\/]", -1)) {
            if (segment.equals("..")) {
                throw new CabinetFormatException("file name '" + name + "' climbs out of the cabinet with '..'");
            }
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
