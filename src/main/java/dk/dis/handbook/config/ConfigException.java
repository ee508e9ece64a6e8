package dk.dis.handbook.config;

/** A config file that cannot be used; the message names the file and field. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
