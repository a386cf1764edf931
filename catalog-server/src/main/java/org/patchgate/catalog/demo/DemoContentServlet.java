package org.patchgate.catalog.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.patchgate.server.DataDirectory;

/** Serves the demo tool's generated installers, the only files under {@code /demo/content/}. */
@WebServlet("/demo/content/*")
public class DemoContentServlet extends HttpServlet {

    private static final Pattern NAME = Pattern.compile("patchgate-demo-tool-[0-9.]+\\.zip");

    @Inject
    private DataDirectory dataDirectory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String name = info == null ? "" : info.substring(1);
        Path file = dataDirectory.resolve(DemoCatalog.CONTENT_DIR).resolve(name);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/zip");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
