package org.patchgate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patchgate.server.DatabaseMigrated;

/**
 * Creates the first administrator, {@value #USERNAME}, when the database has no user yet: with the
 * password from {@code PATCHGATE_ADMIN_PASSWORD}, or a random one printed once to the log.
 */
@ApplicationScoped
public class InitialAdmin {

    static final String USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

    @Inject
    private UserService users;

    @Inject
    @ConfigProperty(name = "patchgate.admin.password")
    private Optional<String> configuredPassword;

    void onMigrated(@Observes DatabaseMigrated migrated) {
        Optional<String> password = configuredPassword.filter(p -> !p.isEmpty());
        if (password.isPresent()) {
            PasswordPolicy.check("patchgate.admin.password", password.get());
        }
        String chosen = password.orElseGet(() -> Tokens.random().substring(0, 24));
        if (!users.createInitialAdmin(USERNAME, chosen)) {
            return;
        }
        if (password.isPresent()) {
            LOG.info("Created the initial administrator '" + USERNAME + "' with the password from PATCHGATE_ADMIN_PASSWORD");
        } else {
            // Printed once, on the console of the first start only: it is not stored anywhere in clear.
            System.out.println();
            System.out.println("==================================================================");
            System.out.println(" Patchgate: initial administrator created");
            System.out.println("   username: " + USERNAME);
            System.out.println("   password: " + chosen);
            System.out.println(" This password is shown only now. Change it after logging in.");
            System.out.println("==================================================================");
            System.out.println();
        }
    }
}
