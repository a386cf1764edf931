package org.patchgate.content.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Redirect targets, checked without a server (an https test server would need a trusted certificate). */
class HttpSourceTest {

    private static final URI HTTPS = URI.create("https://vendor.example/download/app.msi");
    private static final URI HTTP = URI.create("http://vendor.example/download/app.msi");

    @Test
    void resolve_httpsToHttp_refusedAsDowngrade() {
        RedirectException e = assertThrows(RedirectException.class,
                () -> HttpSource.resolve(HTTPS, "http://cdn.example/app.msi"));

        assertEquals(RedirectException.Kind.SCHEME, e.kind());
        assertEquals("http://cdn.example/app.msi", e.location());
    }

    @Test
    void resolve_httpToHttps_followedAsUpgrade() throws RedirectException {
        assertEquals(URI.create("https://cdn.example/app.msi"), HttpSource.resolve(HTTP, "https://cdn.example/app.msi"));
    }

    @Test
    void resolve_relativeLocation_resolvedAgainstCurrentUrl() throws RedirectException {
        assertEquals(URI.create("https://vendor.example/mirror/app.msi"), HttpSource.resolve(HTTPS, "../mirror/app.msi"));
    }

    @Test
    void resolve_locationThatIsNoUri_refused() {
        RedirectException e = assertThrows(RedirectException.class, () -> HttpSource.resolve(HTTPS, "https://a b/"));

        assertEquals(RedirectException.Kind.BAD_LOCATION, e.kind());
    }

    @Test
    void resolve_fileScheme_refused() {
        RedirectException e = assertThrows(RedirectException.class, () -> HttpSource.resolve(HTTP, "file:///etc/passwd"));

        assertEquals(RedirectException.Kind.SCHEME, e.kind());
    }
}
