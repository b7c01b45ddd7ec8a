package com.sellavie.commerce.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/catalog/import} (OWNER, ADMIN): a CSV file as the body ({@code text/csv}) or as the
 * multipart field {@code file}. The text/csv body is read after the role check and never past 1 MiB.
 */
@RestController
class CatalogImportController {

    private static final Logger log = LoggerFactory.getLogger(CatalogImportController.class);

    private final CatalogImport imports;
    private final MeterRegistry meters;

    CatalogImportController(CatalogImport imports, MeterRegistry meters) {
        this.imports = imports;
        this.meters = meters;
    }

    @PostMapping(path = "/api/catalog/import", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ImportSummary importCsv(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > CatalogImport.MAX_BYTES) {
            throw counted(new ImportTooLargeException(CatalogImport.MAX_BYTES));
        }
        byte[] file = readAtMost(request.getInputStream(), CatalogImport.MAX_BYTES);
        return counted(() -> imports.importFile(file, charset(request.getCharacterEncoding())));
    }

    @PostMapping(path = "/api/catalog/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ImportSummary importUpload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > CatalogImport.MAX_BYTES) {
            throw counted(new ImportTooLargeException(CatalogImport.MAX_BYTES));
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = readAtMost(in, CatalogImport.MAX_BYTES);
        }
        return counted(() -> imports.importFile(content, charset(null)));
    }

    /** Counts and logs each import's outcome (sellavie.commerce.catalog.imports{outcome}); never the file's content. */
    private ImportSummary counted(Supplier<ImportSummary> work) {
        try {
            ImportSummary summary = work.get();
            meters.counter("sellavie.commerce.catalog.imports", "outcome", "imported").increment();
            log.info("Catalog import: {} created, {} updated, {} unchanged", summary.created(), summary.updated(),
                    summary.unchanged());
            return summary;
        } catch (ImportRejectedException e) {
            meters.counter("sellavie.commerce.catalog.imports", "outcome", "refused").increment();
            log.info("Catalog import refused: {}", e.getBody().getDetail());
            throw e;
        }
    }

    private ImportTooLargeException counted(ImportTooLargeException e) {
        meters.counter("sellavie.commerce.catalog.imports", "outcome", "too_large").increment();
        log.info("Catalog import refused: larger than {} bytes", CatalogImport.MAX_BYTES);
        return e;
    }

    private byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) max + 1);
        if (bytes.length > max) {
            throw counted(new ImportTooLargeException(max));
        }
        return bytes;
    }

    /** UTF-8 unless the request names another charset; an unknown name falls back to UTF-8 (strictly decoded). */
    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
