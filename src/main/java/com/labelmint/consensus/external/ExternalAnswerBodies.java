package com.labelmint.consensus.external;

import com.labelmint.platform.error.StreamedBodies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A million answers are far more than the application-wide body limit: the aggregation resource caps its body
 * itself ({@code labelmint.consensus.aggregate.max-bytes}) as it reads it.
 */
@ApplicationScoped
class ExternalAnswerBodies implements StreamedBodies {

    @Override
    public boolean limitsOwnBody(String path) {
        return "/api/v1/consensus/aggregate".equals(path);
    }
}
