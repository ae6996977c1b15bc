package org.ybdesk.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The astronomy behind the Chinese calendar (农历) and the solar terms (节气), computed as the national standard
 * GB/T 33661-2017 《农历的编算和颁行》 defines them, in Beijing time (UTC+8):
 * <ul>
 *   <li>a lunar month begins on the day (Beijing time) of a new moon (朔);</li>
 *   <li>the month containing 冬至 (winter solstice) is the 11th month;</li>
 *   <li>when 13 new moons begin between two 冬至 months, the first month after the 11th that contains no major solar
 *       term (中气: a solar longitude that is a multiple of 30°) is a leap month and repeats the previous number.</li>
 * </ul>
 * Positions: new moons after J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.), ch. 49 (error well under a minute
 * for this century); the Sun's apparent longitude after ch. 25, low-accuracy method (0.01°, i.e. about 15 minutes in
 * time); ΔT after Espenak &amp; Meeus' polynomial. A date is therefore wrong only when a new moon or a term falls within
 * minutes of Beijing midnight; the results are checked against the published calendars in the tests, and the
 * deadline engine marks every date answered from them as provisional (暂定).
 *
 * <p>ICU4J's {@code ChineseCalendar} would do the lunar part, but the build is offline and its jar is not available;
 * this class has no dependencies. Valid for the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}.
 */
final class ChineseAstronomy {
    static final int FIRST_YEAR = 1950;
    static final int LAST_YEAR = 2150;
    private static final double BEIJING = 8.0 / 24.0;
    private static final double SYNODIC = 29.530588861;
    private static final double TROPICAL = 365.24219;

    private ChineseAstronomy() {
    }

    /** A lunar month: its number (1 = 正月), whether it is a leap month, and its first day. */
    record LunarMonth(int number, boolean leap, LocalDate firstDay) {
    }

    // ================================================================================================ public answers

    /** 正月初一 (Spring Festival) of the lunar year that begins in Gregorian {@code year}. */
    static LocalDate springFestival(int year) {
        return month(year, 1).firstDay();
    }

    /** The Gregorian date of day {@code day} of the (non-leap) lunar month {@code number} of lunar year {@code year}. */
    static LocalDate lunarDate(int year, int number, int day) {
        return month(year, number).firstDay().plusDays(day - 1L);
    }

    /** The Beijing date on which the Sun reaches apparent longitude {@code degrees} in Gregorian {@code year}. */
    static LocalDate solarTerm(int year, double degrees) {
        return beijingDate(solarTermJde(year, degrees));
    }

    /** 清明: the day the Sun reaches 15°. */
    static LocalDate qingming(int year) {
        return solarTerm(year, 15);
    }

    // ================================================================================================ lunar months

    /**
     * The months between the 11th month of lunar year {@code year - 1} (which contains 冬至 of {@code year - 1}) and
     * the 11th month of lunar year {@code year}, numbered; the regular (non-leap) month {@code number} among them.
     */
    private static LunarMonth month(int year, int number) {
        requireYear(year);
        for (LunarMonth m : months(year)) {
            if (m.number() == number && !m.leap()) {
                return m;
            }
        }
        throw new IllegalStateException("lunar month " + number + " not found in " + year);
    }

    static List<LunarMonth> months(int year) {
        double ws1 = solarTermJde(year - 1, 270);
        double ws2 = solarTermJde(year, 270);
        LocalDate ws1Day = beijingDate(ws1);
        LocalDate ws2Day = beijingDate(ws2);
        long k1 = newMoonOnOrBefore(ws1Day);
        long k2 = newMoonOnOrBefore(ws2Day);
        int count = (int) (k2 - k1);
        List<LocalDate> starts = new ArrayList<>();
        for (long k = k1; k <= k2; k++) {
            starts.add(beijingDate(newMoonJde(k)));
        }
        // the 中气 from 大寒 (300°) to 冬至 of this year (270°)
        List<LocalDate> majorTerms = new ArrayList<>();
        for (int j = 1; j <= 12; j++) {
            double lon = (270 + 30 * j) % 360;
            majorTerms.add(beijingDate(solveSun(lon, ws1 + j * TROPICAL / 12)));
        }
        int leapIndex = -1;
        if (count == 13) {
            for (int i = 1; i < count; i++) {
                LocalDate from = starts.get(i);
                LocalDate to = starts.get(i + 1);
                boolean hasMajor = majorTerms.stream().anyMatch(d -> !d.isBefore(from) && d.isBefore(to));
                if (!hasMajor) {
                    leapIndex = i;
                    break;
                }
            }
        }
        List<LunarMonth> out = new ArrayList<>();
        int number = 11;
        for (int i = 0; i < count; i++) {
            boolean leap = i == leapIndex;
            if (i > 0 && !leap) {
                number = number % 12 + 1;
            }
            out.add(new LunarMonth(number, leap, starts.get(i)));
        }
        return out;
    }

