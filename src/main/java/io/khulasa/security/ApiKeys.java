package io.khulasa.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, kept only as SHA-256 digests. A presented key is hashed and compared with every known
 * digest with {@link MessageDigest#isEqual}, so neither the comparison time nor the loop exits early tell an attacker
 * how close a guess was. Keys are never logged; {@link #fingerprint(String)} (a short hash prefix) is what logs show.
 */
public final class ApiKeys {

    private final List<byte[]> digests;

    private ApiKeys(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /**
     * Reads the keys from the comma-separated list and the key file (one key per line, {@code #} comments).
     *
     * @throws IllegalStateException when the file cannot be read
     */
    public static ApiKeys load(Optional<List<String>> keys, Optional<String> keyFile) {
        Set<String> all = new LinkedHashSet<>();
        keys.ifPresent(list -> list.stream().map(String::strip).filter(k -> !k.isEmpty()).forEach(all::add));
        keyFile.filter(f -> !f.isBlank()).ifPresent(file -> all.addAll(readFile(Path.of(file))));
        List<byte[]> digests = new ArrayList<>();
        for (String key : all) {
            digests.add(sha256(key));
        }
        return new ApiKeys(digests);
    }

    static List<String> readFile(Path file) {
        try {
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String key = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
            return keys;
        } catch (IOException e) {
            // The path is configuration, not a secret; the contents never appear in the message.
            throw new IllegalStateException("khulasa.security.api-keys-file: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Whether any key is configured, i.e. whether calls must present one. */
    public boolean enabled() {
        return !digests.isEmpty();
    }

    public int size() {
        return digests.size();
    }

    /** Whether the presented key is one of the configured keys; constant time in the key's content. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean found = false;
        for (byte[] known : digests) {
            // No early exit: every digest is compared, whatever matched before.
            found |= MessageDigest.isEqual(known, digest);
        }
        return found;
    }

    /** The first 8 hex digits of a key's SHA-256: enough to tell keys apart in logs and metrics, useless to a thief. */
    public static String fingerprint(String key) {
        return HexFormat.of().formatHex(sha256(key), 0, 4);
    }

    /** Fingerprints of the configured keys, for the start-up log line. */
    public List<String> fingerprints() {
        return digests.stream().map(d -> HexFormat.of().formatHex(d, 0, 4)).toList();
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is not available", e));
        }
    }
}
