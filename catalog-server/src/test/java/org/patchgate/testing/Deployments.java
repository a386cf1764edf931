package org.patchgate.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive integration tests deploy: the WAR the build produced, unchanged, at the root context. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive siteServer() {
        String path = System.getProperty("patchgate.test.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("patchgate.test.war does not name the built WAR (" + path
                    + "); run integration tests through Maven (mvn verify)");
        }
        // ROOT.war: Payara Micro deploys it at "/", as the launcher does.
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(new File(path)).as(WebArchive.class);
    }
}
