package org.adjoint4j.examples.cli.config;

/**
 * A configuration that cannot be used: a missing or unreadable file, a syntax error, an unknown key,
 * a value of the wrong type or out of range. The message names the file or key, the value and what
 * is allowed; several problems are reported one per line. The command line maps it to exit code 1.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A problem described by {@code message}.
     *
     * @param message the text shown to the user; several problems one per line
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * A problem described by {@code message}, caused by {@code cause}.
     *
     * @param message the text shown to the user; several problems one per line
     * @param cause   the underlying failure, e.g. an I/O or parse error; may be null
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The standard message for a value that a key does not accept, e.g.
     * {@code key 'checkpointing.memory_slots': -3 is not allowed: expected an integer >= 1 (in run.toml)}.
     *
     * @param key      the full key, e.g. {@code checkpointing.memory_slots}
     * @param value    the value as written (strings quoted)
     * @param expected what is allowed, e.g. "an integer >= 1"
     * @param origin   where the value came from, e.g. "in run.toml" or "from --set"
     * @return a new exception with that message (to be thrown by the caller)
     */
    public static ConfigurationException notAllowed(String key, String value, String expected, String origin) {
        return new ConfigurationException(notAllowedMessage(key, value, expected, origin));
    }

    static String notAllowedMessage(String key, String value, String expected, String origin) {
        return "key '" + key + "': " + value + " is not allowed: expected " + expected + " (" + origin + ")";
    }
}
