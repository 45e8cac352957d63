package com.labelmint.scenario;

import java.util.Optional;

/** Where a labeler works: it hands out one task at a time (shown as the text of its item) and takes its answer. */
interface TaskChannel {

    /** Asks for a task: the item's text when one is now held. */
    Optional<String> take();

    /** Answers the held task with a topic; the next task's text when the channel hands one out with the answer. */
    Optional<String> answer(String topic);
}
