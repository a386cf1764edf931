package org.patchgate.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitCheckout} against real repositories made with the git command. */
class GitCheckoutTest {

    @TempDir
    Path temp;

    private Path checkout;
    private GitRepo repo;
    private GitCheckout git;

    @BeforeEach
    void repository() throws IOException {
        checkout = Files.createDirectories(temp.resolve("bucket"));
        Files.createDirectories(checkout.resolve("manifests/g/Git"));
        Files.writeString(checkout.resolve("manifests/g/Git/Git.yaml"), "PackageIdentifier: Git.Git\n");
        Files.createDirectories(checkout.resolve("tools"));
        Files.writeString(checkout.resolve("tools/readme.md"), "tools\n");
        repo = GitRepo.initAndCommit(checkout);
        git = new GitCheckout("git", Duration.ofSeconds(30), Files.createFile(temp.resolve("no-excludes")));
    }

    @Test
    void revision_cleanCheckout_isItsHeadCommit() throws IOException {
        assertEquals(Optional.of("git commit " + repo.head() + " (clean working tree)"), git.revision(checkout));
    }

    @Test
    void revision_afterANewCommit_isTheNewCommit() throws IOException {
        String before = git.revision(checkout).orElseThrow();
        Files.writeString(checkout.resolve("manifests/g/Git/Git.yaml"), "PackageIdentifier: Git.Git\nPackageVersion: 2\n");
        repo.commitAll("new version");

        String after = git.revision(checkout).orElseThrow();

        assertNotEquals(before, after);
        assertTrue(after.contains(repo.head()), after);
    }

    @Test
    void revision_modifiedTrackedFile_none() throws IOException {
        Files.writeString(checkout.resolve("manifests/g/Git/Git.yaml"), "PackageIdentifier: Git.Git\nedited: yes\n");
        assertEquals(Optional.empty(), git.revision(checkout));
    }

    @Test
    void revision_deletedTrackedFile_none() throws IOException {
        Files.delete(checkout.resolve("tools/readme.md"));
        assertEquals(Optional.empty(), git.revision(checkout));
    }

    @Test
    void revision_untrackedFile_none() throws IOException {
        Files.writeString(checkout.resolve("manifests/g/Git/Git.locale.en-US.yaml"), "PackageLocale: en-US\n");
        assertEquals(Optional.empty(), git.revision(checkout));
    }

    @Test
    void revision_ignoredFileUnderTheFolder_none_becauseAdaptersReadIgnoredFilesToo() throws IOException {
        Files.writeString(checkout.resolve(".gitignore"), "*.local.yaml\n");
        repo.commitAll("ignore rules");
        assertTrue(git.revision(checkout).isPresent());

        Files.writeString(checkout.resolve("manifests/g/Git/Git.local.yaml"), "PackageIdentifier: Sneaky\n");

        assertEquals(Optional.empty(), git.revision(checkout));
    }

    @Test
    void revision_ignoreRuleOnlyInInfoExclude_stillSeen() throws IOException {
        Files.writeString(checkout.resolve(".git/info/exclude"), "# comment\n*.local.yaml\n");
        Files.writeString(checkout.resolve("manifests/g/Git/Git.local.yaml"), "PackageIdentifier: Sneaky\n");

        assertEquals(Optional.empty(), git.revision(checkout));
    }

    @Test
    void revision_subfolder_ignoresChangesElsewhereInTheCheckout() throws IOException {
        Files.writeString(checkout.resolve("tools/readme.md"), "edited\n");
        Files.writeString(checkout.resolve("tools/new.txt"), "new\n");

        assertEquals(Optional.of("git commit " + repo.head() + " (clean working tree)"),
                git.revision(checkout.resolve("manifests")));
        assertEquals(Optional.empty(), git.revision(checkout));
    }

    @Test
    void revision_folderNotInACheckout_none() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(plain.resolve("a.yaml"), "x: 1\n");
        assertEquals(Optional.empty(), git.revision(plain));
    }

    @Test
    void revision_gitNotInstalled_none() {
        GitCheckout missing = new GitCheckout(temp.resolve("no-such-git").toString(), Duration.ofSeconds(30),
                temp.resolve("no-excludes"));
        assertEquals(Optional.empty(), missing.revision(checkout));
    }

    @Test
    void revision_repositoryWithoutCommits_none() throws IOException {
        Path fresh = Files.createDirectories(temp.resolve("fresh"));
        Files.writeString(fresh.resolve("a.yaml"), "x: 1\n");
        GitRepo empty = GitRepo.initAndCommit(fresh);
        empty.git("update-ref", "-d", "HEAD");
        assertEquals(Optional.empty(), git.revision(fresh));
    }

    @Test
    void firstChangeUnder_pathsRelativeToTheTop_renamesAndUntrackedFoldersCount() {
        String outside = "?? tools/new.txt\0 M README.md\0";
        assertEquals(Optional.empty(), GitCheckout.firstChangeUnder("manifests/", outside));
        assertEquals(Optional.of("?? tools/new.txt"), GitCheckout.firstChangeUnder("", outside), "the checkout's root");
        assertEquals(Optional.of(" M manifests/g/Git.yaml"),
                GitCheckout.firstChangeUnder("manifests/", outside + " M manifests/g/Git.yaml\0"));
        assertEquals(Optional.of("R  tools/moved.yaml"),
                GitCheckout.firstChangeUnder("manifests/", "R  tools/moved.yaml\0manifests/g/moved.yaml\0"),
                "a file renamed out of the folder");
        assertEquals(Optional.of("?? manifests/"), GitCheckout.firstChangeUnder("manifests/g/", "?? manifests/\0"),
                "an untracked folder holding the folder");
        assertEquals(Optional.empty(), GitCheckout.firstChangeUnder("manifests/", "?? manifests-old/\0"));
    }

    @Test
    void revision_untrackedIgnoreFileOutsideTheFolder_none_becauseItMayHideFilesInside() throws IOException {
        Files.writeString(checkout.resolve(".gitignore"), "*.local.yaml\n"); // untracked, at the top
        Files.writeString(checkout.resolve("manifests/g/Git/Git.local.yaml"), "PackageIdentifier: Sneaky\n");

        assertEquals(Optional.empty(), git.revision(checkout.resolve("manifests")));
    }

    @Test
    void revision_renameIntoTheFolder_none() throws IOException {
        repo.git("mv", "tools/readme.md", "manifests/readme.md");
        assertEquals(Optional.empty(), git.revision(checkout.resolve("manifests")));
    }
}
