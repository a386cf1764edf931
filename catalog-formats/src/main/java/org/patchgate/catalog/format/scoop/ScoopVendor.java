package org.patchgate.catalog.format.scoop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Scoop manifests have no publisher field, so the vendor is derived from the homepage: its host
 * without {@code www.} ({@code voidtools.com}), or for code-hosting sites the owner as well
 * ({@code github.com/jqlang} for {@code https://jqlang.github.io/jq/} and
 * {@code https://github.com/jqlang/jq}). Without a usable homepage: {@code Scoop <bucket> bucket}.
 */
final class ScoopVendor {

    /** Hosts where the first path segment is the owner. */
    private static final Set<String> CODE_HOSTS = Set.of("github.com", "gitlab.com", "codeberg.org", "bitbucket.org");

    private ScoopVendor() {
    }

    static String of(String homepage, String bucket) {
        String fallback = "Scoop " + bucket + " bucket";
        if (homepage == null) {
            return fallback;
        }
        URI uri;
        try {
            uri = new URI(homepage);
        } catch (URISyntaxException e) {
            return fallback;
        }
        if (uri.getHost() == null) {
            return fallback;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String[] path = uri.getPath() == null ? new String[0] : uri.getPath().replaceFirst("^/+", "").split("/");
        String first = path.length > 0 ? path[0] : "";
        if (CODE_HOSTS.contains(host) && !first.isEmpty()) {
            return host + "/" + first;
        }
        if (host.equals("sourceforge.net") && first.equals("projects") && path.length > 1 && !path[1].isEmpty()) {
            return host + "/" + path[1];
        }
        for (String pages : new String[] {".github.io", ".gitlab.io"}) {
            if (host.endsWith(pages) && host.length() > pages.length()) {
                return pages.substring(1, pages.indexOf('.', 1)) + ".com/" + host.substring(0, host.length() - pages.length());
            }
        }
        return host;
    }
}
