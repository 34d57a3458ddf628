package se.dikta.retention;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a retention pass removes (or, in a dry run, would remove) at {@code at}: ids and file names only,
 * never content.
 *
 * @param drafts unsigned drafts past {@link RetentionConfig#drafts()}
 * @param signedNotes signed notes whose case's last note is past {@link RetentionConfig#signedNoteYears()}
 * @param transcriptionJobs jobs past {@link RetentionConfig#transcriptionJobs()}
 * @param audioFiles files in the upload folder past {@link RetentionConfig#uploadAge()}
 * @param auditRows audit rows older than {@link RetentionConfig#auditLogYears()} (behind a checkpoint)
 * @param databasePart false when another node ran this day's database part; only local files were swept
 */
public record RetentionPlan(Instant at, List<String> drafts, List<String> signedNotes, List<String> transcriptionJobs,
        List<Path> audioFiles, long auditRows, boolean databasePart) {

    public RetentionPlan {
        drafts = List.copyOf(drafts);
        signedNotes = List.copyOf(signedNotes);
        transcriptionJobs = List.copyOf(transcriptionJobs);
        audioFiles = List.copyOf(audioFiles);
    }

    public boolean isEmpty() {
        return drafts.isEmpty() && signedNotes.isEmpty() && transcriptionJobs.isEmpty() && audioFiles.isEmpty()
                && auditRows == 0;
    }

    /** The counts, as the audit row's detail and the command's summary. */
    public String counts() {
        return "drafts=" + drafts.size() + " signedNotes=" + signedNotes.size() + " transcriptionJobs="
                + transcriptionJobs.size() + " audioFiles=" + audioFiles.size() + " auditRows=" + auditRows;
    }
}
