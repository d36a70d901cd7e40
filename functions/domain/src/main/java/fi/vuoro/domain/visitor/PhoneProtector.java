package fi.vuoro.domain.visitor;

/**
 * Keeps phone numbers out of storage: a keyed hash recognises a number, an encrypted copy lets a
 * later SMS be sent. Refugees' numbers are sensitive personal data.
 */
public interface PhoneProtector {

    /** A keyed hash of the number; equal numbers give equal hashes, and the number cannot be recovered. */
    String hash(String e164Number);

    String encrypt(String e164Number);

    String decrypt(String cipherText);
}
