package org.patchgate.catalog.format.scoop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Digest;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.catalog.model.Sha256;

/**
 * The downloads of a manifest, one {@link Installer} per architecture.
 *
 * <p>Scoop resolves {@code url} and {@code hash} per architecture: a value under
 * {@code architecture.<arch>} wins, otherwise the top-level value applies (Scoop's
 * {@code arch_specific}); an architecture that ends up without a URL is not supported by the app.
 * A manifest without an {@code architecture} block has one download for any processor
 * ({@link Architecture#NEUTRAL}).
 */
final class ScoopDownloads {

    /** Scoop's architecture keys, in the order installers are listed. */
    private static final Map<String, Architecture> ARCHITECTURES = new LinkedHashMap<>();

    static {
        ARCHITECTURES.put("64bit", Architecture.X64);
        ARCHITECTURES.put("32bit", Architecture.X86);
        ARCHITECTURES.put("arm64", Architecture.ARM64);
    }

    static final String VENDOR_TYPE = "scoop";

    private ScoopDownloads() {
    }

    static List<Installer> installers(ObjectNode manifest) throws ScoopManifestException {
        boolean innoSetup = manifest.path("innosetup").asBoolean(false);
        JsonNode architectures = manifest.get("architecture");
        if (architectures == null || architectures.isNull() || (architectures.isObject() && architectures.isEmpty())) {
            return List.of(installer(manifest, null, null, Architecture.NEUTRAL, innoSetup));
        }
        if (!architectures.isObject()) {
            throw new ScoopManifestException("architecture", "must be an object keyed by 64bit, 32bit or arm64");
        }
        for (Iterator<String> names = architectures.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ARCHITECTURES.containsKey(name)) {
                throw new ScoopManifestException("architecture", "unknown architecture '" + Texts.shorten(name)
                        + "'; Scoop knows 64bit, 32bit and arm64");
            }
            if (!architectures.get(name).isObject()) {
                throw new ScoopManifestException("architecture." + name, "must be an object");
            }
        }
        List<Installer> installers = new ArrayList<>();
        for (Map.Entry<String, Architecture> known : ARCHITECTURES.entrySet()) {
            JsonNode block = architectures.get(known.getKey());
            if (block != null && (has(block, "url") || has(manifest, "url"))) {
                installers.add(installer(manifest, (ObjectNode) block, known.getKey(), known.getValue(), innoSetup));
            }
        }
        if (installers.isEmpty()) {
            throw new ScoopManifestException("url", "missing: neither the manifest nor any architecture has a download URL");
        }
        return installers;
    }

    private static Installer installer(ObjectNode manifest, ObjectNode block, String arch,
            Architecture architecture, boolean innoSetup) throws ScoopManifestException {
        Field url = field(manifest, block, arch, "url");
        Field hash = field(manifest, block, arch, "hash");
        if (url == null) {
            throw new ScoopManifestException("url", "missing");
        }
        if (hash == null) {
            throw new ScoopManifestException(arch == null ? "hash" : "architecture." + arch + ".hash",
                    "missing; Patchgate verifies every download against the hash its catalog gives");
        }
        List<String> urls = url.strings();
        List<String> hashes = hash.strings();
        if (urls.size() != hashes.size()) {
            throw new ScoopManifestException(hash.path, "url lists " + urls.size() + " download(s) but hash lists "
                    + hashes.size() + "; they must be parallel");
        }
        List<ScoopUrl> parsed = new ArrayList<>();
        List<Digest> digests = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            parsed.add(ScoopUrl.parse(urls.get(i), url.path(i)));
            digests.add(ScoopHash.parse(hashes.get(i), hash.path(i)));
        }
        if (urls.size() > 1) {
            // Scoop downloads every URL into the app folder (an archive plus a DLL, helper scripts,
            // plug-ins …). The model has one verified file per installer, and the first file alone
            // is often not a working install (gawk needs its libgcc DLL), so such manifests are
            // reported rather than half-imported.
            throw new ScoopManifestException(url.path, "lists " + urls.size() + " downloads (" + parsed.get(0).fileName()
                    + " and " + (urls.size() - 1) + " more) that Scoop installs together; Patchgate installs one"
                    + " verified file per installer, so multi-file Scoop apps are not supported yet");
        }
        ScoopUrl download = parsed.get(0);
        Digest digest = digests.get(0);
        boolean sha256 = digest.algorithm() == HashAlgorithm.SHA256;
        // An "installer" directive (a file to run or a PowerShell script) means Scoop does more than
        // unpack or copy the download; Patchgate does not run or translate it, so the package is
        // marked as one that only Scoop's own tooling installs faithfully.
        InstallerType type = field(manifest, block, arch, "installer") != null
                ? InstallerType.SCRIPT : download.installerType(innoSetup);
        try {
            return new Installer(architecture, InstallScope.USER, null, type,
                    download.rename() == null ? VENDOR_TYPE : VENDOR_TYPE + "#/" + download.rename(),
                    download.uri(), sha256 ? new Sha256(digest.hex()) : null, sha256 ? null : digest,
                    null, null, null);
        } catch (IllegalArgumentException e) {
            throw new ScoopManifestException(url.path, e.getMessage());
        }
    }

    private static boolean has(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** The architecture's own value if it has one, else the top-level value, else {@code null}. */
    private static Field field(ObjectNode manifest, ObjectNode block, String arch, String name) {
        if (block != null && has(block, name)) {
            return new Field(block.get(name), "architecture." + arch + "." + name);
        }
        if (has(manifest, name)) {
            return new Field(manifest.get(name), arch == null ? name : name + " (for " + arch + ")");
        }
        return null;
    }

    /** A {@code url} or {@code hash} value: a string, or an array of strings parallel to the other. */
    private record Field(JsonNode node, String path) {

        List<String> strings() throws ScoopManifestException {
            if (node.isTextual()) {
                return List.of(node.textValue());
            }
            if (!node.isArray() || node.isEmpty()) {
                throw new ScoopManifestException(path, "must be a string or a non-empty array of strings");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw new ScoopManifestException(path(i), "must be a string");
                }
                out.add(node.get(i).textValue());
            }
            return out;
        }

        String path(int index) {
            if (!node.isArray()) {
                return path;
            }
            int space = path.indexOf(' ');
            return space < 0 ? path + "[" + index + "]"
                    : path.substring(0, space) + "[" + index + "]" + path.substring(space);
        }
    }
}
