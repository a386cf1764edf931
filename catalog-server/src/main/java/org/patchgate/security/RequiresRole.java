package org.patchgate.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role that may call an endpoint. Every resource method carries this or
 * {@link PublicEndpoint}, on the method or its class; {@link AuthenticationFilter} refuses
 * a method with neither, so that a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    Role value();
}
