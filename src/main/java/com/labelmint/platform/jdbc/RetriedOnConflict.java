package com.labelmint.platform.jdbc;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @Transactional} method run again, in a new transaction, when PostgreSQL undid it for losing a deadlock or a
 * serialization conflict ({@link ConflictRetryInterceptor}). For request paths that lock several rows whose order
 * they cannot choose (the labelers of an item judged while a listener judges another item of theirs): the event bus
 * retries its listeners, and a request should not answer 503 for what a second try settles.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedOnConflict {
}
