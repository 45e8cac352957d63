package com.labelmint.tasks.importing;

import com.labelmint.platform.error.LargeBodyRoute;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/** The import endpoint takes bodies up to {@code labelmint.import.max-bytes}, and counts them itself ({@link Spooler}). */
@ApplicationScoped
class ImportBodyRoute implements LargeBodyRoute {

    private static final Pattern PATH = Pattern.compile("/api/v1/projects/[^/]+/items:import");

    private final long maxBytes;

    ImportBodyRoute(ImportConfig config) {
        this.maxBytes = config.maxBytes().asLongValue();
    }

    @Override
    public boolean matches(String method, String path) {
        return method.equals("POST") && PATH.matcher(path).matches();
    }

    @Override
    public long maxBodyBytes() {
        return maxBytes;
    }
}
