package com.sellavie.ai.reply;

import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
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
 * and nothing else. The model is called later by a worker, outside any transaction. When a worker is
 * free and the job is its conversation's head, the job is recorded already claimed and handed to that
 * worker once the transaction commits: no poll, no separate claim (up to two statements and a wait
 * for the poller fewer per reply). Otherwise {@link ReplyJobScheduler}'s poller finds it.
 */
@Service
public class ReplyIntake {

    private static final Logger log = LoggerFactory.getLogger(ReplyIntake.class);

    private final ReplyJobs jobs;
    private final ReplyJobScheduler scheduler;
    private final ReplyJobProperties properties;
    private final Counter handedOver;

    ReplyIntake(ReplyJobs jobs, ReplyJobScheduler scheduler, ReplyJobProperties properties, MeterRegistry meters) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.properties = properties;
        this.handedOver = ReplyJobScheduler.claims(meters, "intake");
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
        Optional<ReplyWorkerPool.Slot> worker = scheduler.reserveWorker();
        Optional<ReplyJobs.Recorded> recorded;
        try {
            recorded = jobs.insert(request, worker.isPresent() ? properties.replyLease() : null);
        } catch (RuntimeException e) {
            worker.ifPresent(ReplyWorkerPool.Slot::release);
            throw e;
        }
        Optional<ReplyJob> claimed = recorded.flatMap(ReplyJobs.Recorded::claimed);
        if (claimed.isEmpty() && worker.isPresent()) {
            // Not claimable yet (an older job of its conversation is PENDING) or already recorded: the
            // worker goes back, and the poller is told in case it found none free meanwhile.
            worker.get().release();
            scheduler.wakeUp();
        }
        if (recorded.isEmpty()) {
            log.info("ReplyRequested {} already has a reply job; nothing to do", request.getEventId());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (claimed.isPresent()) {
                    handedOver.increment();
                    worker.get().submit(claimed.get());
                } else {
                    scheduler.wakeUp();
                }
            }

            @Override
            public void afterCompletion(int status) {
                // Rolled back: nothing was recorded, so the kept worker is not needed (a no-op once submitted).
                worker.ifPresent(ReplyWorkerPool.Slot::release);
            }
        });
    }
}
