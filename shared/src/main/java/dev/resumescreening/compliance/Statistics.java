package dev.resumescreening.compliance;

/** The significance test of the adverse-impact report. */
final class Statistics {
    private Statistics() {}

    /**
     * Two-sided p-value of the pooled two-proportion z-test of {@code hitsA/totalA} against {@code hitsB/totalB}.
     * When the pooled proportion is 0 or 1 both rates are equal (all or none selected) and the p-value is 1.
     */
    static double twoProportionPValue(long hitsA, long totalA, long hitsB, long totalB) {
        double pooled = (double) (hitsA + hitsB) / (totalA + totalB);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / totalA + 1.0 / totalB));
        if (standardError == 0) {
            return 1.0;
        }
        double z = ((double) hitsA / totalA - (double) hitsB / totalB) / standardError;
        return Math.min(1.0, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /**
     * The complementary error function, from the Chebyshev fit in Numerical Recipes (erfcc): fractional error below
     * 1.2e-7 everywhere, plenty for a p-value.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double answer = t
                * Math.exp(
                        -z * z
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? answer : 2.0 - answer;
    }
}
