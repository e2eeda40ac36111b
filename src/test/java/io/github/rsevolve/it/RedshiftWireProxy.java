package io.github.rsevolve.it;

import io.github.rsevolve.core.execute.StandIn;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.SqlText;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import io.github.rsevolve.core.translate.Translation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A PostgreSQL wire-protocol proxy (test scope) that lets Amazon's redshift-jdbc42 talk to the embedded
 * PostgreSQL: it drops the startup parameters PostgreSQL rejects and passes every query (simple and extended
 * protocol) through validate's Redshift-to-PostgreSQL translator. With it, migrate, info, baseline and repair run
 * end to end through jdbc:redshift://, the driver and Flyway's Redshift support.
 */
public final class RedshiftWireProxy implements AutoCloseable {

    /** Startup parameters PostgreSQL knows; the driver's own (driver_version, os_version, ...) are dropped. */
    private static final Set<String> KEPT = Set.of("user", "database", "application_name", "client_encoding",
            "DateStyle", "TimeZone", "extra_float_digits", "search_path");

    /** Session settings only Redshift has: dropped rather than sent. */
    private static final Set<String> REDSHIFT_ONLY_SETTINGS = Set.of("query_group",
            "enable_result_cache_for_session", "wlm_query_slot_count", "analyze_threshold_percent", "auto_analyze",
            "enable_case_sensitive_identifier", "json_parse_truncate_strings", "describe_field_name_in_uppercase");

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int PROTOCOL_3 = 196608;

    /** Connections to the backend's databases as its superuser, for what the proxy does itself. */
    public interface Backend {
        Connection connect(String database) throws SQLException;
    }

