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
 * makes it cheaper than Patchgate's own digest of every file. Anything git writes to its error
 * output (a folder it cannot open, say) also counts as a difference.
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
            Result head = run(folder, "rev-parse", "--show-prefix", "--git-path", "info/exclude", "HEAD");
            List<String> lines = head.lines();
            if (head.exit() != 0 || lines.size() != 3 || !lines.get(2).matches(COMMIT)) {
                LOG.fine(() -> folder + " is not read as a git checkout: " + head.errors().strip());
                return Optional.empty();
            }
            String prefix = lines.get(0); // the folder relative to the top of the checkout, "" or "a/b/"
            boolean ignoreRules = hasIgnoreRules(folder, resolve(folder, lines.get(1)));
            // The whole checkout, not "-- <folder>": git's untracked cache serves only a status without
            // pathspec and with untracked files shown per folder ("normal"), which is enough to tell
            // whether there are any. Entries outside the folder are then left out here.
            Result status = run(folder, ignoreRules
                    ? new String[] {"status", "--porcelain", "-z", "--ignored=traditional"}
                    : new String[] {"status", "--porcelain", "-z"});
            if (!status.truncated() && (status.exit() != 0 || !status.errors().isBlank())) {
                // Warnings too (a folder git cannot open, say): what git could not check is not vouched for.
                LOG.info(() -> "git status in " + folder + " (exit " + status.exit() + ") said: " + status.errors().strip()
                        + "; the folder is read file by file");
                return Optional.empty();
            }
            Optional<String> change = status.truncated() ? Optional.of("more changes than git's output we read")
                    : firstChangeUnder(prefix, status.text());
            if (change.isPresent()) {
                LOG.info(() -> folder + " differs from its git commit (" + change.get() + "); the folder is read file by file");
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
     * The first entry of {@code git status --porcelain -z} output that concerns the folder at
     * {@code prefix}: a path under it, an untracked or ignored folder ({@code "dir/"}) holding it, or
     * a {@code .gitignore} anywhere.
     * Paths are relative to the top of the checkout; a rename or copy has its old path in the next field.
     */
    static Optional<String> firstChangeUnder(String prefix, String porcelainZ) {
        String[] fields = porcelainZ.split("\0");
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (field.length() < 4) {
                continue;
            }
            String path = field.substring(3);
            boolean renamed = field.charAt(0) == 'R' || field.charAt(0) == 'C' || field.charAt(1) == 'R' || field.charAt(1) == 'C';
            String oldPath = renamed && i + 1 < fields.length ? fields[++i] : null;
            if (under(prefix, path) || (oldPath != null && under(prefix, oldPath)) || isIgnoreFile(path)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code .gitignore} that is untracked or changed, wherever it is, may hide files under the
     * folder from a status that did not list ignored files (the repository had no tracked rules).
     */
    private static boolean isIgnoreFile(String path) {
        return path.equals(".gitignore") || path.endsWith("/.gitignore");
    }

    private static boolean under(String prefix, String path) {
        return prefix.isEmpty() || path.startsWith(prefix) || (path.endsWith("/") && prefix.startsWith(path));
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

    private Result run(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(git, "-C", folder.toString(),
                "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=true",
                "-c", "core.excludesFile=" + emptyExcludes));
        command.addAll(List.of(args));
        Path errors = Files.createTempFile("patchgate-git", ".err");
        try {
            return run(new ProcessBuilder(command).redirectError(errors.toFile()), errors, args[0]);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private Result run(ProcessBuilder builder, Path errors, String what) throws IOException, InterruptedException {
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
            throw new IOException("git " + what + " took longer than " + timeout.toSeconds() + " s");
        }
        String stderr;
        try (InputStream in = Files.newInputStream(errors)) {
            stderr = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
        return new Result(exit, new String(output, StandardCharsets.UTF_8), stderr, truncated);
    }

    /** What git printed; {@code truncated} when it printed more on stdout than we read. */
    private record Result(int exit, String text, String errors, boolean truncated) {
        List<String> lines() {
            return text.lines().toList();
        }
    }
}
