package io.github.partnerattribution.templates.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The stable {@code apiVersion}s of {@code Microsoft.Resources/deployments} this release knows, oldest first: the one
 * list the default of an added tracking deployment and the age rule (CUA029) are made from. Taken from the public REST
 * specifications, {@code specification/resources/resource-manager/Microsoft.Resources/resources/readme.md} of
 * github.com/Azure/azure-rest-api-specs (its stable tags; previews left out). Adding a version is one line here. Not
 * API.
 */
public final class DeploymentApiVersions {
    /** {@code yyyy-mm-dd}, then an optional {@code -suffix} of letters; first, as the dates below read it. */
    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(-[A-Za-z]+)?");

    /** The newest stable version: the default {@code apiVersion} of a tracking deployment this tool writes. */
    public static final String NEWEST = "2025-04-01";

    /** Every stable version, oldest first; the last is {@link #NEWEST}. */
    public static final List<String> STABLE = Collections.unmodifiableList(Arrays.asList(
            "2015-11-01", "2016-02-01", "2016-07-01", "2016-09-01", "2017-05-10", "2018-02-01", "2018-05-01",
            "2019-03-01", "2019-05-01", "2019-05-10", "2019-07-01", "2019-08-01", "2019-10-01", "2020-06-01",
            "2020-08-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-09-01", "2023-07-01", "2024-03-01",
            "2024-07-01", "2024-11-01", "2025-03-01", NEWEST));

    /** arm-ttk's "apiVersions Should Be Recent": a version more than this many days old fails, unless the newest. */
    public static final int ARM_TTK_MAX_AGE_DAYS = 730;

    private static final java.time.LocalDate NEWEST_DATE = date(NEWEST);

    private DeploymentApiVersions() {
    }

    /**
     * How many days an {@code apiVersion} is older than {@code today} when arm-ttk would fail it, else -1: it is the
     * newest stable version (or newer), it is no date, or it is {@link #ARM_TTK_MAX_AGE_DAYS} days old or younger.
     */
    public static long tooOld(String apiVersion, java.time.LocalDate today) {
        java.time.LocalDate date = date(apiVersion);
        if (date == null || !date.isBefore(NEWEST_DATE)) {
            return -1;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(date, today);
        return days > ARM_TTK_MAX_AGE_DAYS ? days : -1;
    }

    /** The date an {@code apiVersion} names ({@code 2021-04-01}, {@code 2020-10-01-preview}), or null when none. */
    static java.time.LocalDate date(String apiVersion) {
        java.util.regex.Matcher m = apiVersion == null ? null : VERSION.matcher(apiVersion);
        if (m == null || !m.matches()) {
            return null;
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }
}
