package io.liteshift.doctor;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code doctor} found about one database file, errors first.
 *
 * @param database the file examined (absolute)
 * @param findings errors, then warnings, then notes
 */
public record DoctorReport(Path database, List<Diagnosis> findings) {

    public DoctorReport {
        findings = findings.stream().sorted(Comparator.comparing(Diagnosis::severity)).toList();
    }

    public boolean hasErrors() {
        return count(Diagnosis.Severity.ERROR) > 0;
    }

    public long count(Diagnosis.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The finding with this code, if there is one (tests and scripts). */
    public Optional<Diagnosis> find(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
