package com.sellavie.ai.reply;

import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes a ReplyRequested in: records it as a reply job, in the caller's transaction (the inbox's),
 * and nothing else. The model is called later by {@link ReplyJobScheduler}, outside any transaction.
 */
@Service
public class ReplyIntake {

    private static final Logger log = LoggerFactory.getLogger(ReplyIntake.class);

    private final ReplyJobs jobs;
    private final ReplyJobScheduler scheduler;

    ReplyIntake(ReplyJobs jobs, ReplyJobScheduler scheduler) {
        this.jobs = jobs;
        this.scheduler = scheduler;
    }

    /**
     * @throws IllegalArgumentException the request names another business than the record's tenant
     *                                  (a bug upstream: dead-lettered, never answered)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accept(ReplyRequested request) {
        UUID tenant = TenantContext.requireBusinessId();
        if (!tenant.equals(request.getBusinessId())) {
            throw new IllegalArgumentException("ReplyRequested " + request.getEventId() + " is for business "
                    + request.getBusinessId() + " but arrived for tenant " + tenant);
        }
        if (!jobs.insert(request)) {
            log.info("ReplyRequested {} already has a reply job; nothing to do", request.getEventId());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.wakeUp();
            }
        });
    }
}
