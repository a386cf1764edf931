package org.patchgate.catalog.browse;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patchgate.catalog.model.Architecture;
import org.patchgate.catalog.model.Classification;
import org.patchgate.catalog.model.InstallerType;
import org.patchgate.security.RequiresRole;
import org.patchgate.security.Role;
import org.patchgate.server.problem.ProblemException;

/** Browse and search the normalised catalog. */
@RequestScoped
@Path("catalog")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.VIEWER)
public class CatalogResource {

    static final int MAX_LIMIT = 200;

    @Inject
    private CatalogQueries queries;

    @GET
    @Path("vendors")
    @Operation(summary = "Vendors, by name; q filters by a part of the name")
    public CatalogQueries.Page<CatalogQueries.VendorSummary> vendors(@QueryParam("q") String q,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        checkPage(offset, limit);
        return queries.vendors(blankToNull(q), offset, limit);
    }

    @GET
    @Path("products")
    @Operation(summary = "Products, by name, optionally of one vendor or source")
    public CatalogQueries.Page<CatalogQueries.ProductSummary> products(@QueryParam("vendor") String vendor,
            @QueryParam("source") Long source,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        checkPage(offset, limit);
        return queries.products(blankToNull(vendor), source, offset, limit);
    }

    @GET
    @Path("updates")
    @Operation(summary = "Updates: full-text search (q) and filters; current versions only unless includeSuperseded")
    public CatalogQueries.Page<CatalogQueries.UpdateSummary> updates(@QueryParam("q") String q,
            @QueryParam("vendor") String vendor, @QueryParam("product") Long product, @QueryParam("source") Long source,
            @QueryParam("classification") String classification,
            @QueryParam("releasedFrom") String releasedFrom, @QueryParam("releasedBefore") String releasedBefore,
            @QueryParam("installerType") String installerType, @QueryParam("architecture") String architecture,
            @QueryParam("includeSuperseded") @DefaultValue("false") boolean includeSuperseded,
            @QueryParam("includeRemoved") @DefaultValue("false") boolean includeRemoved,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        checkPage(offset, limit);
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "at most 200 characters");
        }
        UpdateFilter filter = new UpdateFilter(blankToNull(q), blankToNull(vendor), product, source,
                UpdateFilter.parseEnum(Classification.class, "classification", classification),
                UpdateFilter.parseDate("releasedFrom", releasedFrom), UpdateFilter.parseDate("releasedBefore", releasedBefore),
                UpdateFilter.parseEnum(InstallerType.class, "installerType", installerType),
                UpdateFilter.parseEnum(Architecture.class, "architecture", architecture),
                includeSuperseded, includeRemoved);
        return queries.updates(filter, offset, limit);
    }

    @GET
    @Path("updates/{id}")
    @Operation(summary = "One update with its installers, detection rules and supersedence")
    public UpdateDetail update(@PathParam("id") long id) {
        CatalogUpdate u = queries.update(id);
        if (u == null) {
            throw ProblemException.notFound("update " + id);
        }
        return UpdateDetail.of(u);
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw ProblemException.invalid("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static JsonValue json(String stored) {
        if (stored == null) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            return reader.readValue();
        }
    }

    /** An update in full. Rules and supersedes are JSON as stored (see docs/catalog.md). */
    public record UpdateDetail(long id, long sourceId, String sourceEntryId, String sourcePath, String vendor, long productId,
                               String product, String productKey, String version, String title, String description,
                               LocalDate releaseDate, String classification, String severity, String homepage,
                               String license, JsonValue supersedes, Long supersededById, JsonValue installedRule,
                               JsonValue applicableRule, Instant firstSeenAt, Instant changedAt, Instant removedAt,
                               List<InstallerView> installers) {
        static UpdateDetail of(CatalogUpdate u) {
            return new UpdateDetail(u.id(), u.sourceId(), u.sourceEntryId(), u.sourcePath(), u.product().vendor().name(),
                    u.product().id(), u.product().name(), u.product().productKey(), u.version(), u.title(), u.description(),
                    u.releaseDate(), u.classification(), u.severity(), u.homepage(), u.license(), json(u.supersedes()),
                    u.supersededById(), json(u.installedRule()), json(u.applicableRule()), u.firstSeenAt(), u.changedAt(), u.removedAt(),
                    u.installers().stream().map(InstallerView::of).toList());
        }
    }

    /** An installer with its content state. */
    public record InstallerView(long id, String architecture, String scope, String locale, String installerType,
                                String vendorType, String url, String sha256, String vendorDigest, String silentInstall,
                                String silentUninstall, Long sizeBytes, String contentState, String contentSha256,
                                String contentError) {
        static InstallerView of(UpdateInstaller i) {
            return new InstallerView(i.id(), i.architecture(), i.scope(), i.locale(), i.installerType(), i.vendorType(),
                    i.url(), i.sha256(), i.vendorDigest(), i.silentInstall(), i.silentUninstall(), i.sizeBytes(),
                    i.contentState(), i.contentSha256(), i.contentError());
        }
    }
}
