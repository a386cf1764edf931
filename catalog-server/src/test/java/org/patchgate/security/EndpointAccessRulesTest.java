package org.patchgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every REST endpoint declares who may call it: a forgotten annotation fails the build, not production. */
class EndpointAccessRulesTest {

    @Test
    void everyResourceMethod_hasARoleOrIsExplicitlyPublic() throws Exception {
        java.nio.file.Path classes = Paths.get(Role.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        assertTrue(resources.size() >= 5, "found the resource classes: " + resources);
        List<String> unprotected = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
                        .anyMatch(method::isAnnotationPresent);
                boolean ruled = method.isAnnotationPresent(RequiresRole.class) || method.isAnnotationPresent(PublicEndpoint.class)
                        || resource.isAnnotationPresent(RequiresRole.class) || resource.isAnnotationPresent(PublicEndpoint.class);
                if (endpoint && !ruled) {
                    unprotected.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), unprotected);
    }
}
