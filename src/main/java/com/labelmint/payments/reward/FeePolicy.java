package com.labelmint.payments.reward;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The platform's part of each reward, {@code labelmint.payments.fee-percent} of it, rounded down in the labeler's favour. */
@ApplicationScoped
public class FeePolicy {

    private final BigDecimal percent;

    FeePolicy(@ConfigProperty(name = "labelmint.payments.fee-percent", defaultValue = "10") BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("labelmint.payments.fee-percent must be at least 0 and below 100, not " + percent);
        }
        this.percent = percent;
    }

    /** The fee on a reward of {@code gross} base units. */
    public long feeOf(long gross) {
        return BigDecimal.valueOf(gross).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
    }
}
