package io.flashbridge.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * What the embedded SFTP server saw of uploads: which files a client has open for writing now, and
 * which a client closed (or renamed into place) complete, at what size. A reader asking about a file
 * the server saw neither way (copied into the folder on disk, or whose uploader's session ended with
 * it open) gets {@link State#UNKNOWN} and has to judge by other means.
 */
public final class Uploads implements SftpEventListener {

    public enum State { WRITING, COMPLETE, UNKNOWN }

    /** Completed uploads remembered until read; beyond this many the oldest are forgotten (they become UNKNOWN). */
    static final int REMEMBERED = 10_000;

    private final Set<FileHandle> writing = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> completeSizes = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    });

    /**
     * {@code path}: as a client of the server names it ({@code outbox/payouts/x.csv}, with or without a
     * leading slash); {@code size}: the size the asker sees now.
     */
    public State state(String path, long size) {
        String key = key(path);
        for (FileHandle handle : writing) {
            if (handle.isOpen() && key(handle.getFile()).equals(key)) {
                return State.WRITING;
            }
        }
        Long completeSize = completeSizes.get(key);
        return completeSize != null && completeSize == size ? State.COMPLETE : State.UNKNOWN;
    }

    /** The file is being opened: from here until it is closed, it is not complete. */
    @Override
    public void opening(ServerSession session, String remoteHandle, Handle handle) {
        if (handle instanceof FileHandle file && writes(file)) {
            completeSizes.remove(key(file.getFile()));
            writing.add(file);
        }
    }

    @Override
    public void openFailed(ServerSession session, String remotePath, Path localPath, boolean isDirectory, Throwable thrown) {
        String key = key(localPath);
        writing.removeIf(handle -> handle.getFileChannel() == null && key(handle.getFile()).equals(key));
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle handle, Throwable thrown) {
        if (handle instanceof FileHandle file && writing.remove(file) && thrown == null) {
            try {
                completeSizes.put(key(file.getFile()), Files.size(file.getFile()));
            } catch (IOException gone) {
                completeSizes.remove(key(file.getFile()));
            }
        }
    }

    /** The client's session ended with the file still open: an interrupted upload, never complete. */
    @Override
    public void exiting(ServerSession session, Handle handle) {
        if (handle instanceof FileHandle file) {
            writing.remove(file);
        }
    }

    @Override
    public void moved(ServerSession session, Path source, Path target, Collection<java.nio.file.CopyOption> options,
                      Throwable thrown) {
        if (thrown == null) {
            Long size = completeSizes.remove(key(source));
            completeSizes.remove(key(target));
            if (size != null) {
                completeSizes.put(key(target), size);
            }
        }
    }

    @Override
    public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
        completeSizes.remove(key(path));
    }

    /** Forgets a file once it has been read (a new upload under its name starts over). */
    public void forget(String path) {
        completeSizes.remove(key(path));
    }

    private static boolean writes(FileHandle file) {
        return file.getOpenOptions().contains(StandardOpenOption.WRITE)
                || file.getOpenOptions().contains(StandardOpenOption.APPEND);
    }

    private static String key(Path path) {
        return key(path.toAbsolutePath().normalize().toString());
    }

    private static String key(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
