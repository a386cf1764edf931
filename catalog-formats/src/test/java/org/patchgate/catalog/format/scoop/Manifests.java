package org.patchgate.catalog.format.scoop;

import org.patchgate.catalog.format.CollectingSink;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writing test manifests: inline JSON, or a real manifest with one documented change. */
final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    static Path write(Path bucket, String name, String json) throws IOException {
        return write(bucket, name, json.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path bucket, String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(bucket.resolve("bucket"));
        return Files.write(dir.resolve(name + ".json"), bytes);
    }

    /** Copies a real manifest from the test resources into {@code bucket}, changed by {@code change}. */
    static Path derive(Path bucket, String realPath, Consumer<ObjectNode> change) throws IOException {
        Path real = ScoopRealBucketsTest.RESOURCES.resolve(realPath);
        ObjectNode manifest = (ObjectNode) JSON.readTree(real.toFile());
        change.accept(manifest);
        String name = real.getFileName().toString().replaceFirst("\\.json$", "");
        return write(bucket, name, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }

    /** A small valid manifest to build hostile variants from. */
    static String minimal(String version) {
        return """
                {
                  "version": "%s",
                  "description": "test",
                  "homepage": "https://example.org/tool",
                  "license": "MIT",
                  "url": "https://example.org/tool-1.0.zip",
                  "hash": "0000000000000000000000000000000000000000000000000000000000000000"
                }
                """.formatted(version);
    }

    static CollectingSink read(Path location) throws Exception {
        CollectingSink sink = new CollectingSink();
        new ScoopAdapter().read(location, sink);
        return sink;
    }

    /** The one problem a single-manifest read reported. */
    static String onlyProblem(CollectingSink sink) {
        if (!sink.entries.isEmpty() || sink.problems.size() != 1) {
            throw new AssertionError("expected exactly one problem, got entries " + sink.entries + " problems " + sink.problems);
        }
        return sink.problems.get(0).reason();
    }
}