    /** The index k of the last new moon whose Beijing date is on or before {@code day}. */
    private static long newMoonOnOrBefore(LocalDate day) {
        double jd = day.toEpochDay() + 2440587.5;
        long k = (long) Math.floor((jd - 2451550.09766) / SYNODIC);
        while (beijingDate(newMoonJde(k + 1)).compareTo(day) <= 0) {
            k++;
        }
        while (beijingDate(newMoonJde(k)).isAfter(day)) {
            k--;
        }
        return k;
    }

    /** JDE of new moon number {@code k} (k = 0: 2000-01-06), Meeus ch. 49. */
    static double newMoonJde(long kk) {
        double k = kk;
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + SYNODIC * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        double[][] a = {
                {299.77 + 0.107408 * k - 0.009173 * t2, 0.000325},
                {251.88 + 0.016321 * k, 0.000165},
                {251.83 + 26.651886 * k, 0.000164},
                {349.42 + 36.412478 * k, 0.000126},
                {84.66 + 18.206239 * k, 0.000110},
                {141.74 + 53.303771 * k, 0.000062},
                {207.14 + 2.453732 * k, 0.000060},
                {154.84 + 7.306860 * k, 0.000056},
                {34.52 + 27.261239 * k, 0.000047},
                {207.19 + 0.121824 * k, 0.000042},
                {291.34 + 1.844379 * k, 0.000040},
                {161.72 + 24.198154 * k, 0.000037},
                {239.56 + 25.513099 * k, 0.000035},
                {331.55 + 3.592518 * k, 0.000023}};
        double extra = 0;
        for (double[] x : a) {
            extra += x[1] * Math.sin(rad(x[0]));
        }
        return jde + c + extra;
    }

    // ================================================================================================ the Sun

    /** JDE at which the Sun's apparent longitude is {@code degrees}, in Gregorian {@code year}. */
    static double solarTermJde(int year, double degrees) {
        // the March equinox is near March 20; longitudes below 270° come later in the same year, 270°+ too
        double march = LocalDate.of(year, 3, 20).toEpochDay() + 2440587.5;
        double guess = march + degrees / 360.0 * TROPICAL;
        return solveSun(degrees, guess);
    }

    private static double solveSun(double degrees, double guess) {
        double jde = guess;
        for (int i = 0; i < 50; i++) {
            double diff = normalize180(degrees - sunLongitude(jde));
            jde += diff * TROPICAL / 360.0;
            if (Math.abs(diff) < 1e-7) {
                break;
            }
        }
        return jde;
    }

    /** The Sun's apparent geocentric longitude in degrees (Meeus ch. 25, low accuracy). */
    static double sunLongitude(double jde) {
        double t = (jde - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
        return normalize360(lambda);
    }

    // ================================================================================================ time

    /** The Beijing civil date of a moment given as JDE (terrestrial time). */
    static LocalDate beijingDate(double jde) {
        double jdUt = jde - deltaTSeconds(jde) / 86400.0;
        long jdn = (long) Math.floor(jdUt + 0.5 + BEIJING);
        return LocalDate.ofEpochDay(jdn - 2440588L);
    }

    /** ΔT = TT − UT in seconds (Espenak &amp; Meeus polynomials, 1986–2150). */
    static double deltaTSeconds(double jde) {
        double y = 2000.0 + (jde - 2451544.5) / 365.2425;
        if (y < 2005) {
            double t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
                    + 0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
        }
        if (y < 2050) {
            double t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (y - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - y);
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year outside " + FIRST_YEAR + "–" + LAST_YEAR + ": " + year);
        }
    }

    private static double rad(double degrees) {
        return Math.toRadians(normalize360(degrees));
    }

    private static double normalize360(double d) {
        double r = d % 360.0;
        return r < 0 ? r + 360.0 : r;
    }

    private static double normalize180(double d) {
        double r = normalize360(d);
        return r > 180 ? r - 360 : r;
    }
}
