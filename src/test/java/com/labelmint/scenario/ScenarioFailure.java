package com.labelmint.scenario;

/** The marketplace did not do what the scenario needed of it: the step, and what the application answered. */
final class ScenarioFailure extends RuntimeException {

    ScenarioFailure(String message) {
        super(message);
    }

    ScenarioFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
