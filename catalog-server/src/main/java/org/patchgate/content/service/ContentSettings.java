package org.patchgate.content.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Content settings from MicroProfile Config (docs/configuration.md). */
@ApplicationScoped
public class ContentSettings {

    @Inject
    @ConfigProperty(name = "patchgate.content.quota-gib", defaultValue = "200")
    long quotaGib;

    @Inject
    @ConfigProperty(name = "patchgate.content.local-repository")
    Optional<String> localRepository;

    @Inject
    @ConfigProperty(name = "patchgate.content.max-download-mib", defaultValue = "16384")
    long maxDownloadMib;

    public long quotaBytes() {
        return quotaGib << 30;
    }

    public Optional<String> localRepository() {
        return localRepository.filter(s -> !s.isBlank());
    }

    public long maxDownloadBytes() {
        return maxDownloadMib << 20;
    }
}
