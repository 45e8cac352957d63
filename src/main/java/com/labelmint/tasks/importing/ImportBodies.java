package com.labelmint.tasks.importing;

import com.labelmint.platform.error.StreamedBodies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Import bodies are far larger than the application-wide limit: {@link Spooler} counts them against
 * {@code labelmint.import.max-bytes} as they arrive.
 */
@ApplicationScoped
class ImportBodies implements StreamedBodies {

    private static final Pattern PATH = Pattern.compile("/api/v1/projects/[^/]+/items:import");

    @Override
    public boolean limitsOwnBody(String path) {
        return PATH.matcher(path).matches();
    }
}
