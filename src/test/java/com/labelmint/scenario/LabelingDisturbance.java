package com.labelmint.scenario;

/**
 * What happens to the platform while the crowd labels, besides the labeling: nothing on an ordinary day; on the
 * scale-out's, instances killed and started again ({@link Chaos}).
 */
interface LabelingDisturbance {

    LabelingDisturbance NONE = crowd -> () -> { };

    /** Starts when the crowd starts ({@code crowd}: to hold it); the handle ends it once the crowd has stopped. */
    Running start(CrowdGate crowd);

    /** A disturbance under way. */
    interface Running extends AutoCloseable {

        /** Ends it, returning once the platform is whole again; fails if the disturbance itself failed. */
        @Override
        void close();
    }
}
