package com.sellavie.identity.privacy;

import com.sellavie.identity.privacy.PrivacyExceptions.RequestNotFoundException;
import com.sellavie.identity.privacy.PrivacyRequest.Kind;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** An export's archive, decrypted for its business's OWNER; not ready yet or expired: why. */
@Component
class ExportDownload {

    private final PrivacyRequests requests;
    private final ExportArchives archives;
    private final ArchiveCipher cipher;
    private final Tenancy tenancy;
    private final Clock clock = Clock.systemUTC();

    ExportDownload(PrivacyRequests requests, ExportArchives archives, ArchiveCipher cipher, Tenancy tenancy) {
        this.requests = requests;
        this.archives = archives;
        this.cipher = cipher;
        this.tenancy = tenancy;
    }

    byte[] archive(UUID businessId, UUID requestId) {
        return tenancy.callAs(businessId, () -> {
            requests.find(businessId, requestId).filter(request -> request.kind() == Kind.EXPORT)
                    .orElseThrow(RequestNotFoundException::new);
            ExportArchives.Stored stored = archives.find(businessId, requestId)
                    .orElseThrow(() -> new PrivacyExceptions.ArchiveUnavailableException(
                            "The archive is not ready yet (or has expired and was deleted)."));
            if (!stored.expiresAt().isAfter(clock.instant())) {
                throw new PrivacyExceptions.ArchiveUnavailableException("The archive has expired.");
            }
            return cipher.decrypt(stored.ciphertext(), requestId);
        });
    }
}
