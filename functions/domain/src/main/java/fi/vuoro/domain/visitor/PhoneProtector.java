package fi.vuoro.domain.visitor;

/**
 * Keeps phone numbers out of storage: a keyed hash recognises a number, an encrypted copy lets a
 * later SMS be sent. Refugees' numbers are sensitive personal data.
 */
public interface PhoneProtector {

    /** A keyed hash of the number; equal numbers give equal hashes, and the number cannot be recovered. */
    String hash(String e164Number);

    /** The number sealed with the current key; the text names the key's version, so keys can be rotated. */
    String encrypt(String e164Number);

    /**
     * The number again, whichever of the deployment's keys sealed it.
     *
     * @throws UnreadablePhoneException when the text is damaged or no key it names is known
     */
    String decrypt(String cipherText);
}