    private final ServerSocket server;
    private final int backendPort;
    /** The backend, for CREATE and DROP DATABASE; null passes them through as they are. */
    private final Backend backend;
    private final RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS);

    public RedshiftWireProxy(int port, int backendPort) throws IOException {
        this(port, backendPort, null);
    }

    /**
     * A proxy that also plays a cluster's CREATE and DROP DATABASE (a Redshift throwaway): each database created
     * through it is made a cluster as {@link #prepareCluster} makes one, and DROP DATABASE takes Redshift's syntax
     * only.
     */
    public RedshiftWireProxy(int port, int backendPort, Backend backend) throws IOException {
        this.backendPort = backendPort;
        this.backend = backend;
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "redshift-wire-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Makes a database of the backend a cluster behind the proxy: it keeps the translator's bookkeeping and has the
     * compatibility functions on its path, as every stand-in does.
     */
    public static void prepareCluster(Connection connection, String database) throws SQLException {
        StandIn.prepareEnvironment(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " SET search_path = \"$user\", public, "
                    + RedshiftToPostgresTranslator.COMPAT_SCHEMA);
        }
    }

    private void accept() {
        try {
            while (!server.isClosed()) {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "redshift-wire-proxy-session");
                session.setDaemon(true);
                session.start();
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    private void serve(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            OutputStream toClient = client.getOutputStream();
            DataOutputStream toBackend = new DataOutputStream(new BufferedOutputStream(backend.getOutputStream()));
            byte[] startup;
            while (true) {
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8)
                        | (body[3] & 0xff);
                if (code == SSL_REQUEST || code == GSS_REQUEST) {
                    toClient.write('N');
                    toClient.flush();
                    continue;
                }
                startup = body;
                break;
            }
            toBackend.write(startup(startup));
            toBackend.flush();
            Thread replies = new Thread(() -> {
                try {
                    backend.getInputStream().transferTo(toClient);
                } catch (IOException e) {
                    // The session ended.
                } finally {
                    try {
                        client.close();
                    } catch (IOException e) {
                        // Already closed.
                    }
                }
            }, "redshift-wire-proxy-replies");
            replies.setDaemon(true);
            replies.start();
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                if (type == 'Q') {
                    body = (translate(cString(body, 0)) + "\0").getBytes(StandardCharsets.UTF_8);
                } else if (type == 'P') {
                    body = parse(body);
                }
                toBackend.write(type);
                toBackend.writeInt(body.length + 4);
                toBackend.write(body);
                toBackend.flush();
            }
        } catch (IOException e) {
            // The session ended.
        }
    }

    private static byte[] startup(byte[] body) throws IOException {
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        int i = 4;
        while (i < body.length && body[i] != 0) {
            String key = cString(body, i);
            i += utf8Length(key) + 1;
            String value = cString(body, i);
            i += utf8Length(value) + 1;
            if (KEPT.contains(key)) {
                parameters.write((key + "\0" + value + "\0").getBytes(StandardCharsets.UTF_8));
            }
        }
        parameters.write(0);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(message);
        out.writeInt(parameters.size() + 8);
        out.writeInt(PROTOCOL_3);
        out.write(parameters.toByteArray());
        return message.toByteArray();
    }

    /** Parse: statement name, query, parameter types; the query is translated. */
    private byte[] parse(byte[] body) throws IOException {
        String name = cString(body, 0);
        int i = utf8Length(name) + 1;
        String query = cString(body, i);
        i += utf8Length(query) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((name + "\0" + translate(query) + "\0").getBytes(StandardCharsets.UTF_8));
        out.write(body, i, body.length - i);
        return out.toByteArray();
    }

    String translate(String sql) {
        List<SqlStatement> statements = SqlSplitter.split(SourceFile.of(Path.of("wire.sql"), "wire", sql))
                .statements();
        List<String> translated = new ArrayList<>();
        for (SqlStatement statement : statements) {
            if (statement.startsWith("set", "readonly")) {
                // redshift-jdbc42's setReadOnly sends Redshift's SET readonly=1/0: PostgreSQL's default for the
                // session's transactions is the same switch.
                Token value = statement.token(statement.tokens().size() - 1);
                translated.add("SET default_transaction_read_only = " + (value.text().equals("1") ? "on" : "off"));
                continue;
            }
            if (backend != null && (statement.startsWith("create", "database")
                    || statement.startsWith("drop", "database"))) {
                translated.add(database(statement));
                continue;
            }
            ParsedStatement parsed = parser.parse(statement);
            if (isPostgresSession(statement) || parsed.kind() == StatementKind.TRANSACTION) {
                translated.add(statement.text());
                continue;
            }
            Translation translation = RedshiftToPostgresTranslator.translate(parsed);
            if (translation.lateBinding()) {
                // Redshift creates a late-binding view over objects that do not exist (yet): so does the stand-in.
                translated.add("DO $rse_late$ BEGIN\n" + translation.sql().stream()
                        .map(sqlText -> "EXECUTE $rse_statement$" + sqlText + "$rse_statement$;\n")
                        .reduce("", String::concat)
                        + "EXCEPTION WHEN undefined_table OR invalid_schema_name THEN NULL;\nEND $rse_late$");
            } else if (!translation.isSkipped()) {
                translated.addAll(translation.sql());
            }
        }
        return translated.size() > 1 ? doBlock(translated) : String.join(";\n", translated);
    }

    /**
     * CREATE DATABASE name, then the new database made a cluster; DROP DATABASE name [FORCE], Redshift's only form
     * (docs: DROP DATABASE: no IF EXISTS), ending the sessions on it as FORCE does. Done here on the backend, since
     * neither runs inside the DO block a translation may become; the client gets a no-op's reply, or the error.
     */
    private String database(SqlStatement statement) {
        boolean create = statement.startsWith("create", "database");
        Token name = statement.token(2);
        Token after = statement.token(3);
        String refused = null;
        if (name == null || name.is("if")) {
            refused = "syntax error at or near \"" + (name == null ? "end" : name.text()) + "\"";
        } else if (after != null && !(!create && after.is("force") && statement.token(4) == null)) {
            refused = create ? null : "syntax error at or near \"" + after.text() + "\"";
        }
        if (refused == null) {
            String quoted = RedshiftToPostgresTranslator.quote(name.identifier());
            try (Connection admin = backend.connect("postgres"); Statement sql = admin.createStatement()) {
                if (create) {
                    sql.execute("CREATE DATABASE " + quoted);
                    try (Connection created = backend.connect(name.identifier())) {
                        prepareCluster(created, quoted);
                    }
                } else {
                    sql.execute("DROP DATABASE " + quoted + " WITH (FORCE)");
                }
                return "DO $rse_proxy$ BEGIN END $rse_proxy$";
            } catch (SQLException e) {
                refused = e.getMessage();
            }
        }
        return "DO $rse_proxy$ BEGIN RAISE EXCEPTION '%', " + SqlText.literal(refused) + "; END $rse_proxy$";
    }

    /** SHOW, RESET and SET of settings PostgreSQL has pass as they are. */
    private static boolean isPostgresSession(SqlStatement statement) {
        Token first = statement.token(0);
        Token second = statement.token(1);
        if (first.is("show") || first.is("reset")) {
            return second == null || !REDSHIFT_ONLY_SETTINGS.contains(second.identifier());
        }
        if (first.is("set") && second != null && !second.is("search_path")) {
            Token name = second.is("session") || second.is("local") ? statement.token(2) : second;
            return name != null && !REDSHIFT_ONLY_SETTINGS.contains(name.identifier());
        }
        return false;
    }

    /** The extended protocol takes one command per Parse: several statements run as one DO block. */
    private static String doBlock(List<String> statements) {
        StringBuilder block = new StringBuilder("DO $rse_proxy$ BEGIN\n");
        for (String statement : statements) {
            block.append("EXECUTE $rse_statement$").append(statement).append("$rse_statement$;\n");
        }
        return block.append("END $rse_proxy$").toString();
    }

    private static String cString(byte[] bytes, int from) {
        int end = from;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() throws IOException {
        server.close();
        parser.close();
    }
}
