package com.labelmint.platform.ratelimit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which group a path belongs to: the one with the longest matching prefix, so a specific group
 * such as {@code /api/v1/auth/} wins over the catch-all {@code /api/v1/}. Paths under no prefix
 * are not limited. A singleton, not application-scoped, so a wrong group fails the start-up, when
 * the filter that holds it is created, instead of the first request.
 */
@Singleton
public class RouteGroups {

    private final List<Map.Entry<String, RouteGroup>> byPrefix; // longest prefix first

    @Inject
    RouteGroups(RateLimitConfig config) {
        this(config.groups());
    }

    RouteGroups(Map<String, RateLimitConfig.Group> groups) {
        this.byPrefix = groups.entrySet().stream()
                .flatMap(entry -> {
                    RateLimitConfig.Group group = entry.getValue();
                    RouteGroup routeGroup = new RouteGroup(entry.getKey(), group.requestsPerIp(),
                            group.requestsPerAccount(), group.window());
                    return group.pathPrefixes().stream().map(prefix -> Map.entry(prefix, routeGroup));
                })
                .sorted(Comparator.comparing((Map.Entry<String, RouteGroup> entry) -> entry.getKey().length()).reversed())
                .toList();
    }

    Optional<RouteGroup> match(String path) {
        if (path == null) {
            return Optional.empty();
        }
        return byPrefix.stream()
                .filter(entry -> path.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
