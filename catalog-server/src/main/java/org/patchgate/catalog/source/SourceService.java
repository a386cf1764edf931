package org.patchgate.catalog.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.patchgate.catalog.format.SourceFormat;
import org.patchgate.server.problem.ProblemException;

/** Creates, changes and removes catalog sources, checking every value with a message naming the field. */
@ApplicationScoped
@Transactional
public class SourceService {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .:_()-]{0,127}");

    @PersistenceContext(unitName = "patchgate")
    private EntityManager em;

    @Inject
    private Clock clock;

    public List<CatalogSource> list() {
        return em.createQuery("SELECT s FROM CatalogSource s ORDER BY s.name", CatalogSource.class).getResultList();
    }

    public CatalogSource get(long id) {
        CatalogSource source = em.find(CatalogSource.class, id);
        if (source == null) {
            throw ProblemException.notFound("source " + id);
        }
        return source;
    }

    public CatalogSource create(SourceDefinition d) {
        String name = validName(d.name());
        requireUniqueName(name, null);
        SourceFormat format = validFormat(d.format());
        CatalogSource source = new CatalogSource(name, format, validLocation(d.location()), clock.instant());
        source.enable(d.enabled() == null || d.enabled(), clock.instant());
        Integer minutes = d.scheduleMinutes() == null || d.scheduleMinutes() == 0 ? null : d.scheduleMinutes();
        source.schedule(validSchedule(minutes), clock.instant());
        applyCredentials(source, d);
        em.persist(source);
        return source;
    }

    /** Changes the given fields; null fields stay as they are. */
    public CatalogSource update(long id, SourceDefinition d) {
        CatalogSource source = get(id);
        if (d.name() != null) {
            String name = validName(d.name());
            requireUniqueName(name, id);
            source.rename(name);
        }
        if (d.format() != null || d.location() != null) {
            source.relocate(d.format() == null ? source.format() : validFormat(d.format()),
                    d.location() == null ? source.location() : validLocation(d.location()));
        }
        if (d.enabled() != null) {
            source.enable(d.enabled(), clock.instant());
        }
        if (d.scheduleMinutes() != null) {
            source.schedule(d.scheduleMinutes() == 0 ? null : validSchedule(d.scheduleMinutes()), clock.instant());
        }
        applyCredentials(source, d);
        source.touched(clock.instant());
        return source;
    }

    /** Removes a source and everything synced from it. */
    public void delete(long id) {
        em.remove(get(id));
    }

    private void applyCredentials(CatalogSource source, SourceDefinition d) {
        if (d.credentialUser() == null) {
            return;
        }
        if (d.credentialUser().isBlank()) {
            source.credentials(null, null);
            return;
        }
        if (!source.location().startsWith("http")) {
            throw ProblemException.invalid("credentialUser", "credentials apply to http(s) locations only");
        }
        source.credentials(d.credentialUser().strip(), d.credentialSecret() == null ? "" : d.credentialSecret());
    }

    private void requireUniqueName(String name, Long self) {
        List<CatalogSource> same = em.createQuery("SELECT s FROM CatalogSource s WHERE lower(s.name) = :n", CatalogSource.class)
                .setParameter("n", name.toLowerCase(Locale.ROOT)).getResultList();
        if (same.stream().anyMatch(s -> !s.id().equals(self))) {
            throw ProblemException.conflict("a source named '" + name + "' already exists");
        }
    }

    static String validName(String name) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            throw ProblemException.invalid("name", "use 1 to 128 letters, digits, spaces, '.', ':', '_', '(', ')' or '-'");
        }
        return name.strip();
    }

    /** Accepts enum names in any case, and {@code patchgate-json} for PATCHGATE_JSON. */
    static SourceFormat validFormat(String format) {
        if (format != null) {
            String normalised = format.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (SourceFormat f : SourceFormat.values()) {
                if (f.name().equals(normalised)) {
                    return f;
                }
            }
        }
        throw ProblemException.invalid("format", "must be one of winget, scoop, scup, chocolatey, patchgate-json");
    }

    /** An http(s) URL, or an absolute local path (a folder, a git checkout or a file) that exists. */
    static String validLocation(String location) {
        if (location == null || location.isBlank()) {
            throw ProblemException.invalid("location", "a local path or an http(s) URL is required");
        }
        String text = location.strip();
        if (text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null) {
                    throw ProblemException.invalid("location", "the URL has no host");
                }
                if (uri.getUserInfo() != null) {
                    throw ProblemException.invalid("location", "put credentials in credentialUser/credentialSecret, not in the URL");
                }
                return uri.toString();
            } catch (URISyntaxException e) {
                throw ProblemException.invalid("location", "not a valid URL: " + e.getReason());
            }
        }
        try {
            Path path = Path.of(text);
            if (!path.isAbsolute()) {
                throw ProblemException.invalid("location", "a local path must be absolute");
            }
            if (!Files.exists(path)) {
                throw ProblemException.invalid("location", text + " does not exist on the server");
            }
            if (!Files.isReadable(path)) {
                throw ProblemException.invalid("location", text + " is not readable by the server");
            }
            return path.normalize().toString();
        } catch (InvalidPathException e) {
            throw ProblemException.invalid("location", "not a valid path: " + e.getReason());
        }
    }

    static Integer validSchedule(Integer minutes) {
        if (minutes == null) {
            return null;
        }
        if (minutes < 5 || minutes > 525_600) {
            throw ProblemException.invalid("scheduleMinutes", "must be between 5 and 525600 (a year), or 0 for no schedule");
        }
        return minutes;
    }

    /**
     * What an admin sends to create or change a source.
     *
     * @param name unique display name
     * @param format winget, scoop, scup, chocolatey or patchgate-json
     * @param location absolute local path or http(s) URL
     * @param scheduleMinutes minutes between scheduled syncs; null or 0 for none
     * @param enabled whether scheduled syncs run
     * @param credentialUser HTTP basic user for URL locations ("" removes credentials)
     * @param credentialSecret HTTP basic password
     */
    public record SourceDefinition(String name, String format, String location, Integer scheduleMinutes, Boolean enabled,
                                   String credentialUser, String credentialSecret) {
    }
}
