package fi.vuoro.domain.outbox;

import fi.vuoro.domain.visitor.PhoneProtector;

/** Stands in for the real encryption: reversible, and visibly not the number itself. */
final class ReversiblePhones implements PhoneProtector {

    @Override
    public String hash(String e164Number) {
        return "hash:" + e164Number.hashCode();
    }

    @Override
    public String encrypt(String e164Number) {
        return "enc:" + new StringBuilder(e164Number).reverse();
    }

    @Override
    public String decrypt(String cipherText) {
        if (!cipherText.startsWith("enc:")) {
            throw new IllegalArgumentException("not a cipher text");
        }
        return new StringBuilder(cipherText.substring(4)).reverse().toString();
    }
}
