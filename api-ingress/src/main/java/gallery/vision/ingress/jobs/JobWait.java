package gallery.vision.ingress.jobs;

import gallery.vision.common.ApiError;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wait} query parameter of {@code GET /jobs/{id}}: whole seconds ({@code 20}) or a number with the unit
 * {@code s} or {@code ms} ({@code 20s}, {@code 1500ms}); absent means no wait. Longer than {@code JOB_WAIT_MAX} is cut
 * to it; anything else is a {@link ApiError#BAD_REQUEST}.
 */
final class JobWait {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(s|ms)?");

    private JobWait() {
    }

    static Duration parse(String wait, Duration max) {
        if (wait == null) {
            return Duration.ZERO;
        }
        Matcher matcher = FORM.matcher(wait.trim());
        if (!matcher.matches()) {
            throw ApiError.BAD_REQUEST.exception(
                    "wait must be whole seconds or a number with the unit s or ms (e.g. wait=20s), got '" + shown(wait) + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration asked = "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        return asked.compareTo(max) > 0 ? max : asked;
    }

    private static String shown(String wait) {
        return wait.length() > 20 ? wait.substring(0, 20) + "..." : wait;
    }
}
