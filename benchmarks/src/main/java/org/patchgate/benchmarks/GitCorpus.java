package org.patchgate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes a generated corpus a git repository, as a real winget-pkgs checkout is (not timed). */
final class GitCorpus {

    private GitCorpus() {
    }

    static void commitIfNeeded(Path corpus) throws IOException, InterruptedException {
        if (Files.isDirectory(corpus.resolve(".git"))) {
            return;
        }
        long t0 = System.nanoTime();
        git(corpus, "init", "-q");
        commitAll(corpus, "generated corpus");
        System.out.printf("made %s a git repository in %.0f s (not timed)%n", corpus, (System.nanoTime() - t0) / 1e9);
    }

    static void commitAll(Path corpus, String message) throws IOException, InterruptedException {
        git(corpus, "add", "-A");
        git(corpus, "-c", "user.name=Patchgate Benchmark", "-c", "user.email=benchmark@patchgate.invalid",
                "commit", "-q", "-m", message);
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + output);
        }
    }
}
