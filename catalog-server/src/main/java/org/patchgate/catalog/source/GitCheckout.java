package org.patchgate.catalog.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Tells, by asking the {@code git} command, whether a folder is part of a git checkout whose files
 * are exactly its HEAD commit, and which commit that is. Such a folder holds what the commit holds,
 * so its commit id identifies its content without a single file being read (docs/catalog.md,
 * "Unchanged sources").
 *
 * <p>"Exactly" means {@code git status} reports nothing under the folder: no modified or deleted
 * tracked file, no untracked file and — when the repository has ignore rules at all — no ignored
 * file either, since an adapter reads ignored files like any other. git does this with its index's
 * stat data and untracked cache, i.e. one {@code lstat} per file and no file opened, which is what
 * makes it cheaper than Patchgate's own digest of every file.
 *
 * <p>Anything unexpected — git not installed, not a checkout, a repository git refuses to use
 * ("dubious ownership"), a time-out — means "no revision" with the reason logged: the sync then
 * reads the folder as any other. git runs with the repository's own configuration except for a few
 * settings passed on its command line: no file-system monitor (a configured one would be a program
 * run by the server), the untracked cache on, and no personal excludes file.
 */
public final class GitCheckout {

    private static final Logger LOG = Logger.getLogger(GitCheckout.class.getName());
    private static final String COMMIT = "[0-9a-f]{40}|[0-9a-f]{64}";
    private static final int OUTPUT_LIMIT = 64 * 1024;

    private final String git;
    private final Duration timeout;
    private final Path emptyExcludes;

    /**
     * @param git the command to run ({@code git}, found on the PATH, or a full path)
     * @param timeout how long one git command may take before the folder counts as "no revision"
     * @param emptyExcludes an empty file, given to git as {@code core.excludesFile}: personal ignore
     *     rules of whichever account runs the server must not hide files from the check
     */
    public GitCheckout(String git, Duration timeout, Path emptyExcludes) {
        this.git = git;
        this.timeout = timeout;
        this.emptyExcludes = emptyExcludes;
    }

    /** {@code git commit <id> (clean working tree)} for a clean checkout, else empty (reason logged). */
    public Optional<String> revision(Path folder) {
        try {
            Result head = run(folder, "rev-parse", "--show-toplevel", "--git-path", "info/exclude", "HEAD");
            List<String> lines = head.lines();
            if (head.exit() != 0 || lines.size() != 3 || !lines.get(2).matches(COMMIT)) {
                LOG.fine(() -> folder + " is not read as a git checkout: " + head.text().strip());
                return Optional.empty();
            }
            boolean ignoreRules = hasIgnoreRules(folder, resolve(folder, lines.get(1)));
            List<String> status = new ArrayList<>(List.of("status", "--porcelain", "-z", "--untracked-files=all"));
            if (ignoreRules) {
                status.add("--ignored=traditional");
            }
            status.addAll(List.of("--", "."));
            Result clean = run(folder, status.toArray(String[]::new));
            if (!clean.truncated() && clean.exit() != 0) {
                LOG.info(() -> "git status failed in " + folder + " (exit " + clean.exit() + "): " + clean.text().strip()
                        + "; the folder is read file by file");
                return Optional.empty();
            }
            if (!clean.text().isEmpty()) {
                LOG.info(() -> folder + " differs from its git commit (first change: " + firstEntry(clean.text())
                        + "); the folder is read file by file");
                return Optional.empty();
            }
            return Optional.of("git commit " + lines.get(2) + " (clean working tree)");
        } catch (IOException e) {
            LOG.info(() -> "cannot run " + git + " for " + folder + ": " + e.getMessage() + "; the folder is read file by file");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Whether any ignore rule could apply: a tracked {@code .gitignore} anywhere, or a pattern in the
     * repository's {@code info/exclude}. Without one, nothing can be ignored, and {@code git status}
     * can skip listing ignored files, which costs a walk of every folder (about half of its time on a
     * winget-sized tree). An untracked {@code .gitignore} shows up as untracked and fails the check anyway.
     */
    private boolean hasIgnoreRules(Path folder, Path infoExclude) throws IOException, InterruptedException {
        if (Files.isRegularFile(infoExclude)) {
            for (String line : Files.readAllLines(infoExclude, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    return true;
                }
            }
        }
        Result tracked = run(folder, "ls-files", "-z", "--", ":(top,glob)**/.gitignore");
        return tracked.exit() != 0 || !tracked.text().isEmpty();
    }

    private static Path resolve(Path folder, String gitPath) {
        Path p = Path.of(gitPath);
        return p.isAbsolute() ? p : folder.resolve(p);
    }

    private static String firstEntry(String porcelainZ) {
        int end = porcelainZ.indexOf('\0');
        return end < 0 ? porcelainZ : porcelainZ.substring(0, end);
    }

    private Result run(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(git, "-C", folder.toString(),
                "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=true",
                "-c", "core.excludesFile=" + emptyExcludes));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The server's environment must not point git at another repository or configuration.
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            process.destroyForcibly();
        }, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        // A dirty tree can print a lot, of which the first entry is enough: reading stops (and git is
        // stopped) after 64 KiB.
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readNBytes(OUTPUT_LIMIT);
        }
        boolean truncated = output.length == OUTPUT_LIMIT;
        if (truncated) {
            process.destroyForcibly();
        }
        int exit = process.waitFor();
        watchdog.cancel(false);
        if (timedOut.get()) {
            throw new IOException("git " + args[0] + " took longer than " + timeout.toSeconds() + " s");
        }
        return new Result(exit, new String(output, StandardCharsets.UTF_8), truncated);
    }

    /** What git printed (stdout and stderr); {@code truncated} when it printed more than we read. */
    private record Result(int exit, String text, boolean truncated) {
        List<String> lines() {
            return text.lines().toList();
        }
    }
}
