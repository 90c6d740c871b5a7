package io.liteshift.maven;

import io.liteshift.doctor.Diagnosis;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.report.Reports;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.stream.Collectors;

/**
 * Diagnoses the common production errors (a missing or unwritable file, an empty database where migrations exist,
 * pending migrations and drift, disk space for the next rebuild, ...). Reads only, never creates the file. Fails the
 * build when a finding is an error.
 */
@Mojo(name = "doctor", threadSafe = true)
public final class DoctorMojo extends LiteShiftMojo {
    @Override
    void run() throws MojoFailureException {
        DoctorReport r = configure().database(requireDatabase()).load().doctor();
        Reports.doctor(r, log());
        if (r.hasErrors()) {
            throw new MojoFailureException("doctor found " + r.count(Diagnosis.Severity.ERROR) + " error(s) in " + r.database() + ":\n"
                    + r.findings().stream().filter(f -> f.severity() == Diagnosis.Severity.ERROR)
                    .map(f -> "  - " + f.code() + ": " + f.found() + " Fix: " + f.fix()).collect(Collectors.joining("\n")));
        }
    }
}
