package com.sellavie.ingest.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body as the exact bytes received, refusing it as soon as it is known to exceed the
 * limit: at once when the declared Content-Length says so, otherwise after reading one byte past the
 * limit. Memory never holds more than the limit plus one read buffer.
 */
public final class BoundedBody {

    private static final int CHUNK = 16 * 1024;

    private BoundedBody() {
    }

    /** Thrown when the body is larger than allowed. */
    public static final class TooLargeException extends Exception {
        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /** Refuses a body whose declared length already exceeds {@code limit}; -1 means "not declared". */
    public static void checkDeclaredLength(long contentLength, long limit) throws TooLargeException {
        if (contentLength > limit) {
            throw new TooLargeException("Declared body of " + contentLength + " bytes exceeds " + limit);
        }
    }

    public static byte[] read(InputStream in, long contentLength, int limit) throws IOException, TooLargeException {
        checkDeclaredLength(contentLength, limit);
        int expected = contentLength >= 0 ? (int) contentLength : CHUNK;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(expected, limit) + 1);
        byte[] buffer = new byte[CHUNK];
        int read;
        while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1L - out.size()))) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                throw new TooLargeException("Body exceeds " + limit + " bytes");
            }
        }
        return out.toByteArray();
    }
}
