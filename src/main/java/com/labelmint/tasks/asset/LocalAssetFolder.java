package com.labelmint.tasks.asset;

import io.vertx.core.buffer.Buffer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The local store's files. Each asset is one file named by the SHA-256 of its key, so no name,
 * however crafted, reaches outside the folder, and names that differ only in case stay apart on
 * a case-insensitive disk. The file holds the asset's Content-Type on its first line, then its
 * bytes: type and content change together. An upload is written to {@code incoming/} and renamed
 * into place whole, so a reader sees the old asset or the new one, never half of one.
 */
@Singleton
class LocalAssetFolder {

    /** Longer than any content type the upload policy admits, with its line break. */
    private static final int MAX_HEADER_BYTES = 260;

    private final Path root;
    private final Path objects;
    private final Path incoming;

    LocalAssetFolder(AssetsConfig config) {
        this.root = Path.of(config.local().directory()).toAbsolutePath();
        this.objects = root.resolve("objects");
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(incoming);
            discardAbandonedUploads();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the asset folder " + root, e);
        }
    }

    /** Uploads cut off by a crash or a stop; only this instance writes here, and it is just starting. */
    private void discardAbandonedUploads() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(incoming)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** A fresh file name for one upload in progress. */
    Path newIncomingFile() {
        return incoming.resolve(UUID.randomUUID() + ".part");
    }

    /** What an incoming file starts with, before the uploaded bytes. */
    static Buffer header(String contentType) {
        return Buffer.buffer(contentType + "\n", StandardCharsets.US_ASCII.name());
    }

    /** Puts a complete incoming file in place of the asset at this key. */
    void commit(Path incomingFile, AssetKey key) throws IOException {
        Path target = fileOf(key);
        Files.createDirectories(target.getParent());
        Files.move(incomingFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void discard(Path incomingFile) throws IOException {
        Files.deleteIfExists(incomingFile);
    }

    Optional<LocalAsset> find(AssetKey key) throws IOException {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String contentType = readHeader(file);
        long offset = contentType.length() + 1L;
        return Optional.of(new LocalAsset(file, offset, Files.size(file) - offset, contentType));
    }

    private static String readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(MAX_HEADER_BYTES);
            for (int i = 0; i < start.length; i++) {
                if (start[i] == '\n') {
                    return new String(start, 0, i, StandardCharsets.US_ASCII);
                }
            }
        }
        throw new IOException("The asset file " + file + " has no content type line");
    }

    private Path fileOf(AssetKey key) {
        String hash = sha256(key.objectKey());
        return objects.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** An asset on disk: its bytes start at {@code offset} in {@code file}. */
    record LocalAsset(Path file, long offset, long sizeBytes, String contentType) {
    }
}
