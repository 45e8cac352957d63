package com.labelmint.consensus.fraud;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code labelmint.consensus.fraud.*}: when a labeler's answers count as a fraud signal (decisions/anti-fraud.md). */
@ConfigMapping(prefix = "labelmint.consensus.fraud")
public interface FraudConfig {

    /** Wrong gold answers in a row that flag a labeler. */
    @WithDefault("3")
    int goldStreak();

    Constant constant();

    Speed speed();

    Crowd crowd();

    interface Constant {

        /** The labeler's last answers that are compared: all the same value is the signal. */
        @WithDefault("10")
        int window();

        /** Only while the crowd's most common value has a smaller share than this: a crowd that agrees on one value excuses it. */
        @WithDefault("0.8")
        double crowdTopShare();
    }

    interface Speed {

        /** The labeler's last answers whose median duration is compared with the crowd's. */
        @WithDefault("10")
        int window();

        /** The signal: the labeler's median below this fraction of the crowd's. */
        @WithDefault("0.25")
        double fraction();

        /**
         * No comparison while the crowd's median is below this: durations are measured by the server, lease to answer,
         * and at a fraction of a second network and scheduling noise outweigh the labeling.
         */
        @WithDefault("1s")
        Duration minimumCrowdMedian();
    }

    interface Crowd {

        /** The project's latest answers the crowd's typical time and answers are measured over. */
        @WithDefault("500")
        int window();

        /** No crowd comparison before the project has this many answers: too few to say what is typical. */
        @WithDefault("30")
        int minimumAnswers();

        /** How long one measurement of a project's crowd is used before it is measured again. */
        @WithDefault("30s")
        Duration refresh();
    }
}
