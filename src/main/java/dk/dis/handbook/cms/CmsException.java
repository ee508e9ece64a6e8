package dk.dis.handbook.cms;

/** A sync or push that could not be completed; the message names what failed and what to do. */
public class CmsException extends Exception {
    public CmsException(String message) {
        super(message);
    }

    public CmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
