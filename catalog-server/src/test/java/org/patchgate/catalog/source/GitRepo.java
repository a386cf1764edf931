package org.patchgate.catalog.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a test's folder, driven by the git command with no user or system configuration. */
public final class GitRepo {

    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    /** {@code git init} in {@code root}, then commits everything already there. */
    public static GitRepo initAndCommit(Path root) throws IOException {
        GitRepo repo = new GitRepo(root);
        repo.git("init", "-q", "-b", "main");
        repo.commitAll("initial");
        return repo;
    }

    public void commitAll(String message) throws IOException {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
    }

    public String head() throws IOException {
        return git("rev-parse", "HEAD").strip();
    }

    /** Runs git in the repository and returns what it printed; fails the test if git fails. */
    public String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString(),
                "-c", "user.name=Patchgate Test", "-c", "user.email=test@patchgate.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed in " + root + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }
}
