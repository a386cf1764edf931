package org.patchgate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a large winget-pkgs-shaped corpus for the ingest benchmark by scaling real manifests:
 * every generated package is a copy of a real package's version directories (multi-file layout,
 * locales, singletons, BOMs and line endings as they are) with a new identifier, new versions of the
 * same shape, and new installer URLs and hashes. JDK only, deterministic for a given seed.
 *
 * <pre>
 * javac -d /tmp/gen benchmarks/src/main/java/org/patchgate/benchmarks/WingetCorpusGenerator.java
 * java -cp /tmp/gen org.patchgate.benchmarks.WingetCorpusGenerator \
 *     /work/shared/data/catalogs/winget /tmp/winget-bench 15000 4 42
 * </pre>
 *
 * Arguments: real winget folder (with {@code manifests/}, or the {@code manifests/} folder itself),
 * output folder (must not exist or be empty), packages N (default 15000), versions per package M
 * (default 4), seed (default 42). See benchmarks/README.md.
 */
public final class WingetCorpusGenerator {

    /** Top-level keys rewritten; nested ones (Dependencies' PackageIdentifier) are left alone. */
    private static final Pattern TOP_KEY = Pattern.compile("^(PackageIdentifier|PackageVersion|PackageName)(\\s*:\\s*)(.*)$");
    /** Installer keys, at top level or inside an Installers entry ("  - InstallerUrl: …"). */
    private static final Pattern INSTALLER_KEY =
            Pattern.compile("^(\\s*(?:-\\s+)?)(InstallerUrl|InstallerSha256|SignatureSha256)(\\s*:\\s*)(.*)$");
    /** YAML 1.2 §7.3.3 plain scalars, conservatively: no indicator first, no ": " or " #" inside. */
    private static final Pattern PLAIN_SAFE = Pattern.compile("[^\\s\\-?:,\\[\\]{}#&*!|>'\"%@`](?:(?!: | #)[^\\p{Cntrl}])*(?<![\\s:])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Path output;
    private final long seed;

    /** One real package: identifier and its version directories (name → files). */
    record Template(String id, List<Path> versionDirs) {
    }

    private WingetCorpusGenerator(Path output, long seed) {
        this.output = output;
        this.seed = seed;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: WingetCorpusGenerator <real winget dir> <output dir> [packages=15000] [versions=4] [seed=42]");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path manifests = Files.isDirectory(input.resolve("manifests")) ? input.resolve("manifests") : input;
        Path output = Path.of(args[1]);
        int packages = args.length > 2 ? Integer.parseInt(args[2]) : 15_000;
        int versions = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        if (Files.isDirectory(output)) {
            try (Stream<Path> s = Files.list(output)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("output folder " + output + " is not empty");
                }
            }
        }
        long start = System.nanoTime();
        List<Template> templates = templates(manifests);
        // deterministic order, then a seeded shuffle so that consecutive packages differ in shape
        Collections.shuffle(templates, new Random(seed));
        long[] written = new WingetCorpusGenerator(output, seed).generate(templates, packages, versions);
        System.out.printf(Locale.ROOT, "templates: %d packages; wrote %d packages, %d version directories, %d files, %d bytes in %.1f s%n",
                templates.size(), packages, written[0], written[1], written[2], (System.nanoTime() - start) / 1e9);
    }

    /** Real version directories (folders holding .yaml files), grouped by PackageIdentifier. */
    static List<Template> templates(Path manifests) throws IOException {
        Map<String, List<Path>> byId = new TreeMap<>();
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(manifests)) {
            dirs = walk.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            List<Path> yaml = yamlFiles(dir);
            if (!yaml.isEmpty()) {
                String id = topValue(Files.readString(yaml.get(0), StandardCharsets.UTF_8), "PackageIdentifier");
                if (id != null) {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(dir);
                }
            }
        }
        List<Template> out = new ArrayList<>();
        byId.forEach((id, versionDirs) -> out.add(new Template(id, versionDirs)));
        if (out.isEmpty()) {
            throw new IOException("no winget manifests under " + manifests);
        }
        return out;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private long[] generate(List<Template> templates, int packages, int versions) throws IOException {
        long dirs = 0;
        long files = 0;
        long bytes = 0;
        for (int i = 0; i < packages; i++) {
            Template template = templates.get(i % templates.size());
            int copy = i / templates.size();
            // a suffix on the last id segment keeps publisher folders and the first-letter folder real
            String newId = template.id() + "-b" + copy;
            Set<String> used = new HashSet<>();
            for (int j = 0; j < versions; j++) {
                Path realDir = template.versionDirs().get(j % template.versionDirs().size());
                String realVersion = realDir.getFileName().toString();
                String newVersion = uniqueVersion(realVersion, j, used);
                Path dir = output.resolve("manifests")
                        .resolve(newId.substring(0, 1).toLowerCase(Locale.ROOT))
                        .resolve(newId.replace('.', '/'))
                        .resolve(newVersion);
                Files.createDirectories(dir);
                dirs++;
                for (Path file : yamlFiles(realDir)) {
                    String name = file.getFileName().toString();
                    String newName = name.startsWith(template.id()) ? newId + name.substring(template.id().length()) : name;
                    String text = rewrite(Files.readString(file, StandardCharsets.UTF_8), template, newId,
                            realVersion, newVersion, copy);
                    byte[] out = text.getBytes(StandardCharsets.UTF_8);
                    Files.write(dir.resolve(newName), out);
                    files++;
                    bytes += out.length;
                }
            }
        }
        return new long[] {dirs, files, bytes};
    }

