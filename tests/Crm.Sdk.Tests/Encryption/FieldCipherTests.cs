using System.Buffers.Text;
using Crm.Sdk.Encryption;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Encrypting one field value, and every way a stored value can be refused.</summary>
public sealed class FieldCipherTests
{
    private const string Plaintext = "ada.lovelace@example.com";

    /// <summary>A value decrypts to what was encrypted, from where it was written.</summary>
    [Fact]
    public void Value_decrypts_where_it_was_written()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        Assert.StartsWith("ce1:", envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("ada", envelope, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Plaintext, FieldCipher.Decrypt(envelope, TestKeys.Email(), key));
    }

    /// <summary>The envelope has the documented layout: version, data key id, nonce, ciphertext, tag.</summary>
    [Fact]
    public void Envelope_has_the_documented_layout()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);
        var bytes = Base64Url.DecodeFromChars(envelope.AsSpan(4));

        Assert.Equal(1 + 16 + 12 + Plaintext.Length + 16, bytes.Length);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(key.Id, new Guid(bytes.AsSpan(1, 16), bigEndian: true));
        Assert.True(FieldCipher.TryGetDataKeyId(envelope, out var id));
        Assert.Equal(key.Id, id);
        Assert.True(FieldCipher.IsEnvelope(envelope));
        Assert.False(FieldCipher.IsEnvelope(Plaintext));
    }

    /// <summary>The erasure check reads the data key id from the envelope header alone, and refuses what is no envelope.</summary>
    [Fact]
    public void Key_id_is_read_from_the_envelope_header()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        Assert.True(EnvelopeScanner.TryReadKeyId(envelope, out var id));
        Assert.Equal(key.Id, id);
        Assert.False(EnvelopeScanner.TryReadKeyId(Plaintext, out _));
        Assert.False(EnvelopeScanner.TryReadKeyId("ce2:" + envelope[4..], out _));
        Assert.False(EnvelopeScanner.TryReadKeyId(envelope[..30], out _));
    }

    /// <summary>Decryption finds the data key by the id in the envelope, among several.</summary>
    [Fact]
    public void Decryption_looks_the_data_key_up_by_id()
    {
        using var first = TestKeys.NewDataKey();
        using var second = TestKeys.NewDataKey();
        var keys = new[] { first, second }.ToDictionary(k => k.Id);
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), second);

        var looked = new List<Guid>();
        var plaintext = FieldCipher.Decrypt(envelope, TestKeys.Email(), id =>
        {
            looked.Add(id);
            return keys.GetValueOrDefault(id);
        });

        Assert.Equal(Plaintext, plaintext);
        Assert.Equal([second.Id], looked);
    }

    /// <summary>A value copied to another record fails as an integrity error naming where it was read.</summary>
    [Fact]
    public void Value_moved_to_another_record_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        var error = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, TestKeys.Email(TestKeys.OtherRecordId), key));

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        Assert.Equal("customers", error.Collection);
        Assert.Equal("email", error.Field);
        Assert.Equal(TestKeys.OtherRecordId, error.RecordId);
        Assert.Equal(key.Id.ToString(), error.KeyId);
        Assert.Contains("'email'", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestKeys.OtherRecordId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Plaintext, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A value copied to another field of the same record is refused.</summary>
    [Fact]
    public void Value_moved_to_another_field_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        var error = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, new FieldContext("customers", TestKeys.RecordId, "phone"), key));

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        Assert.Equal("phone", error.Field);
    }

    /// <summary>A value copied to the same field of a record of another collection with the same id is refused.</summary>
    [Fact]
    public void Value_moved_to_another_collection_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        var error = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, new FieldContext("interactions", TestKeys.RecordId, "email"), key));

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, error.Failure);
        Assert.Equal("interactions", error.Collection);
    }

    /// <summary>Field names that only differ in where one label ends and the next begins do not collide.</summary>
    [Fact]
    public void Collection_and_field_boundaries_are_unambiguous()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, new FieldContext("customers", TestKeys.RecordId, "email"), key);

        Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, new FieldContext("customerse", TestKeys.RecordId, "mail"), key));
        Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, new FieldContext("customer", TestKeys.RecordId, "semail"), key));
    }

    /// <summary>Flipping any single bit of tag, ciphertext, nonce or version is refused; no garbage plaintext comes out.</summary>
    [Theory]
    [InlineData("tag", -1)]
    [InlineData("tag", -16)]
    [InlineData("ciphertext", 29)]
    [InlineData("ciphertext", -17)]
    [InlineData("nonce", 17)]
    [InlineData("nonce", 28)]
    public void Flipped_bit_is_refused(string part, int offset)
    {
        using var key = TestKeys.NewDataKey();
        var bytes = Decode(FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key));
        var index = offset < 0 ? bytes.Length + offset : offset;
        bytes[index] ^= 0x01;

        var error = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(Encode(bytes), TestKeys.Email(), key));

        Assert.True(error.Failure == CryptographicIntegrityFailure.AuthenticationFailed, $"{part}: {error.Failure}");
    }

    /// <summary>Changing the data key id in the header makes the key unknown.</summary>
    [Fact]
    public void Altered_key_id_is_an_unknown_key()
    {
        using var key = TestKeys.NewDataKey();
        var bytes = Decode(FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key));
        bytes[5] ^= 0x80;

        var error = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(Encode(bytes), TestKeys.Email(), key));

        Assert.Equal(CryptographicIntegrityFailure.UnknownKey, error.Failure);
    }

    /// <summary>A value whose data key is gone (erased customer) cannot be read.</summary>
    [Fact]
    public void Unknown_data_key_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        using var other = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        Assert.Equal(CryptographicIntegrityFailure.UnknownKey, Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, TestKeys.Email(), _ => null)).Failure);
        var error = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, TestKeys.Email(), other));
        Assert.Equal(CryptographicIntegrityFailure.UnknownKey, error.Failure);
        Assert.Equal(key.Id.ToString(), error.KeyId);
    }

    /// <summary>A data key with the right id but other bytes fails authentication.</summary>
    [Fact]
    public void Wrong_data_key_bytes_are_refused()
    {
        using var key = TestKeys.NewDataKey();
        using var impostor = new DataKey(key.Id, new byte[32]);
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        Assert.Equal(CryptographicIntegrityFailure.AuthenticationFailed, Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, TestKeys.Email(), impostor)).Failure);
    }

    /// <summary>Every truncation of an envelope is refused.</summary>
    [Fact]
    public void Truncated_envelope_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        for (var length = 0; length < envelope.Length; length++)
        {
            var truncated = envelope[..length];
            Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(truncated, TestKeys.Email(), key));
        }

        var bytes = Decode(envelope);
        for (var length = 0; length < bytes.Length; length++)
        {
            var truncated = Encode(bytes[..length]);
            Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(truncated, TestKeys.Email(), key));
        }
    }

    /// <summary>Text that is not a version-1 envelope is refused as malformed or of an unsupported version.</summary>
    [Theory]
    [InlineData("", CryptographicIntegrityFailure.MalformedEnvelope)]
    [InlineData("ada.lovelace@example.com", CryptographicIntegrityFailure.MalformedEnvelope)]
    [InlineData("ce1:", CryptographicIntegrityFailure.MalformedEnvelope)]
    [InlineData("ce1:not base64!", CryptographicIntegrityFailure.MalformedEnvelope)]
    [InlineData("CE1:AQ", CryptographicIntegrityFailure.MalformedEnvelope)]
    [InlineData("ce2:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywt", CryptographicIntegrityFailure.UnsupportedVersion)]
    public void Text_that_is_not_an_envelope_is_refused(string text, CryptographicIntegrityFailure expected)
    {
        using var key = TestKeys.NewDataKey();

        Assert.Equal(expected, Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(text, TestKeys.Email(), key)).Failure);
    }

    /// <summary>A version byte other than 1 under the "ce1:" prefix is an unsupported version.</summary>
    [Fact]
    public void Unknown_version_byte_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var bytes = Decode(FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key));
        bytes[0] = 0x02;

        Assert.Equal(CryptographicIntegrityFailure.UnsupportedVersion, Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(Encode(bytes), TestKeys.Email(), key)).Failure);
    }

    /// <summary>Only the canonical base64url text is accepted: no padding, whitespace or standard-base64 characters.</summary>
    [Fact]
    public void Non_canonical_text_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt("x", TestKeys.Email(), key);

        foreach (var variant in new[] { envelope + "=", envelope + " ", envelope.Insert(10, "\n"), envelope.Replace('-', '+').Replace('_', '/') + (envelope.Contains('-') || envelope.Contains('_') ? "" : "==") })
        {
            Assert.Equal(CryptographicIntegrityFailure.MalformedEnvelope, Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(variant, TestKeys.Email(), key)).Failure);
        }
    }

    /// <summary>Stray bits in the last base64url character would give a second text for the same bytes: refused.</summary>
    [Fact]
    public void Stray_trailing_bits_are_refused()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt("x", TestKeys.Email(), key); // 46 bytes: the last group has 2 characters.
        var last = Alphabet.IndexOf(envelope[^1], StringComparison.Ordinal);
        var variant = envelope[..^1] + Alphabet[last | 1];

        Assert.Equal(2, (envelope.Length - "ce1:".Length) % 4);
        Assert.Equal(CryptographicIntegrityFailure.MalformedEnvelope, Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(variant, TestKeys.Email(), key)).Failure);
    }

    /// <summary>Text with a lone surrogate cannot round-trip, so it is refused instead of silently altered.</summary>
    [Fact]
    public void Invalid_utf16_plaintext_is_refused()
    {
        using var key = TestKeys.NewDataKey();

        Assert.Throws<ArgumentException>(() => FieldCipher.Encrypt("abc\uD800", TestKeys.Email(), key));
    }

    /// <summary>UTF-8 bytes encrypt to the same envelope format as text, and decrypt into the caller's buffer.</summary>
    [Fact]
    public void Utf8_bytes_round_trip_through_the_same_envelope()
    {
        using var key = TestKeys.NewDataKey();
        var bytes = System.Text.Encoding.UTF8.GetBytes("Grüße 👋 " + Plaintext);

        var envelope = FieldCipher.Encrypt(bytes, TestKeys.Email(), key);
        var buffer = new byte[FieldCipher.MaxPlaintextLength(envelope)];
        var written = FieldCipher.Decrypt(envelope, TestKeys.Email(), _ => key, buffer);

        Assert.Equal(bytes.Length, FieldCipher.MaxPlaintextLength(envelope));
        Assert.Equal(bytes, buffer[..written]);
        Assert.Equal("Grüße 👋 " + Plaintext, FieldCipher.Decrypt(envelope, TestKeys.Email(), key));
        Assert.Equal(bytes, System.Text.Encoding.UTF8.GetBytes(FieldCipher.Decrypt(FieldCipher.Encrypt("Grüße 👋 " + Plaintext, TestKeys.Email(), key), TestKeys.Email(), key)));
    }

    /// <summary>Bytes that are not UTF-8 are refused; a buffer too small for the plaintext is refused before anything is decrypted.</summary>
    [Fact]
    public void Invalid_utf8_or_short_buffer_is_refused()
    {
        using var key = TestKeys.NewDataKey();
        var envelope = FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key);

        Assert.Throws<ArgumentException>(() => FieldCipher.Encrypt([0x61, 0xC3], TestKeys.Email(), key));
        Assert.Throws<ArgumentException>(() => FieldCipher.Decrypt(envelope, TestKeys.Email(), _ => key, new byte[Plaintext.Length - 1]));
    }

    /// <summary>A long value (a 1 MB note) round-trips.</summary>
    [Fact]
    public void Long_value_round_trips()
    {
        using var key = TestKeys.NewDataKey();
        var text = string.Concat(Enumerable.Repeat("Grüße 👋 ", 100_000));

        Assert.Equal(text, FieldCipher.Decrypt(FieldCipher.Encrypt(text, TestKeys.Email(), key), TestKeys.Email(), key));
    }

    /// <summary>A disposed data key is zeroed and can no longer be used.</summary>
    [Fact]
    public void Disposed_data_key_cannot_be_used()
    {
        var key = TestKeys.NewDataKey();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => FieldCipher.Encrypt(Plaintext, TestKeys.Email(), key));
    }

    private static byte[] Decode(string envelope) => Base64Url.DecodeFromChars(envelope.AsSpan("ce1:".Length));

    private static string Encode(byte[] bytes) => "ce1:" + Base64Url.EncodeToString(bytes);
}
