package gallery.vision.ingress.web;

import gallery.vision.common.ApiError;
import gallery.vision.ingress.config.IngressProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies up to {@code MAX_BYTES}. A body declared larger is refused before a byte is read; a body
 * that turns out larger while streaming is refused as soon as the limit is passed, without reading the rest.
 */
@Component
public class RequestBodies {

    private static final int CHUNK = 16 * 1024;

    private final long maxBytes;

    public RequestBodies(IngressProperties ingress) {
        this.maxBytes = ingress.maxBytes().toBytes();
    }

    public byte[] read(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw ApiError.BODY_TOO_LARGE.exception(maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : CHUNK);
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = request.getInputStream()) {
            long total = 0;
            for (int n; (n = in.read(chunk)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw ApiError.BODY_TOO_LARGE.exception(maxBytes);
                }
                body.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("request body could not be read", e);
        }
        return body.toByteArray();
    }
}
