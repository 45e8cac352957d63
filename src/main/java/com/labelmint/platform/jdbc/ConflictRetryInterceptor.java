package com.labelmint.platform.jdbc;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Runs a {@link RetriedOnConflict} method up to {@value #ATTEMPTS} times while PostgreSQL undoes it for losing to another
 * transaction, after a short random pause (two transactions that deadlocked should not meet again in step). It sits
 * outside {@code @Transactional}'s interceptor (which has {@code PLATFORM_BEFORE + 200}), so each attempt is a
 * transaction of its own; called inside a caller's transaction it does nothing, since the conflict has doomed that
 * transaction and only its owner can start again.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(ConflictRetryInterceptor.class);
    static final int ATTEMPTS = 3;
    private static final int MOST_PAUSE_MILLIS = 50;

    private final TransactionManager transactions;

    ConflictRetryInterceptor(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        if (insideATransaction()) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !TransactionConflicts.lostToAnother(e)) {
                    throw e;
                }
                LOG.debugf("%s lost to another transaction (attempt %d of %d), running it again: %s",
                        invocation.getMethod().getName(), attempt, ATTEMPTS, e.getMessage());
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, MOST_PAUSE_MILLIS * attempt));
            }
        }
    }

    private boolean insideATransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
