package org.patchgate.catalog.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.patchgate.catalog.model.HashAlgorithm;

/**
 * Brings a URL source onto local disk for its adapter: downloads the file the admin named (with
 * timeouts, a size cap and at most the JDK client's five redirects, never from https to http), and
 * unpacks it when it is a zip archive (a bucket or manifest repository as an archive). Local paths
 * need nothing and are read where they are.
 */
final class SourceFetcher {

    /** Largest catalog file accepted (the largest real SCUP catalogs are a few hundred MB). */
    static final long MAX_DOWNLOAD_BYTES = 2L << 30;
    /** Zip bomb guards: total unpacked bytes and number of entries. */
    static final long MAX_UNPACKED_BYTES = 8L << 30;
    static final int MAX_ENTRIES = 500_000;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxDownloadBytes;
    private final long maxUnpackedBytes;

    SourceFetcher(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, MAX_DOWNLOAD_BYTES, MAX_UNPACKED_BYTES);
    }

    SourceFetcher(Duration connectTimeout, Duration requestTimeout, long maxDownloadBytes, long maxUnpackedBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.requestTimeout = requestTimeout;
        this.maxDownloadBytes = maxDownloadBytes;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /**
     * Downloads {@code url} into {@code workDir} (emptied first).
     *
     * @return the downloaded file, or the folder it was unpacked into when it is a zip archive, and
     *     the SHA-256 of the bytes downloaded
     * @throws IOException with a message naming the URL and the problem
     */
    Fetched fetch(URI url, String user, String secret, Path workDir) throws IOException {
        deleteTree(workDir);
        Files.createDirectories(workDir);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + (secret == null ? "" : secret)).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " was interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot download " + url + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("cannot download " + url + ": the server answered HTTP " + response.statusCode());
        }
        Path file = workDir.resolve(fileName(url));
        MessageDigest sha256 = HashAlgorithm.SHA256.newDigest();
        try (InputStream in = response.body();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            copyCapped(in, out, maxDownloadBytes, "download of " + url);
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (!isZip(file)) {
            return new Fetched(file, digest);
        }
        Path unpacked = workDir.resolve("unpacked");
        unzip(file, unpacked, maxUnpackedBytes);
        return new Fetched(unpacked, digest);
    }

    /** What a download left on disk for the adapter, and the SHA-256 (hex) of the bytes downloaded. */
    record Fetched(Path location, String sha256) {
    }


    /** The URL's last path segment, reduced to safe characters, so the adapter sees the extension. */
    static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return last.isEmpty() || last.startsWith(".") ? "catalog" + last : last;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** Unpacks with every entry checked: no absolute names, no {@code ..}, bounded count and size. */
    static void unzip(Path zip, Path target, long maxUnpackedBytes) throws IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("the archive has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                Path out = root.resolve(name).normalize();
                if (name.startsWith("/") || name.contains(":") || !out.startsWith(root)) {
                    throw new IOException("the archive entry '" + name + "' points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (OutputStream o = Files.newOutputStream(out)) {
                    total += copyCapped(in, o, maxUnpackedBytes - total, "unpacking of " + zip.getFileName());
                }
            }
        }
    }

    private static long copyCapped(InputStream in, OutputStream out, long cap, String what) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > cap) {
                throw new IOException(what + " exceeds the limit of " + cap + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
