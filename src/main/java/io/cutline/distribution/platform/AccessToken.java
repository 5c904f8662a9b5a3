package io.cutline.distribution.platform;

/** The access token a platform's calls carry: the one to use now, and word that the platform refused it. */
interface AccessToken {

    /** A token that is good for a while yet. */
    String current();

    /** The platform refused {@code refused} (401): the next {@link #current} gets a new one. */
    void expired(String refused);
}
