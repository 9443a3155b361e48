package dev.lstudio.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose request may be sent again after a failure that happened once the
 * request may have reached the server (a 5xx, a 429, a reset connection). Endpoints without
 * it are retried only when the connection could not be opened at all. The retry interceptor
 * reads this from Retrofit's {@link retrofit2.Invocation} tag, so the decision is written
 * next to each endpoint instead of being guessed from its URL.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RetrySafe {
}
