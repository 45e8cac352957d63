package com.labelmint.consensus.engine;

/**
 * Per task the class most workers chose. Confidence is the winner's share of the task's votes. Ties go to the
 * lowest class code (with {@link AnswerMatrixBuilder#declareClasses}, the first value of the label schema), so
 * the same answers always give the same labels. Gold is not consulted: a vote rule has nothing to learn from it.
 */
public final class MajorityVote {

    private MajorityVote() {
    }

    public static TaskLabels aggregate(AnswerMatrix answers) {
        return VoteCount.winners(answers, null);
    }
}
