package se.dikta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import se.dikta.audit.AuditChainVerifier;
import se.dikta.audit.AuditCheckpoint;
import se.dikta.config.DiktaConfig;

/** {@code audit verify}: recomputes the audit log's hash chain; exit 1 at the first altered, inserted or deleted row. */
public final class AuditVerifyCommand implements Command {

    @Override
    public String usage() {
        return "audit verify   (recomputes the audit log's hash chain)";
    }

    @Override
    public int run(CommandLine cl, Map<String, String> env, InputStream in, PrintStream out) throws Exception {
        DiktaConfig config = DiktaConfig.load(cl.without(), env);
        try (CliContext cli = CliContext.open(config)) {
            AuditChainVerifier.Result result = cli.db().txBlocking(c -> new AuditChainVerifier().verify(c));
            AuditCheckpoint start = cli.db().txBlocking(AuditCheckpoint::latest);
            if (start.throughSeq() > 0) {
                out.println("Verified from the retention checkpoint after row " + start.throughSeq()
                        + " (rows up to it were removed by retention; last removed hash " + start.lastHash() + ")");
            }
            if (result.intact()) {
                out.println("Granskningsloggen är hel: " + result.rows() + " rader, senaste hash " + result.lastHash());
                out.println("Audit log intact: " + result.rows() + " rows, last hash " + result.lastHash());
                return 0;
            }
            out.println("Granskningsloggen är inte hel: " + result.problem().get());
            out.println("Audit log NOT intact after " + result.rows() + " verified rows: " + result.problem().get());
            return 1;
        }
    }
}
