package io.cutline.config;

/** A property the service needs is missing or has a value of the wrong kind (see config/application.properties). */
public class InvalidSettingException extends IllegalStateException {

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