    /**
     * Same shape as the real version: the last run of digits is raised by {@code step} ("2.45.2" →
     * "2.45.5", "r8942" → "r8945", "2008-01-23" → "2008-01-26"); a version without digits gets
     * ".step". Raised further until unique within the package.
     */
    static String uniqueVersion(String real, int step, Set<String> used) {
        for (int bump = step; ; bump++) {
            String candidate = bumpLastNumber(real, bump);
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }

    private static String bumpLastNumber(String version, int bump) {
        Matcher m = DIGITS.matcher(version);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        if (start < 0) {
            return bump == 0 ? version : version + "." + bump;
        }
        String digits = version.substring(start, end);
        String raised = new java.math.BigInteger(digits).add(java.math.BigInteger.valueOf(bump)).toString();
        // keep zero padding ("01" → "02")
        while (raised.length() < digits.length()) {
            raised = "0" + raised;
        }
        return version.substring(0, start) + raised + version.substring(end);
    }

    /** Rewrites one manifest line by line, keeping BOM, line endings, comments and quoting style. */
    private String rewrite(String text, Template template, String newId, String realVersion, String newVersion, int copy) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        for (String line : text.split("(?<=\n)", -1)) {
            int bodyEnd = line.endsWith("\r\n") ? line.length() - 2 : line.endsWith("\n") ? line.length() - 1 : line.length();
            String body = line.substring(0, bodyEnd);
            String eol = line.substring(bodyEnd);
            String bom = body.startsWith("\uFEFF") ? "\uFEFF" : "";
            body = body.substring(bom.length());
            Matcher top = TOP_KEY.matcher(body);
            Matcher installer = INSTALLER_KEY.matcher(body);
            if (top.matches()) {
                String key = top.group(1);
                String value = switch (key) {
                    case "PackageIdentifier" -> newId;
                    case "PackageVersion" -> newVersion;
                    default -> unquote(top.group(3)) + " (bench " + copy + ")";
                };
                body = key + top.group(2) + requote(top.group(3), value);
            } else if (installer.matches()) {
                String key = installer.group(2);
                String old = unquote(installer.group(4));
                String value = key.equals("InstallerUrl")
                        ? newUrl(old, realVersion, newVersion, newId)
                        : newHash(old, newId, newVersion);
                body = installer.group(1) + key + installer.group(3) + requote(installer.group(4), value);
            }
            out.append(bom).append(body).append(eol);
        }
        return out.toString();
    }

    /** The version in the URL follows the new version; a query parameter makes every URL unique. */
    private static String newUrl(String url, String realVersion, String newVersion, String newId) {
        String replaced = realVersion.length() >= 3 ? url.replace(realVersion, newVersion) : url;
        int fragment = replaced.indexOf('#');
        String base = fragment < 0 ? replaced : replaced.substring(0, fragment);
        String tail = fragment < 0 ? "" : replaced.substring(fragment);
        return base + (base.contains("?") ? "&" : "?") + "pgbench=" + newId.replaceAll("[^A-Za-z0-9._-]", "_")
                + "_" + newVersion.replaceAll("[^A-Za-z0-9._-]", "_") + tail;
    }

    /**
     * A stable stand-in hash: SHA-256 of seed, package, version and the real value, so entries that
     * shared a hash in the real manifest (same file, different scope) still share one. Case as real.
     */
    private String newHash(String real, String newId, String newVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String hex = HexFormat.of().formatHex(sha.digest((seed + "\n" + newId + "\n" + newVersion + "\n" + real)
                    .getBytes(StandardCharsets.UTF_8)));
            return real.equals(real.toUpperCase(Locale.ROOT)) ? hex.toUpperCase(Locale.ROOT) : hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scalar text of a YAML value as written on one line (plain, '…' or "…"), comment removed. */
    static String unquote(String raw) {
        String v = raw.strip();
        if (v.startsWith("'") && v.lastIndexOf('\'') > 0) {
            return v.substring(1, v.lastIndexOf('\'')).replace("''", "'");
        }
        if (v.startsWith("\"") && v.lastIndexOf('"') > 0) {
            return v.substring(1, v.lastIndexOf('"')).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        int comment = v.indexOf(" #");
        return comment < 0 ? v : v.substring(0, comment).strip();
    }

    /**
     * Writes {@code value} in the quoting style of {@code raw}: quoted stays quoted; plain stays
     * plain when that is safe (so an unquoted "6.10" still loads as a float, as in the real data).
     */
    static String requote(String raw, String value) {
        String v = raw.strip();
        if (v.startsWith("\"")) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v.startsWith("'") || !PLAIN_SAFE.matcher(value).matches()) {
            return "'" + value.replace("'", "''") + "'";
        }
        return value;
    }

    /** Value of a top-level key in a manifest's text, unquoted, or null. */
    static String topValue(String text, String key) {
        for (String line : text.split("\r?\n")) {
            String body = line.startsWith("\uFEFF") ? line.substring(1) : line;
            Matcher m = TOP_KEY.matcher(body);
            if (m.matches() && m.group(1).equals(key)) {
                return unquote(m.group(3));
            }
        }
        return null;
    }
}
