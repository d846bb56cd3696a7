package id.klinikumkm.bot.intake;

/**
 * Edit distance that counts a swap of two neighbouring letters as one typo (optimal string alignment), since
 * swapped letters are the most common slip on a phone keyboard.
 */
final class Typos {
    private Typos() {}

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = cell(a, b, d, i, j);
            }
        }
        return d[a.length()][b.length()];
    }

    private static int cell(String a, String b, int[][] d, int i, int j) {
        if (i == 0 || j == 0) {
            return i + j;
        }
        int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
        boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1);
        return swapped ? Math.min(best, d[i - 2][j - 2] + 1) : best;
    }
}
