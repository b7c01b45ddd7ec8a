package com.sellavie.commerce.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
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

    private final CatalogImport imports;

    CatalogImportController(CatalogImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/catalog/import", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ImportSummary importCsv(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > CatalogImport.MAX_BYTES) {
            throw new ImportTooLargeException(CatalogImport.MAX_BYTES);
        }
        return imports.importFile(readAtMost(request.getInputStream(), CatalogImport.MAX_BYTES),
                charset(request.getCharacterEncoding()));
    }

    @PostMapping(path = "/api/catalog/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ImportSummary importUpload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > CatalogImport.MAX_BYTES) {
            throw new ImportTooLargeException(CatalogImport.MAX_BYTES);
        }
        try (InputStream in = file.getInputStream()) {
            return imports.importFile(readAtMost(in, CatalogImport.MAX_BYTES), charset(null));
        }
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) max + 1);
        if (bytes.length > max) {
            throw new ImportTooLargeException(max);
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
