package com.labelmint.scenario;

/**
 * What happens to the platform while the crowd labels, besides the labeling: nothing on an ordinary day; on the
 * scale-out's, instances killed and started again ({@link Chaos}).
 */
interface LabelingDisturbance {

    LabelingDisturbance NONE = () -> () -> { };

    /** Starts when the crowd starts; the handle ends it once the crowd has stopped. */
    Running start();

    /** A disturbance under way. */
    interface Running extends AutoCloseable {

        /** Ends it, returning once the platform is whole again; fails if the disturbance itself failed. */
        @Override
        void close();
    }
}
