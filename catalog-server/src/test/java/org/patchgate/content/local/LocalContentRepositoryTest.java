package org.patchgate.content.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.HashAlgorithm;
import org.patchgate.catalog.model.InstallScope;
import org.patchgate.catalog.model.Installer;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.content.ContentQuotaExceededException;
import org.patchgate.content.StoredContent;
import org.patchgate.content.TestContent;
import org.patchgate.content.TestInstallers;
import org.patchgate.content.store.FileContentStore;

class LocalContentRepositoryTest {

    private static final URI URL = URI.create("https://downloads.example.com/app/1.0/App%20Setup-1.0.exe?sig=abc");

    @TempDir
    Path storeRoot;

    @TempDir
    Path repositoryRoot;

    private final TestContent content = TestContent.random(50_000, 21);
    private FileContentStore store;
    private LocalContentRepository repository;

    @BeforeEach
    void open() throws IOException {
        store = FileContentStore.builder(storeRoot).build();
        repository = new LocalContentRepository(repositoryRoot);
    }

    @Test
    void importInto_fileNamedAfterUrl_verifiedAndStored() throws IOException {
        Files.write(repositoryRoot.resolve("App Setup-1.0.exe"), content.bytes());

        Optional<StoredContent> stored = repository.importInto(store, TestInstallers.withSha256(URL, content.sha256()));

        assertEquals(Optional.of(new StoredContent(content.sha256(), content.size())), stored);
        assertTrue(store.exists(content.sha256()));
    }

    @Test
    void importInto_fileNamedBySha256Hex_found() throws IOException {
        Files.write(repositoryRoot.resolve(content.sha256().hex()), content.bytes());

        assertTrue(repository.importInto(store, TestInstallers.withSha256(URL, content.sha256())).isPresent());
    }

    @Test
    void importInto_folderNamedByVendorSha1_verifiedWithSha1AndStoredUnderSha256() throws IOException {
        Path folder = Files.createDirectory(repositoryRoot.resolve(content.digest(HashAlgorithm.SHA1).hex()));
        Files.write(folder.resolve("App Setup-1.0.exe"), content.bytes());
        Installer installer = TestInstallers.withVendorDigest(URL, content.digest(HashAlgorithm.SHA1));

        Optional<StoredContent> stored = repository.importInto(store, installer);

        assertEquals(content.sha256(), stored.orElseThrow().sha256());
    }

    @Test
    void importInto_sameNameOtherProduct_skippedAndNothingStored() throws IOException {
        Files.write(repositoryRoot.resolve("App Setup-1.0.exe"), content.tampered().bytes());

        Optional<StoredContent> stored = repository.importInto(store, TestInstallers.withSha256(URL, content.sha256()));

        assertEquals(Optional.empty(), stored);
        assertEquals(0, store.usedBytes());
    }

    @Test
    void importInto_wrongCandidateFirst_goesOnToOneThatVerifies() throws IOException {
        Files.write(repositoryRoot.resolve(content.sha256().hex()), content.tampered().bytes());
        Files.write(repositoryRoot.resolve("App Setup-1.0.exe"), content.bytes());

        Optional<StoredContent> stored = repository.importInto(store, TestInstallers.withSha256(URL, content.sha256()));

        assertEquals(content.sha256(), stored.orElseThrow().sha256());
    }

    @Test
    void importInto_verifiedFileOverQuota_failsWithQuotaError() throws IOException {
        store = FileContentStore.builder(storeRoot).quotaBytes(10).build();
        Files.write(repositoryRoot.resolve("App Setup-1.0.exe"), content.bytes());

        assertThrows(ContentQuotaExceededException.class,
                () -> repository.importInto(store, TestInstallers.withSha256(URL, content.sha256())));
    }

    @Test
    void candidates_lookupOrder_hashThenHashFolderThenFileName() {
        Installer installer = new Installer(Architecture.X64,
                InstallScope.MACHINE, null, InstallerType.EXE,
                null, URL, content.sha256(), content.digest(HashAlgorithm.SHA1), null, null, null);
        String sha256 = content.sha256().hex();
        String sha1 = content.digest(HashAlgorithm.SHA1).hex();

        assertEquals(List.of(
                repositoryRoot.resolve(sha256),
                repositoryRoot.resolve(sha1),
                repositoryRoot.resolve(sha256).resolve("App Setup-1.0.exe"),
                repositoryRoot.resolve(sha1).resolve("App Setup-1.0.exe"),
                repositoryRoot.resolve("App Setup-1.0.exe")), repository.candidates(installer));
    }

    @Test
    void fileName_urlSegmentsThatAreNotPlainNames_notUsed() {
        assertEquals(Optional.empty(), LocalContentRepository.fileName(URI.create("https://x.example/a/%2E%2E")));
        assertEquals(Optional.empty(), LocalContentRepository.fileName(URI.create("https://x.example/..%5C..%5Cboot.ini")));
        assertEquals(Optional.empty(), LocalContentRepository.fileName(URI.create("https://x.example/C%3Aevil.exe")));
        assertEquals(Optional.empty(), LocalContentRepository.fileName(URI.create("https://x.example/dir/")));
        assertEquals(Optional.empty(), LocalContentRepository.fileName(URI.create("https://x.example/a%00b.exe")));
        assertEquals(Optional.empty(), LocalContentRepository.fileName(URI.create("https://x.example/?id=7")));
        // An encoded slash decodes to a separator: only the part after it is a candidate name.
        assertEquals(Optional.of("passwd"),
                LocalContentRepository.fileName(URI.create("https://x.example/..%2F..%2Fetc%2Fpasswd")));
    }

    @Test
    void importInto_noCandidateFiles_returnsEmpty() throws IOException {
        assertFalse(repository.importInto(store, TestInstallers.withSha256(URL, content.sha256())).isPresent());
    }
}
