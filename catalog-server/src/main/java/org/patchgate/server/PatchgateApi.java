package org.patchgate.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The admin REST API: everything the console and admins' scripts call lives under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Patchgate API", version = "1",
                description = "Administration API of the Patchgate site server."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "Token returned by POST /api/v1/auth/login."),
    @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE, apiKeyName = "patchgate_session",
            description = "Session cookie set by POST /api/v1/auth/login; changes also need the X-CSRF-Token header.")
})
public class PatchgateApi extends Application {
}
