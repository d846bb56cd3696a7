package id.klinikumkm.bot.intake;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises the kecamatan of Kabupaten Probolinggo however it is typed, because the clinic serves only the
 * regency: the five districts of Kota Probolinggo and Besuki (Situbondo) look local but are not, so they are
 * recognised as outside before any typo correction could turn them into a regency kecamatan. The neighbouring
 * regencies are known for the same reason: "Lumajang" is two typos from Lumbang and "Jember" two from Sumber.
 */
public final class Kecamatans {

    /** BPS order, which is also the order of the buttons, so a typed button number maps back to a name. */
    public static final List<String> ALL = List.of(
            "Sukapura", "Sumber", "Kuripan", "Bantaran", "Leces", "Tegalsiwalan", "Banyuanyar", "Tiris",
            "Krucil", "Gading", "Pakuniran", "Kotaanyar", "Paiton", "Besuk", "Kraksaan", "Krejengan",
            "Pajarakan", "Maron", "Gending", "Dringu", "Wonomerto", "Lumbang", "Tongas", "Sumberasih");

    private static final String KOTA = "Kota Probolinggo";
    private static final String KOTA_KEY = compact(KOTA);
    private static final Map<String, String> REGENCY = regency();
    private static final Map<String, String> OUTSIDE = outside();
    private static final List<String> PREFIXES =
            List.of("kabupatenprobolinggo", "kabprobolinggo", "kabupaten", "kab", "kecamatan", "kec");
    private static final List<String> SUFFIXES =
            List.of("jawatimur", "jatim", "kabupatenprobolinggo", "kabprobolinggo", "probolinggo", "kabupaten", "kab");
    private static final int SHORT_NAME = 5;

    private Kecamatans() {}

    public static KecamatanMatch match(String typed) {
        String compact = compact(typed);
        if (compact.contains(KOTA_KEY)) {
            return inKota(withoutAffixes(compact.replace(KOTA_KEY, "")));
        }
        String name = withoutAffixes(compact);
        if (name.matches("[0-9]{1,2}")) {
            return byButton(Integer.parseInt(name));
        }
        if (REGENCY.containsKey(name)) {
            return new KecamatanMatch.Exact(REGENCY.get(name));
        }
        if (OUTSIDE.containsKey(name)) {
            return new KecamatanMatch.Outside(OUTSIDE.get(name));
        }
        return nearest(name);
    }

    private static KecamatanMatch inKota(String name) {
        Nearest district = Nearest.among(name, OUTSIDE);
        boolean named = district.found() && district.place().startsWith(KOTA);
        return new KecamatanMatch.Outside(named ? district.place() : KOTA);
    }

    private static KecamatanMatch byButton(int number) {
        boolean onList = number >= 1 && number <= ALL.size();
        return onList ? new KecamatanMatch.Exact(ALL.get(number - 1)) : new KecamatanMatch.Unknown();
    }

    /** A tie with an outside place is treated as outside: a wrong regency suggestion would misroute the case. */
    private static KecamatanMatch nearest(String name) {
        if (name.isEmpty()) {
            return new KecamatanMatch.Unknown();
        }
        Nearest inside = Nearest.among(name, REGENCY);
        Nearest outside = Nearest.among(name, OUTSIDE);
        if (outside.found() && (!inside.found() || outside.distance() <= inside.distance())) {
            return new KecamatanMatch.Outside(outside.place());
        }
        return inside.found() ? new KecamatanMatch.Suggestion(inside.place()) : new KecamatanMatch.Unknown();
    }

    /** Accents, case, spaces and punctuation vary between typists but never tell two kecamatan apart. */
    private static String compact(String typed) {
        if (typed == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(typed, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String withoutAffixes(String compact) {
        String name = compact;
        String before;
        do {
            before = name;
            name = withoutPrefix(withoutSuffix(name));
        } while (!name.equals(before));
        return name;
    }

    private static String withoutPrefix(String name) {
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static String withoutSuffix(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Map<String, String> regency() {
        Map<String, String> names = new LinkedHashMap<>();
        ALL.forEach(name -> names.put(compact(name), name));
        names.put("krasakan", "Kraksaan");
        return Collections.unmodifiableMap(names);
    }

    private static Map<String, String> outside() {
        Map<String, String> places = new LinkedHashMap<>();
        for (String district : List.of("Kademangan", "Kanigaran", "Kedopok", "Mayangan", "Wonoasih")) {
            places.put(compact(district), KOTA + " (" + district + ")");
        }
        places.put("besuki", "Kabupaten Situbondo (Besuki)");
        for (String regency : List.of("Pasuruan", "Malang", "Lumajang", "Jember", "Bondowoso", "Situbondo")) {
            places.put(compact(regency), "Kabupaten " + regency);
        }
        return Collections.unmodifiableMap(places);
    }

    /** The closest name within typo distance; on a tie the earlier entry wins, which is BPS order for the regency. */
    private record Nearest(String place, int distance) {
        static Nearest among(String typed, Map<String, String> names) {
            Nearest best = new Nearest(null, Integer.MAX_VALUE);
            for (Map.Entry<String, String> name : names.entrySet()) {
                int distance = Typos.distance(typed, name.getKey());
                if (distance <= allowed(name.getKey()) && distance < best.distance()) {
                    best = new Nearest(name.getValue(), distance);
                }
            }
            return best;
        }

        boolean found() {
            return place != null;
        }

        private static int allowed(String name) {
            return name.length() <= SHORT_NAME ? 1 : 2;
        }
    }
}
